/** Issue 11, item 9: a date that names no real day is warned about and dropped, never rolled over. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { isCalendarDate } from '../../src/core/calendar.js';

const nlp = createNlp();
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function corpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dates-corpus-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const BODY = 'Rebels breached the wall on Monday, officials said.\n';
const IMPOSSIBLE = ['2017-02-30', '2017-02-29', '0000-00-00', '0099-01-05', '2017-13-01', '2017-04-31'];

describe('the calendar', () => {
  it.each([['2017-02-28', true], ['2016-02-29', true], ['2017', true], ['2017-06', true], ...IMPOSSIBLE.map((d) => [d, false]), ['20170-01-01', false], ['0999', false]])(
    '%s is a real date: %s',
    (d, real) => expect(isCalendarDate(d as string)).toBe(real),
  );
});

describe('impossible dates in a corpus', () => {
  it.each(IMPOSSIBLE)('sources.json "published": "%s" is warned about and dropped; the other fields stay', async (published) => {
    const dir = await corpus({ 'a.txt': BODY, 'sources.json': JSON.stringify({ a: { published, outlet: 'Gazette' } }) });
    const c = await readCorpus(dir);
    expect(c.articles[0]!.meta).toEqual({ outlet: 'Gazette' });
    expect(c.warnings).toEqual([expect.stringMatching(/published.*date that exists.*found a string of 10 characters/)]);
  });

  it.each([...IMPOSSIBLE, '20170-01-01'])('a first line "date %s" is warned about and gives no publication date', async (d) => {
    const dir = await corpus({ 'a.txt': `date ${d}\n\n${BODY}` });
    const c = await readCorpus(dir);
    expect(c.warnings).toEqual([expect.stringMatching(/^a\.txt: "date .*" is not a date that exists/)]);
    const table = buildFactTable(c.articles, 'h', nlp);
    expect(table.articles[0]!.published).toBeUndefined();
    // Unanchored, "on Monday" stays an unresolved weekday instead of a day in 1899 or March.
    expect(table.facts.filter((f) => f.kind === 'date').map((f) => f.value)).toEqual(['']);
  });

  it('a dateline "February 30, 2017" is warned about and gives no publication date', async () => {
    const dir = await corpus({ 'a.txt': `Wall breached\nFebruary 30, 2017\n\n${BODY}` });
    const c = await readCorpus(dir);
    expect(c.warnings).toEqual([expect.stringMatching(/"February 30, 2017" is not a date that exists/)]);
    expect(buildFactTable(c.articles, 'h', nlp).articles[0]!.published).toBeUndefined();
  });

  it('a valid date line gives no warning', async () => {
    const c = await readCorpus(await corpus({ 'a.txt': `date 2016-02-29\n\n${BODY}`, 'b.txt': `date night was cancelled.\n\n${BODY}` }));
    expect(c.warnings).toEqual([]);
    expect(buildFactTable(c.articles, 'h', nlp).articles[0]!.published).toBe('2016-02-29');
  });

  it('dates in the text that name no real day are not extracted', () => {
    const raw = 'date 2017-07-05\n\nThe wall was breached on February 29, 2017, and rebuilt on June 31, 2016. Troops crossed on March 3, 2017.\n';
    const values = buildFactTable([{ id: 'a', raw, meta: {} }], 'h', nlp).facts.filter((f) => f.kind === 'date').map((f) => f.value);
    expect(values).toContain('2017-03-03');
    for (const v of values.map(String)) expect(v === "" || isCalendarDate(v), v).toBe(true);
  });
});
