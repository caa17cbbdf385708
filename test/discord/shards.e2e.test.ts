/**
 * Two shards of one bot in one process (discord.js `shards: [0]` and `[1]` of 2), each with its
 * own client and gateway session, both reading the same fact table. The real ShardingManager is
 * tested as processes in processes.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordE2E } from '../support/discord-e2e.js';
import type { FakeDiscord } from './fake-discord.js';
import { eventually, memoryLogger } from './helpers.js';

let e2e: DiscordE2E;
let fake: FakeDiscord;
/** One logger per shard's client, to see which client answered. */
const shardLogs = [memoryLogger(), memoryLogger()];

beforeAll(async () => {
  e2e = await DiscordE2E.start({ bots: [0, 1].map((shard) => ({ logger: shardLogs[shard]!, shards: [shard], shardCount: 2 })) });
  fake = e2e.fake;
});

afterAll(() => e2e?.close());

describe('two shards', () => {
  it('identify as shard 0 and shard 1 of 2', () => {
    expect(fake.identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it.each([0, 1])('shard %i answers /ask on its own session', async (shard) => {
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { shard, user: { id: `18000000000000000${shard}0`, username: `u${shard}` } });
    const ack = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/${i.token}/callback`), 3000, 'the acknowledgement');
    expect(ack.at - i.at).toBeLessThan(3000);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`), 5000, 'the answer');
    const answered = (l: { lines: string[] }) => l.lines.some((line) => line.includes('command answered') && line.includes(i.id));
    await eventually(() => shardLogs.some(answered), 3000, 'a client logging its answer');
    expect(shardLogs.map(answered)).toEqual([shard === 0, shard === 1]);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  });
});
