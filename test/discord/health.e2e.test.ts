/**
 * /healthz over HTTP with the real bot logged in to the fake Discord: it reports the connection,
 * shards and stories, stays 200 through a short outage and turns 503 once the bot has been
 * disconnected for over a minute (the clock is injected, so the minute passes at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionTracker, healthReport } from '../../src/service/health.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { DiscordE2E } from '../support/discord-e2e.js';
import type { FakeDiscord } from './fake-discord.js';

let e2e: DiscordE2E;
let fake: FakeDiscord;
let web: WebServer;
let now = Date.now();
const tracker = new ConnectionTracker({ shards: 1, now: () => now });

beforeAll(async () => {
  e2e = await DiscordE2E.start({ bots: [] });
  fake = e2e.fake;
  const { engine, logger } = e2e;
  web = await startWebServer({ engine, port: 0, logger, health: () => healthReport({ stories: [{ name: 'seeds', engine }], connection: tracker }) });
  await e2e.startBot(fake, { connection: tracker });
});

afterAll(async () => {
  await web?.close();
  await e2e?.close();
});

async function health(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${web.url}/healthz`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.json() };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/healthz with the bot on the fake Discord', () => {
  it('reports the connection ready, shards ready, and the story with its articles', async () => {
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, discord: { state: 'ready', shards: 1, shardsReady: 1, disconnectedSeconds: 0 }, articles: 5 });
    expect(h.body.stories).toEqual([{ name: 'seeds', articles: 5, facts: expect.any(Number) }]);
    expect(h.body.facts).toBe(h.body.stories[0].facts);
  });

  it('after the gateway drops: 200 within the minute, 503 after it, 200 again once the bot is back', async () => {
    fake.dropConnections({ refuse: true });
    await until(async () => (await health()).body.discord.state === 'disconnected', 10_000, 'the disconnection to show');
    let h = await health();
    expect(h.status).toBe(200);
    expect(h.body.discord.shardsReady).toBe(0);

    now += 59_000;
    expect((await health()).status).toBe(200);
    now += 2_000;
    h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ ok: false, discord: { state: 'disconnected', shardsReady: 0, disconnectedSeconds: 61 } });

    fake.acceptConnections();
    await until(async () => (await health()).status === 200, 20_000, 'the bot to reconnect');
    expect((await health()).body.discord).toMatchObject({ state: 'ready', shardsReady: 1 });
  }, 40_000);
});
