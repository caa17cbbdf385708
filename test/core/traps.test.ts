/**
 * Abstention traps generated from each corpus's own frames (`test/support/traps.ts`): a reported
 * relation with its doer swapped for another person the same coverage names, where no sentence
 * puts that person with that verb. The coverage cannot answer these.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { openWordNet } from '../../src/store/wordnet.js';
import { generateTraps } from '../support/traps.js';

const nlp = createNlp();
const wordnet = openWordNet();
afterAll(() => wordnet.close());

const ECBPLUS = path.resolve('../shared/corpora/ecbplus');
const CORPORA = [
  path.resolve('seeds'),
  ...['quake', 'recall', 'wildfire', 'trial'].map((c) => path.resolve('test/fixtures/corpora', c)),
  ...(existsSync(ECBPLUS) ? ['ecbplus-2', 'ecbplus-10', 'ecbplus-13', 'ecbplus-24', 'ecbplus-3', 'ecb-19', 'ecbplus-5', 'ecbplus-18', 'ecbplus-16', 'ecbplus-22', 'ecbplus-26', 'ecbplus-28'].map((c) => path.join(ECBPLUS, c)) : []),
];

/**
 * The share of traps still answered today, as a ceiling a change may not raise. The goal is none;
 * what is answered is printed, so each can be read and fixed at its mechanism.
 */
const MAX_ANSWERED_SHARE = 0.025;

describe('abstention traps from the corpora\'s own frames', () => {
  it(`at least 300 traps; at most ${(MAX_ANSWERED_SHARE * 100).toFixed(1)}% answered`, async () => {
    const answered: string[] = [];
    let total = 0;
    for (const dir of CORPORA) {
      const corpus = await readCorpus(dir);
      const engine = createEngine(buildFactTable(corpus.articles, corpus.hash, nlp), nlp, { publicUrl: 'http://localhost:8080', wordnet });
      for (const q of generateTraps(engine.table, 60)) {
        total++;
        const a = engine.ask(q);
        if (a.answered) answered.push(`${path.basename(dir)}: ${q} → ${a.answer.slice(0, 100)}`);
      }
    }
    expect(total).toBeGreaterThanOrEqual(300);
    expect(answered.length / total, answered.join('\n')).toBeLessThanOrEqual(MAX_ANSWERED_SHARE);
  }, 120_000);
});
