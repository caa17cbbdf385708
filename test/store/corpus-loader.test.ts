import { mkdtemp, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, readCorpus } from '../../src/store/corpus-loader.js';

const SEEDS = path.resolve('seeds');
const temps: string[] = [];

async function tempCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

async function seedsCopy(): Promise<string> {
  const dir = await tempCorpus({});
  for (const f of await readdir(SEEDS)) await copyFile(path.join(SEEDS, f), path.join(dir, f));
  return dir;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const GOOD = 'date 2017-07-04 Rebels breached the wall on Monday, officials said.\n\nSecond paragraph.\n';

describe('readCorpus', () => {
  it('loads the five seed articles, ids are file names without .txt, sorted', async () => {
    const corpus = await readCorpus(SEEDS);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles.map((a) => a.id)).toEqual([
      '000_6e79381d7b31fe90',
      '001_16493793af55492b',
      '002_03778420ae52af1d',
      '003_07e3151076a655cf',
      '004_978389261bf9fc36',
    ]);
    for (const a of corpus.articles) {
      expect(a.raw.length).toBeGreaterThan(500);
      expect(a.raw).not.toContain('\r');
      // seeds/sources.json names the one outlet the texts name themselves.
      expect(a.meta).toEqual(a.id.startsWith('003_') ? { outlet: 'PanARMENIAN.Net' } : {});
    }
    expect(corpus.articles[0]!.raw).toContain('Rafiqah Wall');
  });

  it('loads the Apple corpus with its sources.json metadata and ignores README.md', async () => {
    const dir = path.resolve('../shared/corpora/wikinews-apple');
    const corpus = await readCorpus(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles).toHaveLength(30);
    expect(corpus.articles.some((a) => a.id === 'README')).toBe(false);
    const first = corpus.articles.find((a) => a.id === '101354_Apple_releases_iPhone_SDK,_announces_upcoming_update')!;
    expect(first.meta.outlet).toBe('Wikinews');
    expect(first.meta.url).toMatch(/^http:\/\/en\.wikinews\.org\/wiki\//);
  });

  it('gives the same hash on every run and a different one when a file changes', async () => {
    const dir = await seedsCopy();
    const a = await readCorpus(dir);
    const b = await readCorpus(dir);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    await writeFile(path.join(dir, '000_6e79381d7b31fe90.txt'), a.articles[0]!.raw + ' One more sentence.');
    expect((await readCorpus(dir)).hash).not.toBe(a.hash);
  });

  it('changes the hash when sources.json changes metadata, not when it only reorders keys', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD, 'sources.json': '{"a":{"outlet":"X","title":"T"}}' });
    const h1 = (await readCorpus(dir)).hash;
    await writeFile(path.join(dir, 'sources.json'), '{ "a": { "title": "T", "outlet": "X" } }');
    expect((await readCorpus(dir)).hash).toBe(h1);
    await writeFile(path.join(dir, 'sources.json'), '{"a":{"outlet":"Y","title":"T"}}');
    expect((await readCorpus(dir)).hash).not.toBe(h1);
  });

  it('skips empty, whitespace-only, binary and oversized files with warnings naming them; the rest loads', async () => {
    const binary = new Uint8Array(256).map((_, i) => i);
    const dir = await tempCorpus({
      'good.txt': GOOD,
      'empty.txt': '',
      'blank.txt': '  \n\t\n  ',
      'image.txt': binary,
      'controls.txt': 'ab\x01\x02\x03\x04cd\x05\x06\x07\x08',
      'huge.txt': 'word '.repeat(1000),
    });
    const corpus = await readCorpus(dir, undefined, { maxBytes: 4000 });
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    const w = corpus.warnings.join('\n');
    expect(w).toMatch(/empty\.txt: empty/);
    expect(w).toMatch(/blank\.txt: empty \(only whitespace\)/);
    expect(w).toMatch(/image\.txt: looks like a binary file.*NUL/);
    expect(w).toMatch(/controls\.txt: looks like a binary file.*control characters/);
    expect(w).toMatch(/huge\.txt: 4\.9 kB is over the 3\.9 kB limit/);
    expect(corpus.warnings).toHaveLength(5);
  });

  it('reads a Latin-1 file as Windows-1252, with a warning saying so', async () => {
    const latin1 = Buffer.from('date 2017-07-04 Le caf\xe9 de la r\xe9publique \x93quoted\x94.\n', 'latin1');
    const dir = await tempCorpus({ 'fr.txt': latin1 });
    const corpus = await readCorpus(dir);
    expect(corpus.articles[0]!.raw).toBe('date 2017-07-04 Le café de la république “quoted”.\n');
    expect(corpus.warnings).toEqual([expect.stringMatching(/^fr\.txt: not valid UTF-8; read as Windows-1252/)]);
  });

  it('strips a UTF-8 byte-order mark and normalizes CRLF so offsets index the stored text', async () => {
    const dir = await tempCorpus({ 'bom.txt': '\uFEFFFirst line.\r\nSecond line.\rThird.\r\n' });
    const corpus = await readCorpus(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles[0]!.raw).toBe('First line.\nSecond line.\nThird.\n');
  });

  it('ignores other extensions and folders', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD, 'notes.md': '# notes', 'page.pdf': '%PDF-1.4' });
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.warnings).toEqual([]);
  });

  it('warns about sources.json that is not JSON, and still loads the articles', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD, 'sources.json': '{ "a": { "outlet": "X", } ' });
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.articles[0]!.meta).toEqual({});
    expect(corpus.warnings).toEqual([expect.stringMatching(/^sources\.json: not valid JSON/)]);
  });

  it('warns about a sources.json of the wrong shape', async () => {
    const dir = await tempCorpus({ 'a.txt': GOOD, 'sources.json': '[{"id":"a"}]' });
    const corpus = await readCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.warnings).toEqual([expect.stringMatching(/^sources\.json: expected an object keyed by article id.*found an array/)]);
  });

  it('keeps valid sources.json entries and fields, warning about unknown ids, bad fields and wrong shapes', async () => {
    const sources = {
      a: { url: 'https://example.com/a', outlet: 'Outlet A', published: '2017-07-04T10:00:00Z' },
      b: { url: 'not a url', outlet: 'Outlet B', published: 'July 4', colour: 'red' },
      c: 'https://example.com/c',
      ghost: { outlet: 'Nobody' },
    };
    const dir = await tempCorpus({ 'a.txt': GOOD, 'b.txt': GOOD, 'c.txt': GOOD, 'sources.json': JSON.stringify(sources) });
    const corpus = await readCorpus(dir);
    const meta = Object.fromEntries(corpus.articles.map((a) => [a.id, a.meta]));
    expect(meta).toEqual({
      a: { url: 'https://example.com/a', outlet: 'Outlet A', published: '2017-07-04' },
      b: { outlet: 'Outlet B' },
      c: {},
    });
    const w = corpus.warnings.join('\n');
    expect(w).toMatch(/sources\.json: entry "b", field "url": .*found a string of 9 characters/);
    expect(w).toMatch(/sources\.json: entry "b", field "published": expected an ISO date.*found a string of 6 characters/);
    expect(w).toMatch(/sources\.json: entry "b": unknown field "colour"/);
    expect(w).toMatch(/sources\.json: entry "c": expected an object.*found a string of 21 characters/);
    expect(w).toMatch(/sources\.json: 1 entry names no loaded article \("ghost"\)/);
  });

  it('throws a clear error for a missing corpus folder or a file in its place', async () => {
    await expect(readCorpus('/no/such/corpus')).rejects.toThrow(CorpusError);
    await expect(readCorpus('/no/such/corpus')).rejects.toThrow(/Corpus folder not found: \/no\/such\/corpus/);
    await expect(readCorpus(path.join(SEEDS, '000_6e79381d7b31fe90.txt'))).rejects.toThrow(/not a folder/);
  });

  it('warns when a folder has no readable articles', async () => {
    const dir = await tempCorpus({ 'x.txt': '' });
    const corpus = await readCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(corpus.warnings.at(-1)).toMatch(/no readable \.txt or \.html articles/);
  });
});
