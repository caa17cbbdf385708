/**
 * The one way every face gets an engine: read the corpus, reuse the stored fact table when
 * the corpus and the pipeline are unchanged, else build and store it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFactTable } from './core/ingest/build.js';
import { createEngine, type Engine } from './core/engine.js';
import type { FactTable, Logger, RawArticle, WordNet } from './core/types.js';
import type { Extracted } from './core/ingest/extract.js';
import { createNlp, type Nlp } from './core/nlp.js';
import { openWordNet } from './store/wordnet.js';
import { readCorpus, type CorpusOptions } from './store/corpus-loader.js';
import { createFileStore, type FactStore } from './store/fact-store.js';

let wordnet: WordNet | undefined;
/** One WordNet reader per process (every story's engine shares it): it caches what it has read. */
export function sharedWordNet(): WordNet {
  wordnet ??= openWordNet();
  return wordnet;
}

export interface LoadOptions extends CorpusOptions {
  corpusDir: string;
  dataDir: string;
  logger: Logger;
  /** Defaults to the lowdb file store in `dataDir`. */
  store?: FactStore;
  /** Lexical knowledge; the installed WordNet when not given. */
  wordnet?: WordNet;
  /** The shared wink-nlp instance; created here when not given. */
  nlp?: Nlp;
  /** An earlier extraction of an unchanged article, so a rebuild analyzes only what is new (stories). */
  reuse?: (raw: RawArticle) => Extracted | undefined;
}

export interface LoadedTable {
  table: FactTable;
  /** True when the table came from the store rather than a fresh build. */
  cached: boolean;
  /** Warnings about the corpus (bad files, sources.json problems); already logged. */
  warnings: string[];
  nlp: Nlp;
  /** The articles as read from the corpus folder. */
  raws: RawArticle[];
}

/**
 * Returns the fact table for `corpusDir`, from the store when its key matches, else built and
 * saved. The key covers the corpus contents and the pipeline's own source files, so editing the
 * extraction code rebuilds tables too. With several processes (Discord shards), let one call
 * this first; the others then load the stored table. Concurrent builds are safe (atomic writes),
 * only wasteful.
 */
export async function buildOrLoadTable(opts: LoadOptions): Promise<LoadedTable> {
  const { logger } = opts;
  const corpus = await readCorpus(opts.corpusDir, logger, opts);
  for (const w of corpus.warnings) logger.warn(`corpus ${opts.corpusDir}: ${w}`);
  const key = createHash('sha256').update(corpus.hash).update('\0').update(await pipelineFingerprint()).digest('hex');
  const store = opts.store ?? createFileStore(opts.dataDir, logger);
  const nlp = opts.nlp ?? createNlp();

  const stored = await store.load(key);
  if (stored) {
    logger.debug('fact table loaded from store', { corpus: opts.corpusDir, articles: stored.articles.length, facts: stored.facts.length });
    return { table: stored, cached: true, warnings: corpus.warnings, nlp, raws: corpus.articles };
  }
  const started = performance.now();
  const table = buildFactTable(corpus.articles, key, nlp, (id, err) => {
    const warning = `${id}: skipped, extraction failed (${err instanceof Error ? err.message : String(err)})`;
    corpus.warnings.push(warning);
    logger.warn(`corpus ${opts.corpusDir}: ${warning}`);
  }, opts.reuse);
  logger.info(`built fact table for ${opts.corpusDir}`, {
    articles: table.articles.length,
    facts: table.facts.length,
    ms: Math.round(performance.now() - started),
  });
  try {
    await store.save(table);
  } catch (e) {
    // A read-only data folder should not stop the bot; it only costs a rebuild next start.
    logger.warn(`could not save the fact table to ${opts.dataDir}: ${(e as Error).message}`);
  }
  return { table, cached: false, warnings: corpus.warnings, nlp, raws: corpus.articles };
}

/** Loads (or builds) the fact table for a corpus and returns the engine over it. */
export async function loadEngine(opts: LoadOptions & { publicUrl: string }): Promise<Engine> {
  const { table, nlp } = await buildOrLoadTable(opts);
  return createEngine(table, nlp, { publicUrl: opts.publicUrl, wordnet: opts.wordnet ?? sharedWordNet() });
}

let fingerprint: Promise<string> | undefined;

/** Whether a file under src/core (path relative to it) shapes the stored table. */
function ingestSide(relative: string): boolean {
  const parts = relative.split(/[\\/]/);
  return parts[0] !== 'ask' && !/^engine\.(ts|js)$/.test(parts[0]!);
}

/**
 * A hash of the ingest pipeline's source files (src/core/ingest and the shared floor), so a changed
 * pipeline never serves a stale table; answering code (src/core/ask, the engine façade) is left out,
 * so changing how questions are answered keeps the stored tables.
 */
function pipelineFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const coreDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core');
    const h = createHash('sha256');
    try {
      const names = (await readdir(coreDir, { recursive: true })).filter((n) => /\.(ts|js|mjs|json)$/.test(n) && ingestSide(n)).sort();
      for (const n of names) h.update(n).update('\0').update(await readFile(path.join(coreDir, n))).update('\0');
    } catch {
      // Bundled or relocated code: fall back to the corpus hash and SCHEMA_VERSION alone.
    }
    return h.digest('hex');
  })();
  return fingerprint;
}
