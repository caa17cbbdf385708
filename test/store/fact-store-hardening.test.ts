/**
 * Issue 11, items 2–4: a stored table is served only when it is exactly what was written and
 * has the shape the engine needs; a failed write (a full disk) replaces nothing; temp files
 * left by killed writers are removed on start.
 */
import { open, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createNlp } from '../../src/core/nlp.js';
import type { FactTable, Logger } from '../../src/core/types.js';
import { buildOrLoadTable } from '../../src/load-engine.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { createFileStore, StoreWriteError, tableFileName, type OpenForWrite, type WriteTarget } from '../../src/store/fact-store.js';
import { sealed } from './sealed.js';

const nlp = createNlp();
const HASH = 'ef'.repeat(32);
let seeds: FactTable;
const temps: string[] = [];

beforeAll(async () => {
  seeds = { ...buildFactTable((await readCorpus('seeds')).articles, 'seeds', nlp), hash: HASH };
});
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-hard-'));
  temps.push(dir);
  return dir;
}

function recording(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, debug() {}, info: (m) => void infos.push(m), warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m) };
}

/** The seeds table with one change made to a deep copy. */
function damaged(change: (t: any) => void): unknown {
  const t = structuredClone(seeds) as any;
  change(t);
  return t;
}

describe('a stored table that parses but is malformed is rebuilt with a warning', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['an article without sentences', () => damaged((t) => delete t.articles[1].sentences), /articles\.1\.sentences/],
    ['a null fact', () => damaged((t) => (t.facts[3] = null)), /facts\.3/],
    ['a fact value of null', () => damaged((t) => (t.facts[0].value = null)), /facts\.0\.value/],
    ['a sentence span past the text', () => damaged((t) => (t.articles[0].sentences[2].end = t.articles[0].raw.length + 5)), /sentence 2 of article 0 outside its text/],
    ['a fact span past the text', () => damaged((t) => (t.facts[5].span.end = 10 ** 7)), /fact 5 outside its article's text/],
    ['a negative offset', () => damaged((t) => (t.facts[1].span.start = -1)), /facts\.1\.span\.start/],
    ['a fact about a missing article', () => damaged((t) => (t.facts[2].article = 'nobody')), /fact 2 about an article that is not in the table/],
    ['a fact in a missing sentence', () => damaged((t) => (t.facts[2].sentence = 999)), /fact 2 in a sentence its article does not have/],
    ['sentences out of order', () => damaged((t) => ([t.articles[0].sentences[0], t.articles[0].sentences[1]] = [t.articles[0].sentences[1], t.articles[0].sentences[0]])), /numbered/],
    ['two articles with one id', () => damaged((t) => (t.articles[1].id = t.articles[0].id)), /two articles with the id/],
    ['a claim citing a missing fact', () => damaged((t) => t.claims[0].groups[0].facts.push('nope')), /claim 0 citing a fact/],
    ['a wire share above 1', () => damaged((t) => (t.articles[0].wireShare = 7)), /articles\.0\.wireShare/],
    ['aliases that are not lists', () => damaged((t) => (t.aliases = { us: 'united states' })), /aliases\.us/],
    ['terms that are not strings', () => damaged((t) => (t.articles[0].sentences[0].terms = [1, 2])), /terms\.0/],
    ['a frame argument past the text', () => damaged((t) => {
      const f = t.articles[0].sentences.flatMap((x: any) => x.frames ?? []).find((x: any) => x.agent || x.patient);
      (f.agent ?? f.patient).end = 10 ** 7;
    }), /malformed frame in sentence \d+ of article 0/],
    ['a frame without its verb', () => damaged((t) => delete t.articles[0].sentences.find((x: any) => x.frames?.length).frames[0].verb), /frames\.0\.verb/],
    ['a lead event past the sentences', () => damaged((t) => (t.articles[0].leadEvent = 999)), /leading with a sentence it does not have/],
  ];

  it.each(cases)('%s', async (_name, content, message) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, tableFileName(HASH)), sealed(content()));
    const logger = recording();
    expect(await createFileStore(dir, logger).load(HASH)).toBeUndefined();
    expect(logger.warnings).toEqual([expect.stringMatching(message)]);
    expect(logger.warnings[0]).toMatch(/rebuilding it$/);
  });

  it('the unchanged table loads, extra fields from a newer pipeline included', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, tableFileName(HASH)), sealed({ ...seeds, frames: [{ verb: 'breach' }] }));
    const logger = recording();
    expect(await createFileStore(dir, logger).load(HASH)).toEqual({ ...JSON.parse(JSON.stringify(seeds)), frames: [{ verb: 'breach' }] });
    expect(logger.warnings).toEqual([]);
  });
});

