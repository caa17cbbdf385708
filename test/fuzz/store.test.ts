/**
 * Fuzz the fact store: a writer killed with SIGKILL at random moments mid-write, and tables
 * damaged at random (bit flips, cuts, and JSON edits re-sealed with a valid checksum, as a buggy
 * writer would leave them). No partial table is ever served: a load gives a whole table the
 * engine can answer from, or nothing (and the caller rebuilds).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createNlp } from '../../src/core/nlp.js';
import type { FactTable } from '../../src/core/types.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { createFileStore, tableFileName } from '../../src/store/fact-store.js';
import { sealed } from '../store/sealed.js';
import { pick, rng, unfaithful } from './generate.js';

const WRITER = path.resolve('test/fuzz/writer.ts');
const HASH = '5e'.repeat(32);
const nlp = createNlp();
let seeds: FactTable;
const temps: string[] = [];

beforeAll(async () => {
  seeds = { ...buildFactTable((await readCorpus('seeds')).articles, 'seeds', nlp), hash: HASH };
  seeds = JSON.parse(JSON.stringify(seeds));
});
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'fuzz-store-'));
  temps.push(d);
  return d;
}

/** The seeds table with its articles copied `n` times (facts on the first copy): megabytes to write. */
function big(n: number): FactTable {
  return { ...seeds, articles: Array.from({ length: n }, (_, i) => seeds.articles.map((a) => (i ? { ...a, id: `${a.id}~${i}` } : a))).flat() };
}

const QUESTIONS = ['How long is the Rafiqah wall?', 'When did they cross the river?', 'Who is Brett McGurk?', 'What did McGurk tweet?', 'Which sources mention Mosul?', 'Do the sources disagree?', 'list the sources', 'show me the timeline'];

/** A table the store served must be whole: the engine answers from it with verbatim snippets. */
function expectServable(t: FactTable): void {
  const engine = createEngine(t, nlp, { publicUrl: 'http://viewer.test' });
  for (const q of QUESTIONS) expect(unfaithful(engine.ask(q), t)).toEqual([]);
  engine.sources();
  engine.timeline();
  for (const a of t.articles.slice(0, 5)) engine.article(a.id);
}

describe('a writer killed with SIGKILL mid-write', () => {
  it('leaves either the last whole table or none, never a partial one; its temp files are removed on the next start', async () => {
    const dir = await tempDir();
    const tablePath = path.join(dir, 'table.json');
    const table = big(30);
    await writeFile(tablePath, JSON.stringify(table));
    const dataDir = path.join(dir, 'data');
    const random = rng(99);
    let lastSaved = 0;
    for (let kill = 0; kill < 6; kill++) {
      // node itself (not the tsx launcher), so SIGKILL reaches the process that writes.
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, tablePath, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const target = 1 + Math.floor(random() * 3);
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          // Kill somewhere inside the `target`-th save, at a random moment.
          if (out.includes(`saving ${target}\n`)) setTimeout(() => child.kill('SIGKILL'), random() * 150);
        });
        child.on('exit', () => resolve());
        child.on('error', reject);
        setTimeout(() => reject(new Error('writer never reached its save')), 60_000);
      });
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      if (saved.length) lastSaved = Math.max(...saved);
      const loaded = await createFileStore(dataDir).load(HASH);
      if (lastSaved === 0) {
        expect(loaded === undefined || Number(loaded.builtAt) >= 1).toBe(true);
      } else {
        expect(loaded).toBeDefined();
      }
      if (loaded) {
        // A whole table: one of the rounds written in full (the killed round may have completed its rename).
        expect(loaded.articles).toHaveLength(table.articles.length);
        expect(Number(loaded.builtAt)).toBeGreaterThanOrEqual(1);
        expectServable(loaded);
      }
    }
    const left = (await readdir(dataDir)).filter((n) => n.endsWith('.tmp'));
    expect(left).toEqual([]);
    expect(await readdir(dataDir)).toEqual([tableFileName(HASH)]);
  }, 180_000);
});

/** A random path into a JSON value, and a change made there. */
function mutate(value: any, random: () => number): string {
  let node = value;
  const trail: string[] = [];
  for (let depth = 0; depth < 6; depth++) {
    const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : node && typeof node === 'object' ? Object.keys(node) : [];
    if (!keys.length) break;
    const k = pick(random, keys);
    if (depth >= 1 && random() < 0.3) {
      const change = pick(random, ['delete', 'null', 'string', 'negative', 'huge', 'float', 'empty array', 'object', 'duplicate'] as const);
      const v = node[k];
      if (change === 'delete') Array.isArray(node) ? node.splice(Number(k), 1) : delete node[k];
      else if (change === 'null') node[k] = null;
      else if (change === 'string') node[k] = 'x';
      else if (change === 'negative') node[k] = -7;
      else if (change === 'huge') node[k] = 1e12;
      else if (change === 'float') node[k] = 0.5;
      else if (change === 'empty array') node[k] = [];
      else if (change === 'object') node[k] = {};
      else if (Array.isArray(node)) node.push(structuredClone(v));
      else node[k] = structuredClone(v);
      return `${change} at ${[...trail, k].join('.')}`;
    }
    trail.push(k);
    node = node[k];
  }
  return 'no change';
}

describe('randomly damaged tables', () => {
  it('300 random JSON edits re-sealed with a valid checksum: each is rejected with a warning, or served whole', async () => {
    const dir = await tempDir();
    const random = rng(4242);
    let rejected = 0;
    let served = 0;
    for (let i = 0; i < 300; i++) {
      const t = structuredClone(seeds) as any;
      const what = [mutate(t, random), ...(random() < 0.3 ? [mutate(t, random)] : [])].join(', ');
      await writeFile(path.join(dir, tableFileName(HASH)), sealed(t));
      const warnings: string[] = [];
      const logger = { debug() {}, info() {}, warn: (m: string) => void warnings.push(m), error: (m: string) => void warnings.push(m) };
      const loaded = await createFileStore(dir, logger).load(HASH);
      if (!loaded) {
        expect(warnings, what).toEqual([expect.stringMatching(/rebuilding it$/)]);
        rejected++;
        continue;
      }
      try {
        expectServable(loaded);
      } catch (e) {
        throw new Error(`served a table the engine cannot answer from after ${what}: ${(e as Error).message}`);
      }
      served++;
    }
    // Both outcomes occur: the matrix is neither all harmless nor all fatal edits.
    expect(rejected).toBeGreaterThan(50);
    expect(served).toBeGreaterThan(20);
  }, 120_000);

  it('random bit flips and cuts of a stored file are all rejected', async () => {
    const dir = await tempDir();
    await createFileStore(dir).save(seeds);
    const file = path.join(dir, tableFileName(HASH));
    const good = await readFile(file);
    const random = rng(7);
    for (let i = 0; i < 100; i++) {
      const bytes = Buffer.from(good);
      if (random() < 0.5) bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      const damaged = random() < 0.5 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes;
      if (damaged.equals(good)) continue;
      await writeFile(file, damaged);
      expect(await createFileStore(dir, { debug() {}, info() {}, warn() {}, error() {} }).load(HASH)).toBeUndefined();
    }
  }, 60_000);
});
