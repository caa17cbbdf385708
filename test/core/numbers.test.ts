/** Issue 11, item 12: figures written with exponents, and figures too large for a number. */
import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';

const nlp = createNlp();
const quantities = (sentence: string) =>
  buildFactTable([{ id: 'a', raw: `date 2017-07-05\n\n${sentence}\n`, meta: {} }], 't', nlp).facts
    .filter((f) => f.kind === 'quantity')
    .map((f) => ({ value: f.value, label: f.label }));

describe('figures with exponents', () => {
  it.each([
    ['The lab counted 1e308 particles in the sample.', 1e308, '1e308 particles'],
    ['It weighed 1e3 kg when it was loaded.', 1000, '1e3 kg'],
    ['The model needs 10^6 operations per step.', 1e6, '10^6 operations'],
  ])('%s', (sentence, value, label) => {
    expect(quantities(sentence)).toEqual([{ value, label }]);
  });

  it.each([
    ['10^400', 'The model needs 10^400 operations per step.'],
    ['400 digits', `There were ${'9'.repeat(400)} stars in the sky.`],
    ['1e999', 'The lab counted 1e999 particles in the sample.'],
  ])('a figure beyond any number (%s) is dropped, never stored as null', (_name, sentence) => {
    const found = quantities(sentence);
    for (const q of found) expect(Number.isFinite(q.value)).toBe(true);
    expect(found.some((q) => /operations|stars|particles/.test(q.label))).toBe(false);
  });
});

describe('ages stated as a copula complement or an age at death', () => {
  const ages = (sentence: string) =>
    buildFactTable([{ id: 'a', raw: `date 2017-07-05\n\n${sentence}\n`, meta: {} }], 't', nlp).facts
      .filter((f) => f.kind === 'quantity' && f.attribute === 'age')
      .map((f) => f.value);

  it.each([
    ['She was 91.', 91],
    ['Marlowe is 56 and lives in Leeds.', 56],
    ['The actor dies at 83', 83],
    ['He died at 77, his family said.', 77],
  ])('%s', (sentence, age) => {
    expect(ages(sentence)).toEqual([age]);
  });

  it.each([
    'The score was 91.',
    'Turnout was 56 on the day.',
    'The bus arrived at 11.',
    'He was 91st in the rankings.',
  ])('no age in %j', (sentence) => {
    expect(ages(sentence)).toEqual([]);
  });
});

describe('how often, and amounts of a noun through a participle', () => {
  const facts = (sentence: string) =>
    buildFactTable([{ id: 'a', raw: `date 2017-07-05\n\n${sentence}\n`, meta: {} }], 't', nlp).facts.filter((f) => f.kind === 'quantity');

  it.each([
    ['She was married four times before 1990.', 4],
    ['He stabbed the guard 12 times.', 12],
  ])('"N times" after a verb counts how often: %s', (sentence, n) => {
    expect(facts(sentence).map((f) => [f.value, f.subject])).toEqual([[n, 'time']]);
  });

  it.each(['The tower is three times taller than the old one.', 'They paid three times as much.', 'It holds four times the water of the old tank.'])(
    'a multiplier is no count: %s', (sentence) => {
      expect(facts(sentence).filter((f) => f.subject === 'time')).toEqual([]);
    });

  it('"a reward totaling $30,000": the amount is the reward\'s', () => {
    expect(facts('Police said a reward totaling $30,000 is offered.').map((f) => f.subject)).toEqual(['reward']);
  });
});