describe('the checksum', () => {
  it('catches every one of 60 random bit flips, and the untouched file loads', async () => {
    const dir = await tempDir();
    const store = createFileStore(dir);
    await store.save(seeds);
    const file = path.join(dir, tableFileName(HASH));
    const good = await readFile(file);
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 60; i++) {
      const bytes = Buffer.from(good);
      const at = Math.floor(random() * bytes.length);
      bytes[at]! ^= 1 << Math.floor(random() * 8);
      await writeFile(file, bytes);
      const logger = recording();
      expect(await createFileStore(dir, logger).load(HASH), `flip at ${at}`).toBeUndefined();
      expect(logger.warnings[0]).toMatch(/checksum|not valid JSON|malformed/);
    }
    await writeFile(file, good);
    expect(await createFileStore(dir).load(HASH)).toEqual(seeds);
  });

  it('catches a file cut short at any point', async () => {
    const dir = await tempDir();
    await createFileStore(dir).save(seeds);
    const file = path.join(dir, tableFileName(HASH));
    const good = await readFile(file);
    for (const keep of [0, 1, 100, good.length / 2, good.length - 70, good.length - 1]) {
      await writeFile(file, good.subarray(0, Math.floor(keep)));
      const logger = recording();
      expect(await createFileStore(dir, logger).load(HASH)).toBeUndefined();
      expect(logger.warnings[0]).toMatch(/has no checksum at its end/);
    }
  });

  it('through loadEngine, a damaged table is rebuilt once and then served from the store', async () => {
    const dataDir = await tempDir();
    const logger = recording();
    await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    const [name] = await readdir(dataDir);
    const file = path.join(dataDir, name!);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"sentences":[', '"sentencez":['));
    const again = await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    expect(again.cached).toBe(false);
    expect(logger.warnings.join('\n')).toMatch(/fails its checksum.*rebuilding it/);
    expect((await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp })).cached).toBe(true);
  });
});

/** A real file handle that misbehaves the way a full disk does. */
function faulty(fault: 'enospc' | 'zero' | 'short' | 'lies', after = 4096, calls: string[] = []): OpenForWrite {
  return async (file) => {
    const fh = await open(file, 'w');
    let total = 0;
    const target: WriteTarget = {
      async write(buffer, offset, length, position) {
        calls.push('write');
        if (fault === 'short') return fh.write(buffer, offset, Math.min(length, 1000), position);
        if (total + length > after) {
          if (fault === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          if (fault === 'zero') return { bytesWritten: 0 };
          total += length;
          return { bytesWritten: length };
        }
        total += length;
        return fh.write(buffer, offset, length, position);
      },
      sync: async () => {
        calls.push('sync');
        await fh.sync();
      },
      close: async () => {
        calls.push('close');
        await fh.close();
      },
    };
    return target;
  };
}

describe('a write that fails (a full disk)', () => {
  it.each([
    ['throws ENOSPC', 'enospc', /no space left on the device/],
    ['writes nothing more', 'zero', /no space left on the device/],
    ['says it wrote bytes it did not', 'lies', /holds \d+ of \d+ bytes written/],
  ] as const)('when the disk %s, save fails with a clear error and the previous table stays in place', async (_name, fault, message) => {
    const dir = await tempDir();
    await createFileStore(dir).save(seeds);
    const file = path.join(dir, tableFileName(HASH));
    const before = await readFile(file);
    const next = { ...seeds, builtAt: 'later' };
    const err = await createFileStore(dir, undefined, { openForWrite: faulty(fault) }).save(next).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreWriteError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/the previous table, if any, is unchanged/);
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual([tableFileName(HASH)]);
    expect(await createFileStore(dir).load(HASH)).toEqual(seeds);
  });

  it('short writes that make progress are continued until every byte is written, then fsynced before close', async () => {
    const dir = await tempDir();
    const calls: string[] = [];
    await createFileStore(dir, undefined, { openForWrite: faulty('short', 0, calls) }).save(seeds);
    expect(await createFileStore(dir).load(HASH)).toEqual(seeds);
    expect(calls.slice(-2)).toEqual(['sync', 'close']);
    expect(calls.filter((c) => c === 'write').length).toBeGreaterThan(100);
  });

  it('the engine keeps serving the table it built, with a warning, when it cannot be saved', async () => {
    const dataDir = await tempDir();
    const logger = recording();
    const store = createFileStore(dataDir, logger, { openForWrite: faulty('enospc', 1000) });
    const loaded = await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp, store });
    expect(loaded.table.articles).toHaveLength(5);
    expect(logger.warnings.join('\n')).toMatch(/could not save the fact table .*no space left on the device/);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('temp files left by interrupted writes', () => {
  it('are removed on start when their writer is gone or they are stale; a live writer\'s file stays', async () => {
    const dir = await tempDir();
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default range
    const name = (pid: number, tag: string) => `${tableFileName(HASH)}.${pid}-${tag}.tmp`;
    await writeFile(path.join(dir, name(deadPid, 'aaaaaaaa')), 'x'.repeat(5000));
    await writeFile(path.join(dir, name(process.pid, 'bbbbbbbb')), 'partial');
    await writeFile(path.join(dir, name(process.pid, 'cccccccc')), 'old partial');
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(path.join(dir, name(process.pid, 'cccccccc')), hoursAgo, hoursAgo);
    await writeFile(path.join(dir, 'notes.tmp'), 'not ours');
    const logger = recording();
    expect(await createFileStore(dir, logger).load(HASH)).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual([name(process.pid, 'bbbbbbbb'), 'notes.tmp'].sort());
    expect(logger.infos).toEqual([expect.stringMatching(/removed 2 temp file\(s\) left by interrupted writes/)]);
    expect((await stat(path.join(dir, 'notes.tmp'))).size).toBe(8);
  });
});
