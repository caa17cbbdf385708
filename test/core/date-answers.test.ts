/**
 * Date answers when sources state the same event at different precision: a month bridges every
 * day in it, so the day most sources give is the answer, and another day stated about as plainly
 * is shown as a disagreement.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { openWordNet } from '../../src/store/wordnet.js';
import type { RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
const wn = openWordNet();
afterAll(() => wn.close());

const article = (id: string, published: string, body: string): RawArticle => ({ id, meta: { published }, raw: `Depot fire\n\n${body}\n` });
const engineOf = (articles: RawArticle[]) => createEngine(buildFactTable(articles, 'dates', nlp), nlp, { publicUrl: 'http://localhost:8080', wordnet: wn });

describe('a day within a month', () => {
  it('the day most sources give, not the month one source gives', () => {
    const engine = engineOf([
      article('a', '2019-05-20', 'A man was charged over the April 2019 fire at the Harlow bus depot.'),
      article('b', '2019-04-09', 'A fire destroyed the Harlow bus depot on Monday, officials said.'),
      article('c', '2019-04-09', 'The Harlow bus depot fire on Monday destroyed forty buses.'),
      article('d', '2019-04-10', 'Investigators said the fire at the Harlow bus depot began on Monday.'),
    ]);
    const a = engine.ask('When was the fire at the Harlow bus depot?');
    expect(a.answered).toBe(true);
    expect(a.value).toMatch(/8 April 2019/);
    expect(a.citations.map((c) => c.source).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sources split between two days: the month they share, and each day as what one source says', () => {
    const engine = engineOf([
      article('a', '2019-05-20', 'A man was charged over the April 2019 fire at the Harlow bus depot.'),
      article('b', '2019-04-09', 'A fire destroyed the Harlow bus depot on Monday, officials said.'),
      article('c', '2019-04-10', 'A fire destroyed the Harlow bus depot on Tuesday, officials said.'),
    ]);
    const a = engine.ask('When was the fire at the Harlow bus depot?');
    expect(a.value).toMatch(/^2019-04 /);
    expect(a.conflicts.map((c) => c.value.match(/\d+ April 2019/)?.[0]).sort()).toEqual(['8 April 2019', '9 April 2019']);
  });
});

describe('what time', () => {
  it('the day alone does not answer it; the sources\' day is said instead', () => {
    const engine = engineOf([
      article('a', '2019-04-09', 'A bomb exploded at the Harlow bus depot on Monday, police said.'),
      article('b', '2019-04-10', 'The bomb at the Harlow bus depot exploded on Monday.'),
    ]);
    const a = engine.ask('What time did the bomb explode?');
    expect(a.answered).toBe(false);
    expect(a.answer).toMatch(/give the day, not the time: .*8 April 2019/);
  });

  it('a clock time or a part of the day does', () => {
    const engine = engineOf([
      article('a', '2019-04-09', 'A bomb exploded at the Harlow bus depot at 5:30 p.m. on Monday, police said.'),
      article('b', '2019-04-10', 'The bomb at the Harlow bus depot exploded on Monday afternoon.'),
    ]);
    expect(engine.ask('What time did the bomb explode?').answer).toMatch(/5:30/);
  });
});

describe('each date dates its own event', () => {
  it('a sentence with two dates answers for the event the asked verb names', () => {
    const engine = engineOf([
      article('a', '2019-06-12', 'Ada Brook was born on March 3, 1950, in Leeds and died on Monday at her home.'),
      article('b', '2019-06-11', 'Ada Brook, the novelist, died at her home in Leeds on Monday, her publisher said.'),
    ]);
    expect(engine.ask('When was Ada Brook born?').value).toMatch(/^1950-03-03/);
    expect(engine.ask('When did Ada Brook die?').value).toMatch(/^2019-06-10/);
  });
});

describe('a time written after an event noun dates that event', () => {
  it('"found guilty today of an attack two years ago": the verdict is today', () => {
    const engine = engineOf([
      article('a', '2019-06-12', 'A judge today found Jo Ames, a former Acme worker, guilty of murder in an attack exactly two years ago in Marlow.'),
      article('b', '2019-06-12', 'Jo Ames was found guilty of murder over a 2017 attack.'),
      article('c', '2019-06-12', 'Jo Ames has been found guilty over a 2017 attack that killed two.'),
    ]);
    expect(engine.ask('When was Ames found guilty?').value).toMatch(/^2019-06-12/);
  });
});

describe('what time', () => {
  it('a clock time answers even without its day, over the day more sources give', () => {
    const engine = engineOf([
      { id: 'a', meta: {}, raw: 'Blast\n\nA bomb exploded Friday at a bank in Marlow, police said.\n' },
      { id: 'b', meta: {}, raw: 'Blast\n\nA bomb exploded Friday afternoon at a bank in Marlow.\n' },
      { id: 'c', meta: {}, raw: 'Blast\n\nThe bomb went off around 5:30 p.m. at the bank in Marlow.\n' },
    ]);
    expect(engine.ask('At what time did the bomb go off?').answer).toMatch(/^5:30 p\.m\./);
  });
});

describe('a clock time agrees by its time', () => {
  it('"shortly after 9:15 a.m." in a sentence on the bomb agrees with "9:15 a.m. Friday"', () => {
    const engine = engineOf([
      { id: 'a', meta: {}, raw: 'Blast\n\nA bomb went off at a bank in Marlow at 9:15 a.m. on Friday, police said.\n' },
      { id: 'b', meta: {}, raw: 'Blast\n\nWitnesses heard the bomb in Marlow shortly after 9:15 a.m., deputies said.\n' },
    ]);
    const answer = engine.ask('At what time did the bomb go off?');
    expect(answer.answer).toMatch(/^9:15 a\.m\./);
    expect(answer.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('a person described, not named', () => {
  it('is the person the next sentence names, when the sentence names no one else', () => {
    const engine = engineOf([
      article('a', '2019-06-12', 'A convicted thief who escaped from a prison van last week was captured on Monday after a caller recognized him. Ed Lane, 49, had been serving a life sentence.'),
      article('b', '2019-06-12', 'A guard was hurt on Monday when Tom Kerr, a driver, crashed a van.'),
    ]);
    expect(engine.ask('When was Ed Lane captured?').value).toMatch(/^2019-06-10/);
    expect(engine.ask('When was Tom Kerr captured?').answered).toBe(false);
  });
});

describe('what year', () => {
  it('a day with no year to it is no answer', () => {
    const engine = engineOf([
      { id: 'a', meta: {}, raw: 'Rule\n\nThe agency changed the law on Thursday.\n' },
    ]);
    expect(engine.ask('What year did the agency change the law?').answered).toBe(false);
  });
});

describe('two clock times', () => {
  it('of one day are two answers, a disagreement shown', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2019-03-05' }, raw: 'Blaze\n\nThe warehouse fire was knocked down by 5:50 a.m. on Tuesday, the chief said.\n' },
      { id: 'b', meta: { published: '2019-03-05' }, raw: 'Blaze\n\nThe warehouse fire was knocked down by 5:50 a.m. Tuesday.\n' },
      { id: 'c', meta: { published: '2019-03-05' }, raw: 'Blaze\n\nThe warehouse fire was knocked down by 6:10 a.m. on Tuesday.\n' },
    ]);
    const answer = engine.ask('What time was the warehouse fire knocked down?');
    expect(answer.answer).toMatch(/^5:50 a\.m\./);
    expect(answer.conflicts.map((c) => c.value).join(' ')).toMatch(/6:10 a\.m\./);
  });

  it('whole quarter hours apart may be one moment in two time zones, and agree', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2019-03-05' }, raw: 'Game\n\nThe playoff game in Marlow starts at 8:15 p.m. ET on Saturday.\n' },
      { id: 'b', meta: { published: '2019-03-05' }, raw: 'Game\n\nThe playoff game in Marlow starts at 5:15 p.m. PT on Saturday.\n' },
    ]);
    expect(engine.ask('What time does the playoff game in Marlow start?').citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });

  it('a clock time its sentence gives no day for agrees by the time alone (the article date is not its day)', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2019-03-09' }, raw: 'Game\n\nThe playoff game in Marlow starts at 8:15 p.m. ET on Saturday.\n' },
      { id: 'b', meta: { published: '2019-03-06' }, raw: 'Game\n\nThe playoff game in Marlow starts at 5:15 p.m. PT.\n' },
    ]);
    const answer = engine.ask('What time does the playoff game in Marlow start?');
    expect(answer.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
    expect(answer.conflicts).toEqual([]);
  });

  it('hours apart without a time zone named are two events: no agreement', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2019-03-09' }, raw: 'Blast\n\nThe bomb went off at the Marlow bank at 6:45 p.m. on Friday, police said.\n' },
      { id: 'b', meta: { published: '2019-03-09' }, raw: 'Blast\n\nThe bomb went off at the Marlow bank just before 6:45 p.m. Friday, deputies said.\n' },
      { id: 'c', meta: { published: '2019-03-09' }, raw: 'Blast\n\nThe Marlow bank was evacuated at 2:15 p.m. on Friday, hours before the bomb went off.\n' },
    ]);
    const answer = engine.ask('What time did the bomb go off?');
    expect(answer.answer).toMatch(/^6:45 p\.m\./);
    expect(answer.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('undated articles', () => {
  const engine = engineOf([
    { id: 'a', meta: {}, raw: 'Obituary\n\nTom Vane died Thursday in a Marlow hospice.\n' },
    { id: 'b', meta: {}, raw: 'Obituary\n\nTom Vane died Thursday in Marlow after a long illness.\n' },
    { id: 'c', meta: {}, raw: 'Obituary\n\nOn June 3, 1982, the mayor made Tom Vane, who died Thursday, deputy chief.\n' },
    { id: 'd', meta: {}, raw: 'Obituary\n\nHis sister, Ann Vane, died in 1990.\n' },
  ]);

  it('an unresolved weekday agrees with no stated date that merely falls on it', () => {
    const a = engine.ask('When did Tom Vane die?');
    expect(a.value).not.toMatch(/1982/);
    expect(a.answer).toMatch(/^Thursday/);
  });

  it('a sentence naming someone else of the asked surname is about them', () => {
    expect(engine.ask('When did Tom Vane die?').answer).not.toMatch(/1990/);
  });
});

describe('a narrower verb says the asked event', () => {
  it('"broke out" is a way to "start" (WordNet files it under start)', () => {
    const engine = engineOf([
      { id: 'a', meta: {}, raw: 'Blaze\n\nA fire broke out at the Marlow depot on Friday night.\n\nIt broke out in the roof at around 9pm, a witness said.\n' },
      { id: 'b', meta: {}, raw: 'Blaze\n\nThe depot fire broke out at about 9pm on Friday.\n' },
    ]);
    expect(engine.ask('What time did the fire start?').answer).toMatch(/^9pm/);
  });
});

