/**
 * One shard's process, spawned by the ShardingManager (src/discord/sharding.ts). The manager has
 * already built the fact table; this process only reads it. discord.js passes the shard id and
 * count through the environment, and the token as DISCORD_TOKEN.
 */
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { loadEngine } from '../load-engine.js';
import { startBot } from './bot.js';

const config = loadConfig();
const shardId = process.env.SHARDS ?? '?';
const base = createLogger(config.logLevel);
const logger = {
  debug: (m: string, c?: Record<string, unknown>) => base.debug(`[shard ${shardId}] ${m}`, c),
  info: (m: string, c?: Record<string, unknown>) => base.info(`[shard ${shardId}] ${m}`, c),
  warn: (m: string, c?: Record<string, unknown>) => base.warn(`[shard ${shardId}] ${m}`, c),
  error: (m: string, c?: Record<string, unknown>) => base.error(`[shard ${shardId}] ${m}`, c),
};

process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e instanceof Error ? e.message : String(e) }));

try {
  const engine = await loadEngine({ corpusDir: config.corpusDir, dataDir: config.dataDir, publicUrl: config.publicUrl, logger });
  const bot = await startBot({ config, engine, logger });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`stopping (${why})`);
    await bot.stop().catch((e: unknown) => logger.error('error while stopping', { error: String(e) }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // The manager went away: a shard without its manager should not linger.
  process.on('disconnect', () => void stop('manager disconnected'));
} catch (e) {
  logger.error('shard failed to start', { error: (e as Error).message });
  process.exit(1);
}
