/**
 * Issue 11, item 11: Discord faults the bot must ride out — invalid sessions, 5xx and 429s on
 * the REST calls of an answer, missed heartbeat ACKs, fatal gateway closes, a mention reply
 * refused for missing permissions. After each, the bot still answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordE2E, freshUser, startFake } from '../support/discord-e2e.js';
import { BOT, CHANNEL_ID, type FakeDiscord } from './fake-discord.js';
import { eventually, isEdit, memoryLogger } from './helpers.js';

let e2e: DiscordE2E;
let fake: FakeDiscord;
const logger = memoryLogger();

/** Asks on `shard` and waits for the answer (deferred, then edited): the bot still serves. */
async function stillAnswers(f = fake, shard = 0): Promise<void> {
  const i = f.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser(), shard });
  const edit = await f.waitForRequest((r) => isEdit(i.token)(r) && r.status === 200, 10_000, 'an answer');
  expect(edit.body.embeds[0].description).toMatch(/2,?500/);
}

beforeAll(async () => {
  e2e = await DiscordE2E.start({ logger });
  fake = e2e.fake;
});

afterAll(() => e2e?.close());

describe('gateway faults', () => {
  it('op 9, not resumable: identifies again on a new session and keeps answering', async () => {
    const before = fake.identifies.length;
    fake.invalidateSession(0, false);
    await fake.waitUntil(() => fake.identifies.length === before + 1, 15_000, 'a new IDENTIFY');
    await fake.waitUntil(() => fake.liveSessions(0).length === 1, 5000, 'the new session');
    await stillAnswers();
  }, 30_000);

  it('op 9, resumable: resumes the session and keeps answering', async () => {
    const before = { identifies: fake.identifies.length, resumes: fake.resumes.length };
    fake.invalidateSession(0, true);
    await fake.waitUntil(() => fake.resumes.length > before.resumes || fake.identifies.length > before.identifies, 15_000, 'a RESUME or IDENTIFY');
    await fake.waitUntil(() => fake.liveSessions(0).length >= 1, 5000, 'a live session');
    await stillAnswers();
  }, 30_000);

  it('a missed heartbeat ACK: the zombie connection is dropped and resumed, and the bot keeps answering', async () => {
    const before = { identifies: fake.identifies.length, resumes: fake.resumes.length };
    fake.ackHeartbeats = false;
    const beats = fake.heartbeats;
    await fake.waitUntil(() => fake.resumes.length > before.resumes || fake.identifies.length > before.identifies, 15_000, 'a reconnect after the missed ACK');
    expect(fake.heartbeats).toBeGreaterThan(beats);
    fake.ackHeartbeats = true;
    await fake.waitUntil(() => fake.liveSessions(0).length >= 1, 5000, 'a live session');
    await stillAnswers();
  }, 30_000);

  it('close 4000 (unknown error): reconnects and keeps answering', async () => {
    const before = { identifies: fake.identifies.length, resumes: fake.resumes.length };
    fake.closeGateway(0, 4000);
    await fake.waitUntil(() => fake.resumes.length > before.resumes || fake.identifies.length > before.identifies, 15_000, 'a reconnect');
    await fake.waitUntil(() => fake.liveSessions(0).length >= 1, 5000, 'a live session');
    await stillAnswers();
  }, 30_000);
});

