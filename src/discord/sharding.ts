/**
 * Scale-out: a discord.js ShardingManager spawning one child process per shard. The manager
 * builds (or loads) the fact table before spawning, so every shard only reads the stored table.
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../core/types.js';

export interface ShardsHandle {
  manager: ShardingManager;
  /** Spawns every shard, one after another, and resolves when all are ready. */
  spawn(): Promise<void>;
  /** Kills every shard spawned so far (also while `spawn` is still running). */
  stop(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('./shard-worker.ts', import.meta.url));

/**
 * A manager for `config.shards` shards (an explicit count: 'auto' would ask discord.com).
 * Children inherit the environment, DISCORD_API_URL included.
 */
export function createShards(opts: { config: Config; logger: Logger; spawnDelayMs?: number; readyTimeoutMs?: number }): ShardsHandle {
  const { config, logger } = opts;
  if (!config.discordToken) throw new Error('sharding needs DISCORD_TOKEN');
  if (!config.shards) throw new Error('sharding needs SHARDS (a whole number of shards)');
  const manager = new ShardingManager(WORKER, {
    totalShards: config.shards,
    token: config.discordToken,
    mode: 'process',
    respawn: true,
    // Shards run TypeScript through tsx, like the manager.
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  let stopped = false;
  manager.on('shardCreate', (shard) => {
    logger.info('shard spawned', { shard: shard.id, of: config.shards });
    shard.on('death', (p) => (stopped ? logger.debug : logger.error)('shard process exited', { shard: shard.id, exitCode: 'exitCode' in p ? p.exitCode : undefined }));
    shard.on('error', (e) => logger.error('shard error', { shard: shard.id, error: e.message }));
  });
  return {
    manager,
    spawn: async () => {
      const started = performance.now();
      // Discord allows one IDENTIFY per 5 s per max_concurrency bucket; the default delay honours it.
      await manager.spawn({ amount: config.shards, delay: opts.spawnDelayMs ?? 5500, timeout: opts.readyTimeoutMs ?? 60_000 });
      if (!stopped) logger.info('all shards ready', { shards: config.shards, ms: Math.round(performance.now() - started) });
    },
    stop: async () => {
      stopped = true;
      for (const shard of manager.shards.values()) shard.kill();
    },
  };
}
