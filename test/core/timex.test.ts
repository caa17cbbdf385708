/**
 * Time expressions as TIMEX3: value accuracy on the gold expressions of the public Apple
 * corpus (a floor at the level reached), one invented sentence or more per construction of
 * the grammar, not-dates, clause-level tense, readable values and the `dates` CLI itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { humanTimex, isoOfTimex, tagText, TIMEX_ROWS, type Timex } from '../../src/core/ingest/timex.js';
import { runCli, type CliRun } from '../support/run-cli.js';

const nlp = createNlp();
const GOLD = path.resolve('../shared/eval/dates/apple-timex.jsonl');

interface Gold {
  doc: string;
  dct: string;
  sentence: string;
  text: string;
  type: string;
  value: string;
}

/** The expression found over the gold one (by overlap), or undefined. */
function overlapping(found: Timex[], sentence: string, text: string): Timex | undefined {
  const start = sentence.indexOf(text);
  const end = start + text.length;
  return found.find((f) => f.start < end && start < f.end);
}

function tag(text: string, dct = '2017-07-04'): Timex[] {
  return tagText(text, dct, nlp);
}

/** The one expression of `text` whose words include `phrase`. */
function at(text: string, phrase: string, dct = '2017-07-04'): Timex | undefined {
  return overlapping(tag(text, dct), text, phrase);
}

