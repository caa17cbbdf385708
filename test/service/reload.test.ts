/**
 * Reloading while answering: the live engine swaps to a newly built one only when it is ready,
 * a failed reload keeps the old one, and overlapping reloads run one after another.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { createLogger } from '../../src/logger.js';
import { loadEngine } from '../../src/load-engine.js';
import { createLiveEngine } from '../../src/service/live-engine.js';
import { createReloader } from '../../src/service/reload.js';

const APPLE = path.resolve(import.meta.dirname, '../../../shared/corpora/wikinews-apple');
const JOBS = '287096_Apple_Inc_co_founder.txt';
const QUESTION = 'How old was Steve Jobs when he died?';

const lines: string[] = [];
const logger = createLogger('debug', (l) => lines.push(l));
let dir: string;
let seeds: Engine;
let grown: Engine;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coverage-bot-reload-'));
  const corpus = path.join(dir, 'corpus');
  await cp('seeds', corpus, { recursive: true });
  seeds = await loadEngine({ corpusDir: corpus, dataDir: path.join(dir, 'data'), publicUrl: 'http://localhost:8080', logger });
  await cp(path.join(APPLE, JOBS), path.join(corpus, JOBS));
  grown = await loadEngine({ corpusDir: corpus, dataDir: path.join(dir, 'data'), publicUrl: 'http://localhost:8080', logger });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe('reloading the corpus', () => {
  it('answers come from the old engine while the new one loads, and from the new one once it is ready', async () => {
    const live = createLiveEngine(seeds);
    const g = gate();
    const reloader = createReloader({ live, load: () => g.wait.then(() => grown), logger, what: 'corpus test' });
    const done = reloader.reload('test');
    expect(live.engine.ask(QUESTION).answered).toBe(false);
    expect(live.engine.table.articles).toHaveLength(5);
    g.open();
    expect(await done).toBe(true);
    const answer = live.engine.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/\b56\b/);
    expect(answer.citations.map((c) => c.source)).toContain(JOBS.replace(/\.txt$/, ''));
    expect(live.engine.sources().map((s) => s.id)).toHaveLength(6);
  });

  it('a failed reload keeps the engine that was answering and says so in the log', async () => {
    const live = createLiveEngine(seeds);
    const reloader = createReloader({ live, load: () => Promise.reject(new Error('Corpus folder not found: /gone')), logger, what: 'corpus test' });
    expect(await reloader.reload('test')).toBe(false);
    expect(live.current()).toBe(seeds);
    expect(live.engine.table.articles).toHaveLength(5);
    expect(lines.some((l) => l.includes('[error] reload of corpus test failed; still answering from the previous table: Corpus folder not found: /gone'))).toBe(true);
  });

  it('reloads asked for during a reload run once, after it, never at the same time', async () => {
    const live = createLiveEngine(seeds);
    let running = 0;
    let most = 0;
    let loads = 0;
    const g = gate();
    const load = async () => {
      loads++;
      running++;
      most = Math.max(most, running);
      await g.wait;
      running--;
      return loads === 1 ? seeds : grown;
    };
    const reloader = createReloader({ live, load, logger, what: 'corpus test' });
    const all = [reloader.reload('a'), reloader.reload('b'), reloader.reload('c')];
    g.open();
    expect(await Promise.all(all)).toEqual([true, true, true]);
    expect(loads).toBe(2);
    expect(most).toBe(1);
    expect(live.current()).toBe(grown);
  });
});
