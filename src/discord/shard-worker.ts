/**
 * One shard's process, spawned by the ShardingManager (src/discord/sharding.ts). The manager has
 * already built the fact table; this process only reads it. discord.js passes the shard id and
 * count through the environment, and the token as DISCORD_TOKEN.
 */
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { loadEngine } from '../load-engine.js';
import { createFileStore, type FactStore } from '../store/fact-store.js';
import { createLiveEngine } from '../service/live-engine.js';
import { createReloader, type Reloader } from '../service/reload.js';
import { startBot } from './bot.js';
import type { StoryLibrary } from '../stories/library.js';
import { openStoryLibrary } from '../stories/open.js';

const config = loadConfig();
const shardId = config.shardIds ?? '?';
const base = createLogger(config.logLevel, undefined, { format: config.logFormat });
const logger = {
  debug: (m: string, c?: Record<string, unknown>) => base.debug(`[shard ${shardId}] ${m}`, c),
  info: (m: string, c?: Record<string, unknown>) => base.info(`[shard ${shardId}] ${m}`, c),
  warn: (m: string, c?: Record<string, unknown>) => base.warn(`[shard ${shardId}] ${m}`, c),
  error: (m: string, c?: Record<string, unknown>) => base.error(`[shard ${shardId}] ${m}`, c),
};

process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e instanceof Error ? e.message : String(e) }));

let bot: Awaited<ReturnType<typeof startBot>> | undefined;
let stopping = false;
const stop = async (why: string, code = 0) => {
  if (stopping) return;
  stopping = true;
  logger.info(`stopping (${why})`);
  await bot?.stop().catch((e: unknown) => logger.error('error while stopping', { error: String(e) }));
  process.exit(code);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// The manager rebuilt the table on its SIGHUP and passed the signal on: re-read it from the store,
// and re-read the named stories this shard holds in memory.
let reloader: Reloader | undefined;
let stories: StoryLibrary | undefined;
process.on('SIGHUP', () => {
  void reloader?.reload('SIGHUP from the manager');
  void stories?.reload('SIGHUP from the manager');
});
// The manager went away (even while this shard is still starting): don't linger.
process.on('disconnect', () => void stop('manager disconnected'));

try {
  // One writer per file (lowdb): the manager wrote the table; a shard only reads it. Should the
  // table be missing (data folder wiped mid-run), the shard builds its own in memory.
  const files = createFileStore(config.dataDir, logger);
  const readOnly: FactStore = {
    load: (hash) => files.load(hash),
    save: async () => logger.warn('fact table not found in the store; built in memory for this shard only'),
  };
  const load = () => loadEngine({ corpusDir: config.corpusDir, dataDir: config.dataDir, publicUrl: config.publicUrl, logger, store: readOnly });
  const live = createLiveEngine(await load());
  reloader = createReloader({ live, load, logger, what: `corpus ${config.corpusDir}` });
  // Every shard sees the same story folders; a change made through one shard reaches the others when they next use the story.
  stories = openStoryLibrary(config, logger, { engine: live.engine });
  if (!stopping) bot = await startBot({ config, engine: live.engine, logger, stories });
} catch (e) {
  logger.error('shard failed to start', { error: (e as Error).message });
  await stop('start failed', 1);
}
