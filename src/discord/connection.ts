/**
 * Feeds the health tracker from the gateway: a discord.js client's shard events in one process,
 * or the ShardingManager's per-shard events (forwarded by each child's client) with SHARDS set.
 */
import { Events, type Client, type ShardingManager } from 'discord.js';
import type { ConnectionTracker } from '../service/health.js';

/** Register before `login()` so the first READY is seen. */
export function watchClient(client: Client, tracker: ConnectionTracker): void {
  client.on(Events.ShardReady, (shard) => tracker.ready(shard));
  client.on(Events.ShardResume, (shard) => tracker.ready(shard));
  client.on(Events.ShardDisconnect, (_event, shard) => tracker.down(shard));
  client.on(Events.ShardReconnecting, (shard) => tracker.down(shard));
}

/** Register before `spawn()`; a shard whose process died counts as disconnected until it is back. */
export function watchShards(manager: ShardingManager, tracker: ConnectionTracker): void {
  manager.on('shardCreate', (shard) => {
    shard.on('ready', () => tracker.ready(shard.id));
    shard.on('resume', () => tracker.ready(shard.id));
    shard.on('disconnect', () => tracker.down(shard.id));
    shard.on('reconnecting', () => tracker.down(shard.id));
    shard.on('death', () => tracker.down(shard.id));
  });
}
