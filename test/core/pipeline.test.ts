import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/core/ingest/clean.js';
import { createNlp } from '../../src/core/nlp.js';
import { extractArticle } from '../../src/core/ingest/extract.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { findDates, parseDateLine } from '../../src/core/ingest/dates.js';
import { isCalendarDate } from '../../src/core/calendar.js';
import type { Fact, RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
const seedsDir = path.resolve('seeds');
const seeds: RawArticle[] = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ''), raw: readFileSync(path.join(seedsDir, f), 'utf8'), meta: {} }));
const seed = (prefix: string) => seeds.find((s) => s.id.startsWith(prefix))!;
const textOf = (raw: string, f: { start: number; end: number }) => raw.slice(f.start, f.end);

describe('cleaning', () => {
  it('sets aside navigation, captions, credits and the trailing headline block, keeping offsets verbatim', () => {
    const a = seed('001');
    const c = clean(a.raw);
    const nav = c.furniture.find((f) => f.reason === 'navigation')!;
    expect(textOf(a.raw, nav)).toBe('Skip to main content');
    const caption = c.furniture.find((f) => f.reason === 'caption')!;
    expect(textOf(a.raw, caption)).toMatch(/^A member of the Syrian Democratic Forces .*\(AFP\)$/);
    expect(c.title).toBe('US-backed forces breach wall in Syria IS stronghold Raqqa');
  });

  it('removes a repeated photo caption and the date token, and reads the publication date', () => {
    const a = seed('002');
    const c = clean(a.raw);
    expect(c.published).toBe('2017-07-04');
    expect(c.publishedFrom).toBe('date-token');
    const captions = c.furniture.filter((f) => f.reason === 'caption').map((f) => textOf(a.raw, f));
    expect(captions).toHaveLength(2);
    for (const t of captions) expect(t).toMatch(/^FILE PHOTO: .*\(Source: Reuters\)$/);
  });

  it('treats "Top stories" and everything after it as unrelated headlines, and finds the site name', () => {
    const a = seed('003');
    const c = clean(a.raw);
    const trailing = c.furniture.filter((f) => f.reason === 'headlines').map((f) => textOf(a.raw, f)).join('\n');
    expect(trailing).toContain('Azerbaijani troops');
    expect(trailing).toContain('Partner news');
    expect(c.furniture.some((f) => f.reason === 'duplicate')).toBe(true);
    expect(c.outlet).toBe('PanARMENIAN.Net');
  });

  it('takes a dateline prefix ("DAMASCUS:") out of the first sentence', () => {
    const a = seed('004');
    const c = clean(a.raw);
    const dl = c.furniture.find((f) => f.reason === 'dateline')!;
    expect(textOf(a.raw, dl).trim()).toBe('DAMASCUS:');
    expect(c.published).toBe('2017-07-05');
  });

  it('reads a date line under the title as the publication date (Wikinews style)', () => {
    const raw = 'Apple Corps loses court case against Apple Computer\n\nMay 8, 2006\n\nThe Beatles\' label Apple Corps lost its court case today.\n';
    const c = clean(raw);
    expect(c.published).toBe('2006-05-08');
    expect(c.publishedFrom).toBe('dateline');
    expect(c.title).toBe('Apple Corps loses court case against Apple Computer');
  });

  it('parses date lines in several orders and rejects sentences', () => {
    expect(parseDateLine('June 13, 2005')).toBe('2005-06-13');
    expect(parseDateLine('13 June 2005')).toBe('2005-06-13');
    expect(parseDateLine('Tuesday, July 4, 2017')).toBe('2017-07-04');
    expect(parseDateLine('2017-07-04')).toBe('2017-07-04');
    expect(parseDateLine('The SDF launched an offensive on June 6, 2017.')).toBeUndefined();
  });

  it.each([
    ['UPDATED 4:15 AM EST Jan 7, 2009', '2009-01-07'],
    ['First Published: October 2, 2014 6:05 PM EDT', '2014-10-02'],
    ['09 / 14 / 2012', '2012-09-14'],
    ['11 / 03 / 10 2:45 PM EST', '2010-11-03'],
    ['10:12 a. m. EDT June 5, 2014', '2014-06-05'],
    ['Published: 2011.04.19 07:30 AM', '2011-04-19'],
    ['8:05 PM, TUE 16 APR 2013', '2013-04-16'],
    ['3 March 2015 @ 10:40 am', '2015-03-03'],
    ['Posted on May 9, 2012 1:02:33 PM GMT+02:0', '2012-05-09'],
    ['AFP Mar 4, 2012, 09.15AM IST DELHI:', '2012-03-04'],
    ['on March 2, 2010 at 5:01 AM, updated March 2, 2010 at 9:12 AM', '2010-03-02'],
    ['(April 2, 2008)--', '2008-04-02'],
  ])('reads the page time stamp %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it('a relative day with a clock time is no time stamp: it names no day of its own', () => {
    expect(parseDateLine('Yesterday at 5:30 pm')).toBeUndefined();
    expect(clean('Today, 10:02 GMT\n\nCOUNCIL VOTES TO CLOSE THE PIER\n\nThe council voted on Tuesday to close the pier.\n').published).toBeUndefined();
  });

  it.each(['He died on June 13, 2005', 'Police said Monday, June 3, 2013', 'Delhi, Mar 4-', 'End of the season: May 2, 2011', 'Monday'])(
    'a sentence or a date without its year is no time stamp: %j', (line) => {
      expect(parseDateLine(line)).toBeUndefined();
    });

  it('takes a time stamp that opens the page as its date, and the next line as its title', () => {
    const c = clean('12 March 2011 @ 08:14 pm\n\nCOUNCIL VOTES TO CLOSE THE PIER\n\nThe council voted on Tuesday to close the pier.\n');
    expect(c.published).toBe('2011-03-12');
    expect(c.title).toBe('COUNCIL VOTES TO CLOSE THE PIER');
  });

  it('finds the time stamp among the first lines even after a title, a subtitle and a caption', () => {
    const c = clean('Pier closes\n\nCouncil acts after storm\n\nThe pier at dusk.\n\nA second caption line\n\nPUBLISHED: FRIDAY, MARCH 11, 2011, 2:29 PM\n\nThe council voted on Tuesday to close the pier.\n');
    expect(c.published).toBe('2011-03-11');
  });
});