describe.skipIf(!existsSync(GOLD))('value accuracy on the gold TIMEX3 expressions of the Apple corpus', () => {
  const gold = existsSync(GOLD) ? readFileSync(GOLD, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Gold) : [];
  const byType = new Map<string, { right: number; total: number; misses: string[] }>();
  beforeAll(() => {
    for (const g of gold) {
      const hit = overlapping(tag(g.sentence, g.dct), g.sentence, g.text);
      const score = byType.get(g.type) ?? { right: 0, total: 0, misses: [] };
      score.total++;
      if (hit?.value === g.value) score.right++;
      else score.misses.push(`${g.text} → ${hit?.value ?? 'not found'} (gold ${g.value})`);
      byType.set(g.type, score);
    }
    const report = [...byType].map(([t, s]) => `${t} ${s.right}/${s.total} (${Math.round((100 * s.right) / s.total)}%)`).join(', ');
    console.log(`TIMEX3 value accuracy by type: ${report}`);
  });

  // Floors at the level reached (DATE 59/68, DURATION 10/11); the misses are listed when one drops.
  it.each([
    ['DATE', 0.86],
    ['DURATION', 0.9],
  ])('%s values are right at least %s of the time', (type, floor) => {
    const s = byType.get(type)!;
    expect(s.right / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(floor);
  });

  it('every gold type is found, and sets and times are read', () => {
    expect([...byType.keys()].sort()).toEqual(['DATE', 'DURATION', 'SET', 'TIME']);
    expect(byType.get('SET')!.right + byType.get('TIME')!.right).toBe(2);
  });
});

// [construction, sentence, phrase within it, dct, type, value]
const CONSTRUCTIONS: [string, string, string, string, string, string][] = [
  ['"now" is a present reference', 'The company now sells cars in Asia.', 'now', '2017-07-04', 'DATE', 'PRESENT_REF'],
  ['"currently" is a present reference', 'The mill currently employs 300 people.', 'currently', '2017-07-04', 'DATE', 'PRESENT_REF'],
  ['"at the time" is a past reference', 'The mayor, who was 40 at the time, resigned.', 'the time', '2017-07-04', 'DATE', 'PAST_REF'],
  ['"recently" is a past reference', 'The recently opened bridge carries trams.', 'recently', '2017-07-04', 'DATE', 'PAST_REF'],
  ['"in the coming weeks" is a future reference', 'The board will decide in the coming weeks.', 'coming weeks', '2017-07-04', 'DATE', 'FUTURE_REF'],
  ['a year modifying a noun ("a 2014 survey")', 'A 2014 survey found most farms were small.', '2014', '2017-07-04', 'DATE', '2014'],
  ['a year after a name ("Expo 2010")', 'Visitors flocked to Expo 2010 in the summer.', '2010', '2017-07-04', 'DATE', '2010'],
  ['the first year of a range ("2011–2012")', 'Exports fell sharply in 2011–2012 across the region.', '2011', '2017-07-04', 'DATE', '2011'],
  ['the second year of a range ("2011–2012")', 'Exports fell sharply in 2011–2012 across the region.', '2012', '2017-07-04', 'DATE', '2012'],
  ['a short year range ("1963-64") ends in the next year', 'The 1963-64 season was the club\'s best.', '64', '2017-07-04', 'DATE', '1964'],
  ['"this week" is the article\'s ISO week', 'Talks resumed this week in Vienna.', 'this week', '2017-07-04', 'DATE', '2017-W27'],
  ['"last week" is the week before', 'The ferry sank last week off the coast.', 'last week', '2017-07-04', 'DATE', '2017-W26'],
  ['"a week ago" is the week before, not a day', 'The ferry sank a week ago off the coast.', 'a week ago', '2017-07-04', 'DATE', '2017-W26'],
  ['"three years ago" is a year', 'The mine closed three years ago.', 'three years ago', '2017-07-04', 'DATE', '2014'],
  ['"the week of July 10" is that ISO week', 'Hearings are planned for the week of July 10.', 'week of July 10', '2017-07-04', 'DATE', '2017-W28'],
  ['"last winter" is the winter before the current season', 'Floods hit the valley last winter.', 'last winter', '2016-10-05', 'DATE', '2015-WI'],
  ['"summer 2012" is that summer', 'The pool was built in summer 2012.', 'summer 2012', '2017-07-04', 'DATE', '2012-SU'],
  ['"the spring of 2009" is that spring', 'The dam burst in the spring of 2009.', 'spring of 2009', '2017-07-04', 'DATE', '2009-SP'],
  ['"the second quarter of 2015" is 2015-Q2', 'Sales rose in the second quarter of 2015.', 'second quarter', '2017-07-04', 'DATE', '2015-Q2'],
  ['"the third quarter" reported in the past is its last year\'s', 'Profit fell in the third quarter, the bank said.', 'third quarter', '2017-07-04', 'DATE', '2016-Q3'],
  ['"fourth-quarter" reported in January is the previous year\'s', 'The retailer posted fourth-quarter losses.', 'fourth-quarter', '2017-01-20', 'DATE', '2016-Q4'],
  ['"the last quarter" is the quarter before the article\'s', 'Revenue grew during the last quarter.', 'the last quarter', '2017-01-18', 'DATE', '2016-Q4'],
  ['"Q1 2009" is 2009-Q1', 'Shipments collapsed in Q1 2009 worldwide.', 'Q1 2009', '2017-07-04', 'DATE', '2009-Q1'],
  ['"the first half of 2015" is 2015-H1', 'Orders doubled in the first half of 2015.', 'first half', '2017-07-04', 'DATE', '2015-H1'],
  ['"fiscal 2015" is FY2015', 'The agency expects a surplus in fiscal 2015.', 'fiscal 2015', '2017-07-04', 'DATE', 'FY2015'],
  ['"the next fiscal year" is the following one', 'Cuts will follow in the next fiscal year.', 'fiscal year', '2017-07-04', 'DATE', 'FY2018'],
  ['"the late 1970s" is the decade 197', 'The band formed in the late 1970s in Leeds.', '1970s', '2017-07-04', 'DATE', '197'],
  ['"the \'90s" is the decade 199', 'Rents were lower in the \'90s.', "'90s", '2017-07-04', 'DATE', '199'],
  ['"the 19th century" is the century 18', 'The chapel dates from the 19th century.', '19th century', '2017-07-04', 'DATE', '18'],
  ['"the end of the year" is the article\'s year', 'The plant will close by the end of the year.', 'end of the year', '2017-07-04', 'DATE', '2017'],
  ['"the beginning of next month" is the next month', 'Work starts at the beginning of next month.', 'beginning of next month', '2017-07-04', 'DATE', '2017-08'],
  ['"early 2009" is 2009', 'He left the firm in early 2009.', 'early 2009', '2017-07-04', 'DATE', '2009'],
  ['"10:30 a.m." takes the day of the sentence\'s date', 'The plane landed at 10:30 a.m. on Sunday.', '10:30 a.m.', '2017-07-04', 'TIME', '2017-07-02T10:30'],
  ['"at 9.25pm" is a time of the article\'s day', 'Police arrived at 9.25pm, a witness said.', '9.25pm', '2017-07-04', 'TIME', '2017-07-04T21:25'],
  ['a clock time before a part of a day ("9:25 Thursday morning")', 'At about 9:25 Thursday morning, guards saw the boats.', '9:25', '2017-07-04', 'TIME', '2017-06-29T09:25'],
  ['a 24-hour clock with its time zone ("0630 GMT")', 'The polls opened at 0630 GMT on Sunday.', '0630 GMT', '2017-07-04', 'TIME', '2017-07-02T06:30'],
  ['a 24-hour clock beside its time zone\'s ("at 1415 (0915 GMT)")', 'The ferry sank at 1415 (0915 GMT), officials said.', '1415', '2017-07-04', 'TIME', '2017-07-04T14:15'],
  ['"at 1230 hours" is a time', 'Troops crossed the bridge at 1230 hours.', '1230 hours', '2017-07-04', 'TIME', '2017-07-04T12:30'],
  ['four digits after "at" alone are no time ("at 2016 prices")', 'The loss was valued at 2016 prices.', '2016', '2017-07-04', 'NONE', 'NONE'],
  ['a bare clock reading is not a time ("the score was 2:30")', 'The score was 2:30 at the break, and 10.15 later.', '2:30', '2017-07-04', 'NONE', 'NONE'],
    ['"noon" is 12:00', 'The deadline passed at noon on Friday.', 'noon', '2017-07-04', 'TIME', '2017-06-30T12:00'],
  ['"this morning" is a part of the article\'s day', 'The minister resigned this morning.', 'this morning', '2017-07-04', 'TIME', '2017-07-04TMO'],
  ['"Friday night" is a part of that day', 'Storms struck on Friday night.', 'Friday night', '2017-07-04', 'TIME', '2017-06-30TNI'],
  ['"for three years" is a duration of three years', 'She ran the clinic for three years.', 'three years', '2017-07-04', 'DURATION', 'P3Y'],
  ['"a month earlier" is a duration, not a date', 'A month earlier, the mill had shut.', 'A month', '2017-07-04', 'DURATION', 'P1M'],
  ['"two weeks" is P2W', 'The strike lasted two weeks.', 'two weeks', '2017-07-04', 'DURATION', 'P2W'],
  ['"the next six months" is P6M', 'Prices will rise over the next six months.', 'six months', '2017-07-04', 'DURATION', 'P6M'],
  ['"the past decade" is P10Y', 'Crime fell over the past decade.', 'past decade', '2017-07-04', 'DURATION', 'P10Y'],
  ['"a three-year contract" is P3Y', 'He signed a three-year contract.', 'three-year', '2017-07-04', 'DURATION', 'P3Y'],
  ['"decades-long" is a number of years', 'The decades-long feud ended.', 'decades-long', '2017-07-04', 'DURATION', 'PXY'],
  ['"several hours" is an unknown number of hours', 'Rescuers searched for several hours.', 'several hours', '2017-07-04', 'DURATION', 'PTXH'],
  ['"an undetermined period of time" has no known length', 'The shop will close for an undetermined period of time.', 'period of time', '2017-07-04', 'DURATION', 'PXD'],
  ['"every week" is a weekly set', 'The council meets every week.', 'every week', '2017-07-04', 'SET', 'P1W'],
  ['"every Monday" is a set of Mondays', 'The market opens every Monday.', 'every Monday', '2017-07-04', 'SET', 'XXXX-WXX-1'],
  ['"twice a year" is a yearly set', 'The jury meets twice a year.', 'twice a year', '2017-07-04', 'SET', 'P1Y'],
  ['"annual" is a yearly set', 'The annual fair drew crowds.', 'annual', '2017-07-04', 'SET', 'P1Y'],
  ['"at a later date" is a date left unspecified', 'The hearing was moved to a later date.', 'a later date', '2017-07-04', 'DATE', 'XXXX-XX-XX'],
  ['"January of this year" is that month', 'He has been on leave since January of this year.', 'January', '2017-07-04', 'DATE', '2017-01'],
  ['"for years" is an unknown number of years', 'The families had waited for years.', 'years', '2017-07-04', 'DURATION', 'PXY'],
  ['"Christmas sales" name a season, not a day', 'Strong Christmas sales lifted the chain.', 'Christmas', '2017-07-04', 'DURATION', 'PXD'],
  ['"the holiday season" has no known length', 'Shops hire extra staff for the holiday season.', 'holiday season', '2017-07-04', 'DURATION', 'PXD'],
  ['"between 2011 and 2012" is two years', 'Prices doubled between 2011 and 2012.', '2012', '2017-07-04', 'DATE', '2012'],
    ['a weekday without an article date is unresolved', 'The fighters crossed the river on Sunday.', 'Sunday', '', 'DATE', 'XXXX-XX-XX'],
];

describe('the grammar, one construction at a time', () => {
  it.each(CONSTRUCTIONS)('%s', (_name, sentence, phrase, dct, type, value) => {
    const t = overlapping(tagText(sentence, dct || undefined, nlp), sentence, phrase);
    if (type === 'NONE') return expect(t).toBeUndefined();
    expect(t, `nothing found over "${phrase}"`).toBeDefined();
    expect({ type: t!.type, value: t!.value }).toEqual({ type, value });
    expect(sentence.slice(t!.start, t!.end)).toBe(t!.text);
  });

  it('names every row of the grammar', () => {
    expect(TIMEX_ROWS.length).toBeGreaterThan(20);
    expect(new Set(TIMEX_ROWS).size).toBe(TIMEX_ROWS.length);
  });

  it('the text of an expression leaves out its preposition', () => {
    expect(at('The offensive began on June 6.', 'June 6')!.text).toBe('June 6');
    expect(at('IS overran the city in 2014.', '2014')!.text).toBe('2014');
  });
});

describe('not dates', () => {
  it.each([
    ['an index level', 'The index closed at 1412.55 points on the day.'],
    ['an index level in whole points', 'The Dow rose to 2150 points.'],
    ['a count after "of"', 'A force of 2000 soldiers was sent.'],
    ['a named day', 'Stocks crashed on Black Monday, the paper recalled.'],
    ['an age', 'The 55-year-old driver was unhurt.'],
    ['a season word naming an event', 'After the fall of Rome, trade slowed.'],
  ])('%s is not read as a calendar date', (_name, sentence) => {
    const calendar = tag(sentence).filter((t) => t.type === 'DATE' || t.type === 'TIME');
    expect(calendar.map((t) => t.text)).toEqual([]);
  });

  it.each([
    ['"a month earlier"', 'A month earlier the talks had failed.'],
    ['"for three years"', 'He had lived there for three years.'],
    ['"two days later"', 'Two days later the river burst its banks.'],
    ['"the past week"', 'Prices rose sharply over the past week.'],
  ])('%s is a duration, never a calendar date', (_name, sentence) => {
    const found = tag(sentence);
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) expect(t.type).toBe('DURATION');
  });
});

