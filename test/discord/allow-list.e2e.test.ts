/**
 * ALLOWED_GUILDS against the fake Discord: the real client leaves servers that are not listed,
 * both those it is in when it starts and one it is added to later, and stays in the listed one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.js';
import { DiscordE2E, startFake } from '../support/discord-e2e.js';
import { GUILD_ID, type FakeDiscord, type FakeGuild } from './fake-discord.js';
import { memoryLogger } from './helpers.js';

const OTHER: FakeGuild = { id: '1200000000000000777', name: 'Someone Else’s Server' };
const LATER: FakeGuild = { id: '1200000000000000888', name: 'Added Later' };

let e2e: DiscordE2E;
const fakes: FakeDiscord[] = [];
const bots: Bot[] = [];
const logger = memoryLogger();

// Each test logs a bot in to a fake of its own, holding the servers the test is about.
beforeAll(async () => {
  e2e = await DiscordE2E.start({ logger, bots: [] });
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.stop();
  for (const f of fakes.splice(0)) await f.close();
});
afterAll(() => e2e?.close());

async function fakeWith(...guilds: FakeGuild[]): Promise<FakeDiscord> {
  const fake = await startFake(...guilds);
  fakes.push(fake);
  return fake;
}

const leaves = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/users/@me/guilds/')).map((r) => r.path.split('/').at(-1));

describe('ALLOWED_GUILDS', () => {
  it('on start, the bot leaves a server that is not listed, with a log line naming it, and stays in the listed one', async () => {
    const fake = await fakeWith(OTHER);
    const bot = await e2e.startBot(fake, { env: { ALLOWED_GUILDS: GUILD_ID } });
    bots.push(bot);
    await fake.waitUntil(() => fake.left.includes(OTHER.id), 5000, 'the bot to leave the unlisted server');
    expect(leaves(fake)).toEqual([OTHER.id]);
    expect(logger.lines.some((l) => l.includes(`leaving server "${OTHER.name}" (${OTHER.id})`) && l.includes('ALLOWED_GUILDS'))).toBe(true);
    // Discord's GUILD_DELETE reaches the client: the server is gone from its cache, the listed one stays.
    await fake.waitUntil(() => !bot.client.guilds.cache.has(OTHER.id), 5000, 'GUILD_DELETE to reach the client');
    expect(bot.client.guilds.cache.has(GUILD_ID)).toBe(true);
  });

  it('when the bot is added to an unlisted server while running, it leaves it; a listed one it keeps', async () => {
    const fake = await fakeWith();
    const listed: FakeGuild = { id: '1200000000000000999', name: 'Listed Later' };
    const bot = await e2e.startBot(fake, { env: { ALLOWED_GUILDS: `${GUILD_ID}, ${listed.id}` } });
    bots.push(bot);
    fake.joinGuild(listed);
    fake.joinGuild(LATER);
    await fake.waitUntil(() => fake.left.includes(LATER.id), 5000, 'the bot to leave the server it was added to');
    await fake.waitUntil(() => bot.client.guilds.cache.has(listed.id), 5000, 'the listed server in the cache');
    expect(leaves(fake)).toEqual([LATER.id]);
    expect(logger.lines.some((l) => l.includes(`leaving server "${LATER.name}" (${LATER.id})`))).toBe(true);
  });

  it('without ALLOWED_GUILDS, the bot stays in every server', async () => {
    const fake = await fakeWith(OTHER);
    const bot = await e2e.startBot(fake);
    bots.push(bot);
    fake.joinGuild(LATER);
    await fake.waitUntil(() => bot.client.guilds.cache.has(LATER.id), 5000, 'the added server in the cache');
    expect(bot.client.guilds.cache.has(OTHER.id)).toBe(true);
    expect(leaves(fake)).toEqual([]);
  });
});