describe('date checks shared by every face', () => {
  it.each([['2017', true], ['2017-06', true], ['2017-06-30', true], ['2017-13', false], ['2017-02-30', false], ['17-06', false], ['2017-6', false]])(
    'isCalendarDate(%s) is %s', (v, ok) => {
      expect(isCalendarDate(v)).toBe(ok);
    },
  );
});

describe('date resolution', () => {
  it('given an article dated Tuesday 2017-07-04, a past-tense "on Sunday" is 2017-07-02', () => {
    const [d] = findDates('The fighters entered the city on Sunday, a monitor said.', '2017-07-04', 'past');
    expect(d!.value).toBe('2017-07-02');
    expect(d!.inferred).toBe(true);
  });

  it('a future-tense weekday looks forward', () => {
    const [d] = findDates('The talks will resume on Friday.', '2017-07-04', 'future');
    expect(d!.value).toBe('2017-07-07');
  });

  it('"last month" is the previous month, "yesterday" the day before, "three years ago" a year', () => {
    expect(findDates('They entered the east last month.', '2017-07-04', 'past')[0]!.value).toBe('2017-06');
    expect(findDates('He died yesterday at the age of 56.', '2011-10-06', 'past')[0]!.value).toBe('2011-10-05');
    expect(findDates('which it declared three years ago.', '2017-07-04', 'past')[0]!.value).toBe('2014');
  });

  it('a month and day without a year take the article year, before the article date in the past tense', () => {
    expect(findDates('The offensive began on June 6.', '2017-07-04', 'past')[0]!.value).toBe('2017-06-06');
    expect(findDates('The offensive began on December 6.', '2017-07-04', 'past')[0]!.value).toBe('2016-12-06');
  });

  it('bare years after a preposition are dates; years used as modifiers are not', () => {
    expect(findDates('IS overran Raqqa in 2014, turning it into a capital.', undefined, 'past').map((d) => d.value)).toEqual(['2014']);
    expect(findDates('the 1991 agreement was broken', undefined, 'past')).toEqual([]);
  });

  it('without an article date a weekday stays unresolved but keeps its name', () => {
    const [d] = findDates('They crossed the river on Sunday.', undefined, 'past');
    expect(d!.value).toBe('');
    expect(d!.weekday).toBe('sunday');
  });
});

