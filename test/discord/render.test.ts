/** The rendering module on its own: whatever the engine returns, embeds stay within Discord's limits. */
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, SourceSummary } from '../../src/core/types.js';
import { LIMITS, choices, embedLength, joinWithin, pagerRow, paginate, renderAnswer, renderHelp, renderPage, sourceLines, truncate } from '../../src/discord/render.js';
import { messageViolations } from './fake-discord.js';

const citation = (i: number, snippet: string): Citation => ({
  source: `${String(i).padStart(3, '0')}_x`,
  snippet,
  url: `https://example.com/${i}#:~:text=${'a'.repeat(300)}`,
  viewer: `http://localhost:8080/sources/${i}`,
  start: 0,
  end: snippet.length,
  paragraph: i,
});

describe('truncate', () => {
  it.each([
    ['short text is unchanged', 'hello', 10, 'hello'],
    ['long text ends at a word with an ellipsis', 'the quick brown fox jumps over', 22, 'the quick brown fox…'],
    ['a long word is cut inside', 'abcdefghijklmnop', 6, 'abcde…'],
    ['a limit of one is just the ellipsis', 'hello', 1, '…'],
  ])('%s', (_name, text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀'.repeat(10), 6);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out).toBe('😀😀…');
  });
});

describe('joinWithin', () => {
  it('keeps whole parts and counts the rest', () => {
    expect(joinWithin(['[a](u)', '[b](u)', '[c](u)'], ' · ', 20)).toBe('[a](u) · …and 2 more');
  });
});

describe('renderAnswer', () => {
  const huge: Answer = {
    question: 'Q '.repeat(400),
    answered: true,
    answer: 'A'.repeat(5000),
    intent: 'quantity',
    agree: 40,
    total: 40,
    citations: Array.from({ length: 40 }, (_, i) => citation(i, `@everyone **${'quote '.repeat(400)}**`)),
    conflicts: Array.from({ length: 40 }, (_, i) => ({ value: 'V'.repeat(2000), sources: [`${i}_x`], attribution: 'X'.repeat(500), citations: [citation(i, 'c')] })),
  };

  it('keeps an answer with huge quotes, conflicts and titles inside every limit', () => {
    const embed = renderAnswer(huge);
    expect(messageViolations({ embeds: [embed] })).toEqual([]);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.fields!.map((f) => f.name)).toContain('Agreement');
  });

  it('says plainly when the coverage does not answer', () => {
    const embed = renderAnswer({ question: 'What is the capital of France?', answered: false, answer: "The coverage doesn't say.", intent: 'none', citations: [], conflicts: [] });
    expect(embed.description).toBe("The coverage doesn't say.");
    expect(embed.fields).toBeUndefined();
  });
});

describe('lists and pages', () => {
  const sources: SourceSummary[] = Array.from({ length: 60 }, (_, i) => ({
    id: `${String(i).padStart(3, '0')}_s`,
    title: 'T'.repeat(600),
    outlet: '[x](https://evil.example)',
    url: `https://example.com/${i}`,
    viewer: `http://localhost/sources/${i}`,
    chars: 1, words: 1, sentences: 1, furniture: 0, wireShare: 0.5,
    wireWith: Array.from({ length: 50 }, (_, k) => `${k}_s`),
  }));

  it('pages many long lines so that every page fits', () => {
    const pages = paginate(sourceLines(sources), 3800, 10);
    expect(pages.length).toBeGreaterThan(1);
    for (let p = 0; p < pages.length; p++) {
      const body = { embeds: [renderPage('Sources', pages, p, 'intro')], components: pagerRow('sources', '1'.repeat(19), p, pages.length) };
      expect(messageViolations(body)).toEqual([]);
    }
  });

  it('escapes markdown links hidden in outlet names', () => {
    expect(sourceLines(sources)[0]).not.toContain('](https://evil.example)');
  });

  it('keeps autocomplete at 25 choices of at most 100 characters', () => {
    const c = choices(Array.from({ length: 80 }, (_, i) => `${i} ${'long question '.repeat(20)}`));
    expect(c).toHaveLength(25);
    for (const x of c) expect(x.name.length).toBeLessThanOrEqual(100);
  });

  it('renders help with examples within the limits', () => {
    const embed = renderHelp(Array.from({ length: 30 }, () => 'x'.repeat(500)), 3);
    expect(messageViolations({ embeds: [embed] })).toEqual([]);
  });
});
