/** The story library as every face opens it: from the configuration, with CORPUS_DIR as the default story. */
import path from 'node:path';
import type { Config } from '../config.js';
import type { Engine } from '../core/engine.js';
import type { Nlp } from '../core/nlp.js';
import type { Logger } from '../core/types.js';
import { StoryLibrary, type StoryLibraryOptions } from './library.js';

/** The default story's name: CORPUS_DIR's folder name as a story name (`seeds`), else `default`. */
export function defaultStoryName(corpusDir: string): string {
  const n = path.basename(path.resolve(corpusDir)).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '').slice(0, 32);
  return n || 'default';
}

/** Opens the stories in DATA_DIR/stories; `engine`, when the caller already has CORPUS_DIR's, is reused. */
export function openStoryLibrary(
  config: Config,
  logger: Logger,
  opts: { engine?: Engine; nlp?: Nlp } & Pick<StoryLibraryOptions, 'maxLoaded' | 'idleMs'> = {},
): StoryLibrary {
  return new StoryLibrary({
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    logger,
    nlp: opts.nlp,
    fetch: { allowHosts: config.fetchAllowHosts },
    defaultStory: { name: defaultStoryName(config.corpusDir), corpusDir: config.corpusDir, engine: opts.engine },
    maxLoaded: opts.maxLoaded,
    idleMs: opts.idleMs,
  });
}