describe('tense from the clause that governs the expression', () => {
  // The article is dated Tuesday 4 July 2017.
  it.each([
    ['a past clause', 'Rebels entered the town on Sunday.', 'Sunday', 'past', '2017-07-02'],
    ['"will" in another clause does not flip a past weekday', 'The army, which will withdraw next year, entered the town on Sunday.', 'Sunday', 'past', '2017-07-02'],
    ['a modal clause ("could be signed")', 'The deal could be signed on Friday, officials said.', 'Friday', 'future', '2017-07-07'],
    ['"is scheduled for"', 'The vote is scheduled for Thursday.', 'Thursday', 'future', '2017-07-06'],
    ['"faces a … deadline"', 'The city faces a Friday deadline to pay.', 'Friday', 'future', '2017-07-07'],
    ['a present event with a date ("resumes Monday")', 'Trading resumes Monday after the holiday.', 'Monday', 'future', '2017-07-10'],
    ['"to last through"', 'The truce is expected to last through September.', 'September', 'future', '2017-09'],
    ['a scheduled infinitive after a past verb ("to be held")', 'The club announced a match to be held on Saturday.', 'Saturday', 'future', '2017-07-08'],
    ['a purpose infinitive keeps the past ("to seize … on June 6")', 'The army launched an offensive to seize the town on June 6.', 'June 6', 'past', '2017-06-06'],
    ['a past relative clause does not govern the date after it', 'The trial of a man who shot two guards last year opens Monday.', 'Monday', 'future', '2017-07-10'],
    ['the verb a date attaches to, not the nearest past one ("began Tuesday")', 'Sales of the recently announced phone began Tuesday.', 'Tuesday', 'past', '2017-07-04'],
        ['a report in the past about a future event', 'The mayor said on Monday that the bridge will reopen on Friday.', 'Friday', 'future', '2017-07-07'],
    ['the report itself stays in the past', 'The mayor said on Monday that the bridge will reopen on Friday.', 'Monday', 'past', '2017-07-03'],
  ])('%s', (_name, sentence, phrase, tense, value) => {
    const t = at(sentence, phrase)!;
    expect({ tense: t.tense, value: t.value }).toEqual({ tense, value });
  });

  it('"today" in a quote is the day the words were said', () => {
    const s = '"We entered the old city today," the commander said on Monday.';
    expect(at(s, 'today')!.value).toBe('2017-07-03');
    expect(at('"We entered the old city today," the commander said.', 'today')!.value).toBe('2017-07-04');
  });
});

