/**
 * Reloading the corpus while running (SIGHUP): build the new engine beside the old one, then swap.
 * Answers keep coming from the old engine until the new one is ready; a failed reload keeps it.
 * Reloads never overlap: a request during a reload runs once more after it, so edits made while
 * the first was reading the folder are picked up.
 */
import type { Engine } from '../core/engine.js';
import type { Logger } from '../core/types.js';
import type { LiveEngine } from './live-engine.js';

export interface Reloader {
  /** Resolves once the corpus on disk at the time of the call is served (true) or the reload failed (false). */
  reload(why: string): Promise<boolean>;
}

export function createReloader(opts: { live: LiveEngine; load: () => Promise<Engine>; logger: Logger; what: string }): Reloader {
  const { live, logger } = opts;
  let running: Promise<boolean> | undefined;
  let queued: Promise<boolean> | undefined;

  const once = async (why: string) => {
    const before = live.current().table;
    const started = performance.now();
    logger.info(`reloading ${opts.what} (${why}); answers come from the loaded table until the new one is ready`);
    try {
      const next = await opts.load();
      live.swap(next);
      logger.info(`reloaded ${opts.what}`, {
        articles: next.table.articles.length,
        previousArticles: before.articles.length,
        facts: next.table.facts.length,
        ms: Math.round(performance.now() - started),
      });
      return true;
    } catch (e) {
      logger.error(`reload of ${opts.what} failed; still answering from the previous table: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };

  const reload = (why: string): Promise<boolean> => {
    if (!running) {
      running = once(why).finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return reload(why);
    });
    return queued;
  };
  return { reload };
}
