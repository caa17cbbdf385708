import { describe, expect, it } from 'vitest';
import { answerMessage, renderAnswer, renderMore } from '../../src/discord/render.js';
import type { Answer, Citation } from '../../src/core/types.js';
import { messageViolations } from './fake-discord.js';

const long = 'Officials said on Friday that the footbridge over the Alder River, which took three years to build and cost far more than first planned, is 140 meters long and will open to walkers next spring after a last inspection by the county engineers, who asked for new railings along its whole span.';
const cite = (source: string, snippet = long): Citation => ({ source, snippet, url: `https://example.org/${source}`, viewer: `http://v/sources/${source}`, start: 0, end: snippet.length, paragraph: 2 });
const names: Record<string, string> = { a: 'Valley Post', b: 'Hill Herald', c: 'AFP', d: 'River Daily', e: 'e01' };
const view = { name: (id: string) => names[id] ?? id, articles: [
  { id: 'a', wireWith: [] }, { id: 'b', wireWith: [] }, { id: 'c', wireWith: ['d'] }, { id: 'd', wireWith: ['c'] }, { id: 'e', wireWith: [] },
] };
const answer: Answer = {
  question: 'How long is the footbridge?', answered: true, answer: '140 m — 5 of 5 sources agree.', intent: 'quantity', value: '140 m',
  agree: 5, total: 5, citations: ['a', 'b', 'c', 'd', 'e'].map((s) => cite(s)), conflicts: [],
};

describe('answers in Discord', () => {
  it('quote at most three wire groups by outlet name, trimmed around the fact, and keep the rest for the button', () => {
    let kept: Answer | undefined;
    const msg = answerMessage(answer, view, (a) => ((kept = a), 'k1'));
    expect(messageViolations(msg)).toEqual([]);
    const quotes = msg.embeds[0]!.description!.split('\n').filter((l) => l.startsWith('> '));
    expect(quotes).toHaveLength(3);
    expect(quotes[2]).toMatch(/\[AFP ¶2\]\(https:\/\/example\.org\/c\) · also in River Daily$/);
    expect(quotes[0]).toMatch(/^> ….*140 meters long.*… — \[Valley Post ¶2\]/);
    expect(msg.components[0]!.components[0]).toMatchObject({ label: 'More sources (2)', custom_id: 'ask::more:k1' });
    expect(kept).toBe(answer);
    // The Answer itself keeps every verbatim snippet.
    expect(answer.citations.every((c) => c.snippet === long)).toBe(true);
    const more = renderMore(answer, view).description!;
    expect(more).toContain('River Daily ¶2');
    expect(more).toContain('e01 ¶2');
    expect(more).not.toContain('Valley Post');
  });

  it('needs no button when every cited source is quoted', () => {
    const two = { ...answer, citations: answer.citations.slice(0, 2) };
    expect(answerMessage(two, view, () => 'k').components).toEqual([]);
  });

  it('shows the closest passages under an unanswered question', () => {
    const embed = renderAnswer({ question: 'Why?', answered: false, answer: "I can't answer that directly — the closest passages:", intent: 'none', citations: [], conflicts: [], passages: [cite('b', 'The bridge opens in spring.')] }, view);
    expect(embed.description).toMatch(/> The bridge opens in spring\. — \[Hill Herald ¶2\]/);
  });
});
