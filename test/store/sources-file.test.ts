/** Issue 11, item 6: sources.json is read only as a regular, bounded file, and its content is never echoed. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/store/corpus-loader.js';

const SECRET = 'SECRET-TOKEN-9f8e7d';
const BODY = 'date 2017-07-04\n\nRebels breached the wall on Monday, officials said.\n';
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function corpusWith(make: (sourcesPath: string, dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sources-file-'));
  temps.push(dir);
  await writeFile(path.join(dir, 'a.txt'), BODY);
  await make(path.join(dir, 'sources.json'), dir);
  return dir;
}

/** Loads within a deadline: a FIFO or /dev/zero must not hang or eat memory. */
async function load(dir: string, maxBytes?: number) {
  const corpus = await Promise.race([
    readCorpus(dir, undefined, maxBytes ? { maxBytes } : {}),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('readCorpus hung')), 5000)),
  ]);
  expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
  expect(corpus.articles[0]!.meta).toEqual({});
  expect(corpus.warnings).toHaveLength(1);
  expect(corpus.warnings.join('\n')).not.toContain('SECRET');
  return corpus.warnings[0]!;
}

describe('sources.json that is not a regular file', () => {
  it('a named pipe is refused at once instead of hanging the load', async () => {
    const dir = await corpusWith(async (p) => void execFileSync('mkfifo', [p]));
    expect(await load(dir)).toMatch(/^sources\.json: is a named pipe, not a regular file; ignored/);
  });

  it('a symbolic link to /dev/zero is refused without reading it', async () => {
    const dir = await corpusWith((p) => symlink('/dev/zero', p));
    expect(await load(dir)).toMatch(/^sources\.json: is a symbolic link/);
  });

  it('a symbolic link to a file elsewhere is refused, and nothing of that file appears', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'));
    temps.push(outside);
    await writeFile(path.join(outside, 'secret.txt'), `${SECRET}\n`);
    const dir = await corpusWith((p) => symlink(path.join(outside, 'secret.txt'), p));
    expect(await load(dir)).toMatch(/^sources\.json: is a symbolic link/);
  });

  it('a folder named sources.json is refused', async () => {
    const dir = await corpusWith((p) => mkdir(p));
    expect(await load(dir)).toMatch(/^sources\.json: is a folder, not a regular file/);
  });

  it('a file over the article size limit is refused without reading it', async () => {
    const dir = await corpusWith((p) => writeFile(p, JSON.stringify({ a: { title: 'x'.repeat(5000) } })));
    expect(await load(dir, 4096)).toMatch(/^sources\.json: is 4\.9 kB, over the 4\.0 kB limit; ignored/);
  });
});

describe('sources.json content never reaches a warning', () => {
  it('text that is not JSON is reported by position only', async () => {
    const dir = await corpusWith((p) => writeFile(p, `${SECRET} is what this file holds\n`));
    expect(await load(dir)).toMatch(/^sources\.json: not valid JSON( at line \d+, column \d+)?; ignored/);
  });

  it('broken JSON is reported by line and column', async () => {
    const dir = await corpusWith((p) => writeFile(p, `{\n  "a": { "title": "${SECRET}", }\n}`));
    expect(await load(dir)).toMatch(/^sources\.json: not valid JSON at line 2, column \d+; ignored/);
  });

  it('a field value of the wrong form is described, not quoted', async () => {
    const dir = await corpusWith((p) => writeFile(p, JSON.stringify({ a: { url: SECRET, published: SECRET } })));
    const corpus = await readCorpus(dir);
    expect(corpus.warnings).toHaveLength(2);
    expect(corpus.warnings.join('\n')).not.toContain('SECRET');
    expect(corpus.warnings[0]).toMatch(/field "url": .*found a string of 19 characters/);
  });
});
