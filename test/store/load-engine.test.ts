import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/types.js';
import { createNlp } from '../../src/core/nlp.js';
import { buildOrLoadTable, loadEngine } from '../../src/load-engine.js';
import { createMemoryStore } from '../../src/store/fact-store.js';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (m) => void warnings.push(m), error: (m) => void warnings.push(m) };
  return { logger, warnings };
}

const nlp = createNlp();

describe('loadEngine', () => {
  it('builds the seeds table once, stores it in the data folder, then loads it from there', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'data-'));
    temps.push(dataDir);
    const { logger } = recordingLogger();
    const first = await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    expect(first.cached).toBe(false);
    expect(first.table.articles).toHaveLength(5);
    expect(await readdir(dataDir)).toHaveLength(1);
    const second = await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    expect(second.cached).toBe(true);
    expect(second.table).toEqual(first.table);
  });

  it('rebuilds when the stored file is corrupt', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'data-'));
    temps.push(dataDir);
    const { logger, warnings } = recordingLogger();
    await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    const [file] = await readdir(dataDir);
    await writeFile(path.join(dataDir, file!), 'not json');
    const again = await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp });
    expect(again.cached).toBe(false);
    expect(warnings.join('\n')).toMatch(/has no checksum at its end.*rebuilding/);
    expect((await buildOrLoadTable({ corpusDir: 'seeds', dataDir, logger, nlp })).cached).toBe(true);
  });

  it('logs corpus warnings and returns an engine over the articles that loaded', async () => {
    const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
    temps.push(corpusDir);
    await writeFile(path.join(corpusDir, 'good.txt'), 'date 2017-07-04 The bridge is 300 metres long, officials said.\n');
    await writeFile(path.join(corpusDir, 'empty.txt'), '');
    const { logger, warnings } = recordingLogger();
    const engine = await loadEngine({ corpusDir, dataDir: '/unused', publicUrl: 'http://example.test', logger, store: createMemoryStore(), nlp });
    expect(engine.sources().map((s) => s.id)).toEqual(['good']);
    expect(engine.sources()[0]!.viewer).toMatch(/^http:\/\/example\.test\/sources\/good/);
    expect(warnings).toEqual([expect.stringMatching(/empty\.txt: empty/)]);
  });

  it('fails clearly for a missing corpus folder', async () => {
    const { logger } = recordingLogger();
    await expect(loadEngine({ corpusDir: '/no/such/dir', dataDir: '/unused', publicUrl: 'http://x', logger, store: createMemoryStore(), nlp })).rejects.toThrow(
      /Corpus folder not found/,
    );
  });
});
