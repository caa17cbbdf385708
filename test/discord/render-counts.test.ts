/** Issue 11, item 12: the "…and N more quotes" note under an answer counts every citation. */
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/types.js';
import { renderAnswer } from '../../src/discord/render.js';

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
    [8, undefined],
    [9, '…and 1 more quote'],
    [20, '…and 12 more quotes'],
  ])('with %i citations, eight are quoted and the note says %s', (n, note) => {
    const d = renderAnswer(answer(n)).description!;
    expect(d.match(/^> /gm)).toHaveLength(8);
    if (note) expect(d).toMatch(new RegExp(`${note}$`));
    else expect(d).not.toMatch(/more quote/);
  });
});
