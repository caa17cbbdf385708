/** Issue 11, item 12: the note under an answer counts every cited source that is not quoted, not a fixed few. */
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/types.js';
import { renderAnswer, SHOWN_CITATIONS } from '../../src/discord/render.js';

const citation = (i: number): Citation => ({
  source: `${String(i).padStart(3, '0')}_x`, snippet: `Snippet number ${i} says the wall is long.`,
  url: `http://localhost:8080/sources/${i}`, viewer: `http://localhost:8080/sources/${i}`, start: 0, end: 10, paragraph: 1,
});
const answer = (n: number): Answer => ({
  question: 'How long is the wall?', answered: true, answer: '2,500 m', intent: 'quantity',
  citations: Array.from({ length: n }, (_, i) => citation(i)), conflicts: [],
});

describe('quotes under an answer', () => {
  it.each([
    [SHOWN_CITATIONS, undefined],
    [SHOWN_CITATIONS + 1, '1 more cited snippet: use the button below.'],
    [20, `${20 - SHOWN_CITATIONS} more cited snippets: use the button below.`],
  ])('with %i citations from as many sources, the rest are counted: %s', (n, note) => {
    const d = renderAnswer(answer(n)).description!;
    expect(d.match(/^> /gm)).toHaveLength(SHOWN_CITATIONS);
    if (note) expect(d).toContain(note);
    else expect(d).not.toMatch(/more cited snippet/);
  });
});