describe('extraction on the seeds', () => {
  const extracted = new Map(seeds.map((s) => [s.id, extractArticle(s, nlp)]));
  const factsOf = (prefix: string): Fact[] => [...extracted.entries()].find(([id]) => id.startsWith(prefix))![1].facts;

  it('normalizes "2,500-meter", "2,500-metre" and keeps the verbatim surface', () => {
    const walls = seeds.flatMap((s) => extracted.get(s.id)!.facts.filter((f) => f.kind === 'quantity' && f.subject === 'wall' && f.value === 2500));
    expect(new Set(walls.map((f) => f.article)).size).toBe(5);
    for (const f of walls) {
      expect(f.unit).toBe('m');
      expect(f.surface).toMatch(/^2,500-met(er|re)$/);
    }
  });

  it('reads dimensions stated after the unit: long, high, thick, and a distance "from"', () => {
    const f = factsOf('000').filter((x) => x.kind === 'quantity');
    const byAttr = (a: string) => f.find((x) => x.attribute === a && x.description !== 'implicit');
    expect(byAttr('length')!.value).toBe(5000);
    expect(byAttr('length')!.approx).toBe(true);
    expect(byAttr('height')!.value).toBeCloseTo(3.8);
    expect(byAttr('thickness')!.value).toBe(1);
    expect(byAttr('distance')!.value).toBe(3000);
  });

  it('turns hedges into ranges: "up to 100,000 civilians", "some 2,500 IS militants"', () => {
    const f = factsOf('001');
    const civilians = f.find((x) => x.kind === 'quantity' && x.subject === 'civilian')!;
    expect(civilians.range).toEqual([50000, 100000]);
    const militants = f.find((x) => x.kind === 'quantity' && x.subject === 'militant')!;
    expect(militants.value).toBe(2500);
    expect(militants.range![0]).toBeLessThan(2500);
    expect(militants.range![1]).toBeGreaterThan(2500);
  });

  it('attaches attributions: "according to the coalition", "Syrian state media reported"', () => {
    const militants = factsOf('001').find((x) => x.kind === 'quantity' && x.subject === 'militant')!;
    expect(militants.attribution).toBe('coalition');
    const length = factsOf('000').find((x) => x.attribute === 'length' && x.value === 5000)!;
    expect(length.attribution).toBe('Syrian state media');
  });

  it('finds people with their descriptions and quotes with their speakers', () => {
    const mcgurk = factsOf('000').find((x) => x.kind === 'entity' && x.value === 'Brett McGurk')!;
    expect(mcgurk.attribute).toBe('person');
    expect(mcgurk.description).toBe('the US envoy for the anti-ISIS coalition');
    const quote = factsOf('000').find((x) => x.kind === 'quote' && x.value === 'a key milestone')!;
    expect(quote.attribution).toBe('Brett McGurk');
  });

  it('knows what kind of thing a name is from the noun beside it ("the Abbasid dynasty", "the Euphrates River")', () => {
    expect(factsOf('000').find((x) => x.kind === 'entity' && x.value === 'Abbasid')!.subject).toBe('dynasty');
    expect(factsOf('001').find((x) => x.kind === 'entity' && x.value === 'Euphrates River')!.subject).toBe('river');
  });

  it('never extracts a fact from furniture', () => {
    for (const s of seeds) {
      const { article, facts } = extracted.get(s.id)!;
      for (const f of facts) {
        const inFurniture = article.furniture.some((x) => f.span.start < x.end && f.span.end > x.start);
        expect(inFurniture, `${f.id} ${f.surface}`).toBe(false);
        expect(s.raw.slice(f.span.start, f.span.end).length).toBeGreaterThan(0);
      }
    }
    expect(extracted.get(seed('003').id)!.facts.some((f) => /Azerbaijan/.test(String(f.value)))).toBe(false);
  });

  it('a page with no sentence punctuation is read in bounded pieces, all verbatim', () => {
    const words = 'the wall is long and the city had many people on Sunday while 2,500 meters of road were built'.split(' ');
    const raw = `date 2017-07-04 ${Array.from({ length: 9000 }, (_, k) => words[k % words.length]).join(' ')}`;
    const { article, facts } = extractArticle({ id: 'one-line', raw, meta: {} }, nlp);
    expect(article.sentences.length).toBeGreaterThan(10);
    for (const s of article.sentences) expect(raw.slice(s.start, s.end).split(' ').length).toBeLessThanOrEqual(620);
    expect(facts.some((f) => f.kind === 'quantity' && f.value === 2500)).toBe(true);
  });

  it('a sentence does not end at a title or "vs." before a name, only at a line break', () => {
    const raw = 'Fair\n\nThe fair was opened by Rev. Ann Lowe on Monday. The Leeds vs. New Forest match drew a crowd. Guests met Det.\nSupt. Roy Hale later.\n';
    const { article } = extractArticle({ id: 'titles', raw, meta: {} }, nlp);
    expect(article.sentences.map((s) => raw.slice(s.start, s.end))).toEqual([
      'Fair', 'The fair was opened by Rev. Ann Lowe on Monday.', 'The Leeds vs. New Forest match drew a crowd.', 'Guests met Det.', 'Supt. Roy Hale later.',
    ]);
  });

  it('an abbreviated month ("Dec.", "Sept.") is part of a date, not a name', () => {
    const raw = 'Fair\n\nThe fair opens Friday, Dec. 4, at Hale Park. It closed on Sept. 9 last year.\n';
    const { facts } = extractArticle({ id: 'months', raw, meta: {} }, nlp);
    const names = facts.filter((f) => f.kind === 'entity').map((f) => String(f.value));
    expect(names).toContain('Hale Park');
    expect(names.filter((n) => /^(Dec|Sept)\.?$/.test(n))).toEqual([]);
  });

  it('joining a sentence broken after "vs." never grows one past the bound on a sentence\'s length', () => {
    const raw = `date 2017-07-04 ${Array.from({ length: 1500 }, (_, k) => `Leeds vs. New Forest${k}`).join(' ')}.`;
    const { article } = extractArticle({ id: 'vs-run', raw, meta: {} }, nlp);
    for (const s of article.sentences) expect(raw.slice(s.start, s.end).split(' ').length).toBeLessThanOrEqual(620);
  });

  it('every sentence span is verbatim text of its article', () => {
    for (const s of seeds) {
      for (const sen of extracted.get(s.id)!.article.sentences) {
        const t = s.raw.slice(sen.start, sen.end);
        expect(t.trim()).toBe(t);
        expect(t.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('alignment', () => {
  const table = buildFactTable(seeds, 'test', nlp);

  it('groups the wall length across sources and keeps the dissenting figure as a conflict', () => {
    const claim = table.claims.find((c) => c.attribute === 'length' && c.subject === 'wall')!;
    expect(claim.groups[0]!.sources).toHaveLength(5);
    expect(claim.groups[1]!.value).toMatch(/5 km/);
    expect(claim.groups[1]!.sources).toEqual(['000_6e79381d7b31fe90']);
  });

  it('recognises articles repeating the same wire text', () => {
    const a001 = table.articles.find((a) => a.id.startsWith('001'))!;
    expect(a001.wireWith).toContain('003_07e3151076a655cf');
    expect(a001.wireShare).toBeGreaterThan(0.3);
  });

  it('learns aliases the text defines: "Syrian Democratic Forces (SDF)"', () => {
    expect(table.aliases['sdf']).toContain('syrian democratic forces');
  });

  it('one article that breaks extraction is reported and the rest still build', () => {
    const errors: string[] = [];
    const bad = { id: 'bad', raw: null as unknown as string, meta: {} };
    const t = buildFactTable([bad, seeds[0]!], 'x', nlp, (id) => errors.push(id));
    expect(errors).toEqual(['bad']);
    expect(t.articles.map((a) => a.id)).toEqual([seeds[0]!.id]);
  });
});