describe('REST faults on the calls of an answer', () => {
  it('a 503 on the interaction callback is retried and the answer still arrives', async () => {
    fake.inject({ method: 'POST', path: /\/callback$/, status: 503, body: { message: 'upstream unavailable' } });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 10_000, 'the answer after the 503');
    expect(fake.forToken(i.token).filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([503, 204]);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  }, 20_000);

  it('a callback that keeps failing with 500 is logged, and the next command is answered', async () => {
    fake.inject({ method: 'POST', path: /\/callback$/, status: 500, body: { message: 'internal error' }, times: 10 });
    const i = fake.command('help', [], { user: freshUser() });
    await fake.waitUntil(() => logger.lines.find((l) => l.startsWith('[error]') && l.includes(i.id)), 20_000, 'the failure logged');
    expect(fake.forToken(i.token).length).toBeGreaterThan(1);
    expect(fake.forToken(i.token).every((r) => r.status === 500)).toBe(true);
    fake.clearInjections();
    await stillAnswers();
  }, 40_000);

  it('a 502 on the edit after deferring is retried and the answer arrives', async () => {
    fake.inject({ method: 'PATCH', path: /\/messages\/@original$/, status: 502, body: { message: 'bad gateway' } });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest((r) => isEdit(i.token)(r) && r.status === 200, 10_000, 'the answer after the 502');
    expect(fake.forToken(i.token).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([502, 200]);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  }, 20_000);

  it('a 5xx on the follow-up after a failure is retried; the user still gets the notice', async () => {
    fake.inject({ method: 'PATCH', path: /\/messages\/@original$/, status: 403, body: { code: 50001, message: 'Missing Access' } });
    fake.inject({ method: 'POST', path: /^\/webhooks\/\d+\/[^/]+$/, status: 500, body: { message: 'internal error' } });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const follow = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${BOT.id}/${i.token}` && r.status === 200, 10_000, 'the follow-up');
    expect(follow.body.content).toMatch(/something went wrong/i);
    expect(fake.forToken(i.token).filter((r) => r.method === 'POST' && !r.path.endsWith('/callback')).map((r) => r.status)).toEqual([500, 200]);
    await stillAnswers();
  }, 20_000);

  it('a global 429 on the callback makes the client wait, then the answer arrives', async () => {
    fake.inject({
      method: 'POST',
      path: /\/callback$/,
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      body: { message: 'You are being rate limited.', retry_after: 0.4, global: true },
    });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 10_000, 'the answer after the global 429');
    const callbacks = fake.forToken(i.token).filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(300);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  }, 20_000);

  it('a 429 on the edit is retried after Retry-After', async () => {
    fake.inject({
      method: 'PATCH',
      path: /\/messages\/@original$/,
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
    });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest((r) => isEdit(i.token)(r) && r.status === 200, 10_000, 'the edit after the 429');
    expect(fake.forToken(i.token).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([429, 200]);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  }, 20_000);

  it('a mention reply refused with 50013 (missing permissions) is logged once, no doomed notice is sent, and the bot keeps answering', async () => {
    fake.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    const before = fake.requests.filter((r) => r.path === `/channels/${CHANNEL_ID}/messages`).length;
    const m = fake.messageCreate(`<@${BOT.id}> how long is the wall?`, { user: freshUser() });
    await fake.waitUntil(() => logger.lines.find((l) => l.includes('50013') && l.includes(m.id)), 5000, 'the 50013 logged');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter((r) => r.path === `/channels/${CHANNEL_ID}/messages`).length - before).toBe(1);
    const again = fake.messageCreate(`<@${BOT.id}> how long is the wall?`, { user: freshUser() });
    const reply = await fake.waitForRequest((r) => r.body?.message_reference?.message_id === again.id, 5000, 'the next mention reply');
    expect(reply.status).toBe(200);
    await stillAnswers();
  }, 20_000);
});

describe('fatal gateway closes', () => {
  it.each([
    [4004, /closed for good: Discord rejected the token \(close 4004\).*DISCORD_TOKEN/],
    [4014, /closed for good: Discord refused a privileged intent/],
  ])('close %i ends the session with a clear error, crashes nothing, and a bot started again serves', async (code, message) => {
    const f = await startFake();
    const log = memoryLogger();
    const b = await e2e.startBot(f, { logger: log });
    try {
      f.closeGateway(0, code, 'fatal');
      await eventually(() => log.lines.some((l) => l.startsWith('[error]') && message.test(l)), 10_000, `an error about close ${code}`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(e2e.unhandled).toEqual([]);
      // No reconnect loop against a token or intents Discord refuses.
      expect(f.identifies).toHaveLength(1);
    } finally {
      await b.stop();
    }
    const again = await e2e.startBot(f, { logger: log });
    try {
      await stillAnswers(f);
    } finally {
      await again.stop();
      await f.close();
    }
  }, 30_000);
});
