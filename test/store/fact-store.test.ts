import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createNlp } from '../../src/core/nlp.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { SCHEMA_VERSION, type FactTable } from '../../src/core/types.js';
import type { Logger } from '../../src/core/types.js';
import { createFileStore, createMemoryStore, tableFileName } from '../../src/store/fact-store.js';
import { sealed } from './sealed.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'facts-'));
  temps.push(dir);
  return dir;
}

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m) };
  return { logger, warnings };
}

const nlp = createNlp();
let seedsTable: FactTable;

/** A real table (the seeds through the pipeline) under another hash, optionally replicated to `copies`× the articles (facts and claims stay on the first copy). */
function table(hash: string, copies = 1): FactTable {
  if (copies === 1) return { ...seedsTable, hash };
  const copy = <T,>(f: (i: number) => T[]): T[] => Array.from({ length: copies }, (_, i) => f(i)).flat();
  return {
    ...seedsTable,
    hash,
    articles: copy((i) => seedsTable.articles.map((a) => ({ ...a, id: `${a.id}-${i}` }))),
    facts: seedsTable.facts.map((f) => ({ ...f, article: `${f.article}-0` })),
    claims: seedsTable.claims.map((c) => ({ ...c, groups: c.groups.map((g) => ({ ...g, sources: g.sources.map((s) => `${s}-0`) })) })),
  };
}


beforeAll(async () => {
  seedsTable = buildFactTable((await readCorpus('seeds')).articles, 'seeds', nlp);
});

const HASH = 'ab'.repeat(32);

describe('file fact store', () => {
  it('round-trips a table through a real file in the data folder, written as compact JSON with no temp file left', async () => {
    const dir = path.join(await tempDir(), 'data');
    const store = createFileStore(dir);
    expect(await store.load(HASH)).toBeUndefined();
    await store.save(table(HASH));
    expect(await readdir(dir)).toEqual([tableFileName(HASH)]);
    const text = await readFile(path.join(dir, tableFileName(HASH)), 'utf8');
    expect(text).toBe(sealed(table(HASH)));
    expect(await createFileStore(dir).load(HASH)).toEqual(table(HASH));
  });

  it('treats a file cut short as missing, with a warning naming it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, tableFileName(HASH)), '{"schema":1,"hash":');
    const { logger, warnings } = recordingLogger();
    const store = createFileStore(dir, logger);
    expect(await store.load(HASH)).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`${tableFileName(HASH)} has no checksum at its end.*rebuilding`))]);
    await store.save(table(HASH));
    expect(await store.load(HASH)).toEqual(table(HASH));
  });

  it('rebuilds a table written with an older schema', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, tableFileName(HASH)), sealed({ ...table(HASH), schema: SCHEMA_VERSION - 1 }));
    const { logger, warnings } = recordingLogger();
    expect(await createFileStore(dir, logger).load(HASH)).toBeUndefined();
    expect(warnings[0]).toMatch(new RegExp(`schema ${SCHEMA_VERSION - 1}, expected ${SCHEMA_VERSION}; rebuilding`));
  });

  it.each([
    ['an object that is not a table', () => ({}), /written with schema undefined/],
    ['missing facts', () => ({ ...table(HASH), facts: undefined }), /no "facts" array/],
    ['another corpus', () => table('cd'.repeat(32)), /belongs to corpus cdcd/],
    ['a malformed article', () => ({ ...table(HASH), articles: [{ id: 'x' }] }), /malformed article at index 0/],
    ['an article without sentences', () => ({ ...table(HASH), articles: table(HASH).articles.map((a, i) => (i ? a : { ...a, sentences: undefined })) }), /malformed at articles\.0\.sentences/],
    ['a null fact', () => ({ ...table(HASH), facts: [...table(HASH).facts, null] }), /malformed at facts\.\d+/],
  ])('rebuilds a file holding %s', async (_, content, message) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, tableFileName(HASH)), sealed(content()));
    const { logger, warnings } = recordingLogger();
    expect(await createFileStore(dir, logger).load(HASH)).toBeUndefined();
    expect(warnings[0]).toMatch(message);
  });

  it('keeps only the most recent table files', async () => {
    const dir = await tempDir();
    const store = createFileStore(dir, undefined, { keep: 2 });
    const hashes = ['11', '22', '33'].map((h) => h.repeat(32));
    for (const h of hashes) {
      await store.save(table(h));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await readdir(dir)).sort()).toEqual([tableFileName(hashes[1]!), tableFileName(hashes[2]!)].sort());
  });

  it('saves and loads 2,000 articles quickly', async () => {
    const dir = await tempDir();
    const big = table(HASH, 400);
    const store = createFileStore(dir);
    const t0 = performance.now();
    await store.save(big);
    const loaded = await createFileStore(dir).load(HASH);
    const ms = performance.now() - t0;
    expect(loaded?.articles).toHaveLength(2000);
    expect(loaded?.facts).toHaveLength(seedsTable.facts.length);
    expect(ms).toBeLessThan(2000);
  });
});

describe('memory fact store', () => {
  it('returns what was saved, by hash', async () => {
    const store = createMemoryStore();
    expect(await store.load(HASH)).toBeUndefined();
    await store.save(table(HASH));
    expect(await store.load(HASH)).toEqual(table(HASH));
    expect(await store.load('cd'.repeat(32))).toBeUndefined();
  });
});
