import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/types.js';
import { parseQuestionLine, score } from '../../src/cli/score.js';

const cite = (source: string): Citation => ({ source, snippet: 's', url: 'u', viewer: 'v', start: 0, end: 1, paragraph: 1 });
const answer = (text: string, sources: string[], extra: Partial<Answer> = {}): Answer => ({
  question: 'q', answered: true, answer: text, intent: 'quantity', citations: sources.map(cite), conflicts: [], ...extra,
});

describe('score', () => {
  it.each([
    ['a matching answer citing every listed source by prefix', { q: 'q', expect: '2,?500', sources: ['000', '001'] }, answer('2,500 m', ['000_6e79', '001_1649', '002_0377']), []],
    ['a listed source that is not cited', { q: 'q', sources: ['000', '003'] }, answer('x', ['000_6e79']), [/sources not cited: 003/]],
    ['an answer not matching expect, case-insensitively', { q: 'q', expect: 'abbasid' }, answer('The Umayyads', []), [/does not match \/abbasid\/i/]],
    ['expect "" matching anything', { q: 'q', expect: '' }, answer('anything', []), []],
    ['precise with an extra cited source', { q: 'q', sources: ['000'], precise: true }, answer('x', ['000_a', '002_b']), [/not expected \(precise\): 002_b/]],
    ['a conflict found among conflicts[].value', { q: 'q', conflict: '5 ?km' }, answer('2,500 m', [], { conflicts: [{ value: '≈5 km', sources: ['000'] }] }), []],
    ['a conflict missing', { q: 'q', conflict: '5 ?km' }, answer('2,500 m', []), [/conflict \/5 \?km\/i not in the answer/]],
    ['the expected value listed only among the other values reported', { q: 'q', expect: '\\$8 million' }, answer('$60 million — 1 of 10 sources reports it. One other source reports $8 million.', [], { value: '$60 million' }), [/does not match/]],
    ['the expected value as the answer\'s own, with other values after it', { q: 'q', expect: '\\$8 million' }, answer('$8 million — 1 of 10 sources reports it. One of those sources also cites $60 million.', [], { value: '$8 million' }), []],
    ['an abstention when asked to abstain', { q: 'q', abstain: true }, answer("The coverage doesn't say.", [], { answered: false }), []],
    ['an answer when asked to abstain', { q: 'q', abstain: true }, answer('12', ['000']), [/expected no answer/]],
    ['an abstention when an answer was expected', { q: 'q' }, answer("The coverage doesn't say.", [], { answered: false }), [/expected an answer/]],
  ])('scores %s', (_, question, a, expected) => {
    const why = score(question, a);
    expect(why).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(why[i]).toMatch(re));
  });
});

describe('parseQuestionLine', () => {
  it('names questions without an id by line number', () => {
    expect(parseQuestionLine('{"q":"How long?"}', 7)).toEqual({ ok: true, question: { q: 'How long?', id: 'line 7' } });
  });
  it.each([
    ['{"q":', /not valid JSON/],
    ['{"id":"x","q":""}', /expected a non-empty question/],
    ['{"id":"x","q":"a","sources":"000"}', /sources: Expected array/],
    ['{"id":"x","q":"a","expect":"("}', /"expect" is not a valid regex/],
  ])('reports %s', (line, re) => {
    const r = parseQuestionLine(line, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });
});