describe('values as people read them', () => {
  it.each([
    ['2017-W28', 'the week of 10 July 2017'],
    ['2012-SU', 'summer 2012'],
    ['2009-Q1', 'Q1 2009'],
    ['2015-H1', 'the first half of 2015'],
    ['FY2007', 'fiscal 2007'],
    ['197', 'the 1970s'],
    ['18', 'the 19th century'],
    ['2017-07-02T10:30', 'Sunday, 2 July 2017, 10:30'],
    ['2017-07-02', 'Sunday, 2 July 2017'],
    ['P3Y', '3 years'],
  ])('%s reads as "%s"', (value, shown) => {
    expect(humanTimex(value)).toBe(shown);
  });

  it.each([
    ['2017-W28', '2017-07'],
    ['2017-W26', '2017'],
    ['2015-Q2', '2015'],
    ['2017-07-02T10:30', '2017-07-02'],
    ['197', ''],
    ['PRESENT_REF', ''],
  ])('the fact table stores %s as the ISO date "%s" that holds it', (value, isoValue) => {
    expect(isoOfTimex(value)).toBe(isoValue);
  });
});

describe('the dates CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dates-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function run(args: string[], input = ''): Promise<CliRun> {
    return runCli('dates', args, { input });
  }

  it('reads stdin and prints TIMEX3 expressions with offsets into the input', async () => {
    const text = 'Rebels entered the city on Sunday.\nThe offensive began on June 6 and lasted for three years.\nThe board meets every week.';
    const r = await run(['--json', '--dct', '2017-07-04'], text);
    expect(r.code, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout) as { text: string; start: number; end: number; type: string; value: string; tense: string; inferred: boolean }[];
    expect(found.map((f) => [f.text, f.type, f.value])).toEqual([
      ['Sunday', 'DATE', '2017-07-02'],
      ['June 6', 'DATE', '2017-06-06'],
      ['three years', 'DURATION', 'P3Y'],
      ['every week', 'SET', 'P1W'],
    ]);
    for (const f of found) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(['past', 'present', 'future']).toContain(f.tense);
      expect(typeof f.inferred).toBe('boolean');
    }
    expect(found[0]!.inferred).toBe(true);
  });

  it('agrees with the gold values of one Apple article, read from a file', async () => {
    if (!existsSync(GOLD)) return;
    const gold = readFileSync(GOLD, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Gold).filter((g) => g.doc.startsWith('103623_'));
    const sentences = [...new Set(gold.map((g) => g.sentence))];
    const text = sentences.join('\n');
    await writeFile(path.join(dir, 'article.txt'), text);
    const r = await run(['--json', '--dct', gold[0]!.dct, path.join(dir, 'article.txt')]);
    expect(r.code, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout) as { start: number; end: number; value: string }[];
    let right = 0;
    for (const g of gold) {
      const base = text.indexOf(g.sentence);
      const s = base + g.sentence.indexOf(g.text);
      const hit = found.find((f) => f.start < s + g.text.length && s < f.end);
      if (hit?.value === g.value) right++;
    }
    expect(right, 'this article\'s gold expressions are all read right by the tagger').toBe(gold.length);
  });

  it('rejects a malformed --dct with a usage error', async () => {
    const r = await run(['--json', '--dct', 'July 4'], 'Today.');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dct: expected an ISO date/);
  });

  it('says which file it cannot read', async () => {
    const r = await run(['--json', path.join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*missing\.txt: ENOENT/);
    expect(r.stdout).toBe('');
  });
});
