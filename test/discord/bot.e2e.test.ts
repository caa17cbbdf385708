/**
 * The bot end to end: a real discord.js client, the real engine over seeds/, and a fake
 * Discord on 127.0.0.1 that records and validates every request the bot makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.js';
import { DiscordE2E, freshUser } from '../support/discord-e2e.js';
import { BOB, BOT, CHANNEL_ID, type FakeDiscord } from './fake-discord.js';
import { SEED_IDS, citedSourcePrefixes, embedText, isCallback, isEdit, memoryLogger, messageOf } from './helpers.js';

let e2e: DiscordE2E;
let fake: FakeDiscord;
let bot: Bot;
const logger = memoryLogger();

beforeAll(async () => {
  e2e = await DiscordE2E.start({ logger });
  ({ fake, bot } = e2e);
});

afterAll(() => e2e?.close());

describe('the bot logged in to the fake Discord', () => {
  it('identifies once with the gateway and logs in quickly', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(bot.loginMs).toBeLessThan(5000);
    expect(logger.lines.join('\n')).not.toContain('fake-token');
  });

  it('/ask is acknowledged within 3 s, then edited with an answer and citations from the seeds', async () => {
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const ack = await fake.waitForRequest(isCallback(i.token), 3000, 'the /ask acknowledgement');
    expect(ack.at - i.at).toBeLessThan(3000);
    expect(ack.body.type).toBe(5);
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'the /ask answer');
    expect(edit.status).toBe(200);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const embed = edit.body.embeds[0];
    expect(embed.title).toContain('Rafiqah wall');
    expect(embed.description).toMatch(/2,?500/);
    const text = embedText(edit.body);
    expect(text).toMatch(/\d+ of \d+ sources? agree/);
    const cited = citedSourcePrefixes(text);
    expect(cited.length).toBeGreaterThan(0);
    for (const p of cited) expect(SEED_IDS).toContain(p);
    expect(text).toMatch(/\]\(https?:\/\/[^)]+\)/);
  });

  it('/ask autocomplete answers with at most 25 suggestions within 3 s', async () => {
    const i = fake.autocomplete('ask', 'question', 'wall', { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the autocomplete result');
    expect(r.at - i.at).toBeLessThan(3000);
    expect(r.body.type).toBe(8);
    const choices = r.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('/sources lists every seed article with its date and a link', async () => {
    const i = fake.command('sources', [], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the /sources reply');
    expect(r.body.type).toBe(4);
    expect(r.body.data.allowed_mentions).toEqual({ parse: [] });
    const text = embedText(r.body.data);
    for (const id of SEED_IDS) expect(text).toContain(`**${id.slice(0, 3)}**`);
    expect(text).toMatch(/2017-0\d-\d\d/);
    expect(text).toMatch(/\]\(https?:\/\//);
  });

  it('/timeline lists events oldest first and pages with buttons only for the user who asked', async () => {
    const owner = freshUser();
    const i = fake.command('timeline', [], { user: owner });
    const ack = await fake.waitForRequest(isCallback(i.token), 3000, 'the /timeline acknowledgement');
    expect(ack.at - i.at).toBeLessThan(3000);
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'the /timeline page');
    const first = edit.body;
    const dates = [...embedText(first).matchAll(/\*\*(\d{4}(?:-\d\d){0,2})\*\*/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort()).toEqual(dates);
    const buttons = first.components?.[0]?.components ?? [];
    expect(buttons.length, 'seeds have more dated events than fit on one page').toBe(2);
    const next = buttons.find((b: any) => /Next/.test(b.label));
    expect(next.disabled).toBe(false);

    const stranger = fake.button(next.custom_id, first, { user: BOB });
    const refusal = await fake.waitForRequest(isCallback(stranger.token), 3000, 'the refusal to another user');
    expect(refusal.body.type).toBe(4);
    expect(refusal.body.data.flags & 64).toBe(64);
    expect(refusal.body.data.content).toMatch(/Only the person/);

    const click = fake.button(next.custom_id, first, { user: owner });
    const update = await fake.waitForRequest(isCallback(click.token), 3000, 'the next page');
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].footer.text).toMatch(/Page 2\//);
    const later = [...embedText(update.body.data).matchAll(/\*\*(\d{4}(?:-\d\d){0,2})\*\*/g)].map((m) => m[1]!);
    expect(later[0]! >= dates.at(-1)!).toBe(true);
  });

  it('/timeline with blank dates answers like no range, and with a bad date explains ephemerally', async () => {
    const blank = fake.command('timeline', [{ name: 'from', value: '   ' }], { user: freshUser() });
    const ack = await fake.waitForRequest(isCallback(blank.token), 3000, 'the blank-range acknowledgement');
    expect(ack.body.type).toBe(5);
    const edit = await fake.waitForRequest(isEdit(blank.token), 5000, 'the blank-range timeline');
    expect(embedText(edit.body)).toMatch(/dated events?, oldest first/);

    const bad = fake.command('timeline', [{ name: 'to', value: 'July' }], { user: freshUser() });
    const refusal = await fake.waitForRequest(isCallback(bad.token), 3000, 'the bad-date refusal');
    expect(refusal.body.type).toBe(4);
    expect(refusal.body.data.flags & 64).toBe(64);
    expect(refusal.body.data.content).toMatch(/`to` should be a date like 2017/);
  });

  it('/help describes the commands with example questions drawn from the corpus', async () => {
    const i = fake.command('help', [], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the /help reply');
    const text = embedText(r.body.data);
    expect(text).toContain('/ask');
    expect(text).toContain('/timeline');
    expect(text).toMatch(/Try[\s\S]*\/ask question: .+/);
  });

  it('answers a question addressed to the bot by mention, as a reply, without pinging', async () => {
    const m = fake.messageCreate(`<@${BOT.id}> how long is the Rafiqah wall?`, { user: freshUser() });
    const r = await fake.waitForRequest((x) => x.method === 'POST' && x.path === `/channels/${CHANNEL_ID}/messages` && x.body?.message_reference?.message_id === m.id, 5000, 'the mention reply');
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(r.body.embeds[0].description).toMatch(/2,?500/);
  });

  it('ignores messages that do not mention it', async () => {
    const m = fake.messageCreate('how long is the Rafiqah wall?', { user: freshUser(), mentionBot: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.some((x) => x.body?.message_reference?.message_id === m.id)).toBe(false);
  });

  it('answers an unknown command with a short ephemeral message', async () => {
    const i = fake.command('frobnicate', [], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the unknown-command reply');
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags & 64).toBe(64);
    expect(r.body.data.content).toMatch(/don't know `\/frobnicate`/);
    expect(logger.lines.some((l) => l.includes('unknown command') && l.includes('frobnicate'))).toBe(true);
  });

  it('refuses an empty and a 4,000-character question with an ephemeral explanation', async () => {
    const empty = fake.command('ask', [{ name: 'question', value: '   ' }], { user: freshUser() });
    const long = fake.command('ask', [{ name: 'question', value: 'how long is the wall '.repeat(200).slice(0, 4000) }], { user: freshUser() });
    const a = await fake.waitForRequest(isCallback(empty.token), 3000, 'the empty-question reply');
    const b = await fake.waitForRequest(isCallback(long.token), 3000, 'the long-question reply');
    for (const r of [a, b]) {
      expect(r.status).toBe(204);
      expect(r.body.type).toBe(4);
      expect(r.body.data.flags & 64).toBe(64);
    }
    expect(a.body.data.content).toMatch(/Ask me a question/);
    expect(b.body.data.content).toMatch(/4,000 characters/);
  });

  it('never lets @everyone in a question ping anyone', async () => {
    const i = fake.command('ask', [{ name: 'question', value: '@everyone how long is the Rafiqah wall? <@&1> @here' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'the answer');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const m = fake.messageCreate(`<@${BOT.id}> @everyone how long is the Rafiqah wall?`, { user: freshUser() });
    const r = await fake.waitForRequest((x) => x.body?.message_reference?.message_id === m.id, 5000, 'the mention reply');
    expect(r.body.allowed_mentions.parse).toEqual([]);
  });

  it('retries a 429 with Retry-After on its own', async () => {
    fake.inject({
      method: 'POST',
      path: /\/callback$/,
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
    });
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 8000, 'the answer after the 429');
    const callbacks = fake.forToken(i.token).filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  });

  it('survives a 10062 unknown interaction, logging it, and keeps answering', async () => {
    fake.inject({ method: 'POST', path: /\/callback$/, status: 404, body: { code: 10062, message: 'Unknown interaction' } });
    const dead = fake.command('help', [], { user: freshUser() });
    await fake.waitForRequest(isCallback(dead.token), 3000, 'the failed callback');
    await fake.waitUntil(() => logger.lines.find((l) => /\b10062\b/.test(l)), 3000, 'a log line about 10062');
    const i = fake.command('help', [], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the next /help');
    expect(r.status).toBe(204);
    // The code as a whole number: ids and timings in other log lines can contain the digits 10062.
    expect(logger.lines.filter((l) => /\b10062\b/.test(l)).every((l) => l.startsWith('[warn]'))).toBe(true);
  });

  it('survives a 40060 already-acknowledged as harmless', async () => {
    fake.inject({ method: 'POST', path: /\/callback$/, status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } });
    const i = fake.command('sources', [], { user: freshUser() });
    await fake.waitForRequest(isCallback(i.token), 3000, 'the rejected callback');
    await fake.waitUntil(() => logger.lines.find((l) => l.includes('40060')), 3000, 'a log line about 40060');
    expect(logger.lines.filter((l) => l.includes('40060')).every((l) => l.startsWith('[warn]'))).toBe(true);
    // Nothing more is sent for an interaction someone else already answered.
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.forToken(i.token)).toHaveLength(1);
  });

  it('turns a failure after deferring into an ephemeral follow-up and logs it with context', async () => {
    fake.inject({ method: 'PATCH', path: /\/messages\/@original$/, status: 403, body: { code: 50001, message: 'Missing Access' } });
    const u = freshUser();
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: u });
    const follow = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${BOT.id}/${i.token}`, 5000, 'the ephemeral follow-up');
    expect(follow.body.flags & 64).toBe(64);
    expect(follow.body.content).toMatch(/something went wrong/i);
    expect(follow.body.content.length).toBeLessThan(200);
    expect(follow.body.allowed_mentions).toEqual({ parse: [] });
    await fake.waitForRequest((r) => r.method === 'DELETE' && r.path.endsWith(`/${i.token}/messages/@original`), 3000, 'the pending reply removed');
    const line = logger.lines.find((l) => l.startsWith('[error] interaction failed') && l.includes(i.id));
    expect(line).toBeDefined();
    expect(line).toContain('"command":"ask"');
    expect(line).toContain(`"user":"${u.id}"`);
    expect(line).toContain('"code":50001');
    expect(line).not.toContain(i.token);
  });

  it('answers floods from one user with an ephemeral "try again in N s"', async () => {
    const u = freshUser();
    const tokens = Array.from({ length: 6 }, () => fake.command('help', [], { user: u }).token);
    const replies = await Promise.all(tokens.map((t) => fake.waitForRequest(isCallback(t), 3000, 'a flood reply')));
    const last = replies.at(-1)!;
    expect(last.body.data.flags & 64).toBe(64);
    expect(last.body.data.content).toMatch(/try again in \d+ s/);
    expect(replies.slice(0, 5).every((r) => !(r.body.data.flags & 64))).toBe(true);
  });

  it('resumes after op 7 with RESUME, not a second IDENTIFY, and keeps answering', async () => {
    const before = fake.identifies.length;
    fake.requestReconnect(0);
    await fake.waitUntil(() => fake.resumes.length === 1, 5000, 'RESUME (op 6)');
    await fake.waitUntil(() => fake.liveSessions(0).length === 1, 5000, 'the resumed connection');
    expect(fake.identifies.length).toBe(before);
    expect(fake.resumes[0]!.sessionId).toBe(fake.liveSessions(0)[0]!.id);
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'an answer after resuming');
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
  });

  it('sent nothing Discord would reject', () => {
    expect(fake.violations).toEqual([]);
    const sent = fake.requests.filter((r) => /\/callback$|\/messages/.test(r.path) && r.method !== 'DELETE');
    for (const r of sent) {
      const body = messageOf(r);
      if (body && r.body?.type !== 8 && r.body?.type !== 5) expect(body.allowed_mentions, r.path).toEqual(expect.objectContaining({ parse: [] }));
    }
  });
});

