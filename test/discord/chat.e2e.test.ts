/**
 * Conversations end to end: follow-ups resolved per user and channel, sources named by
 * outlet, concise citations with a "more sources" button — a real discord.js client, the
 * real engine over seeds/, and the fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordE2E, freshUser } from '../support/discord-e2e.js';
import { BOT, BOB, CHANNEL_ID, messageViolations, type FakeDiscord, type FakeUser } from './fake-discord.js';
import { SEED_IDS, citedSourcePrefixes, embedText, isCallback, isEdit } from './helpers.js';

let e2e: DiscordE2E;
let fake: FakeDiscord;

async function ask(question: string, user: FakeUser) {
  const i = fake.command('ask', [{ name: 'question', value: question }], { user });
  const edit = await fake.waitForRequest(isEdit(i.token), 5000, `the answer to "${question}"`);
  expect(messageViolations(edit.body)).toEqual([]);
  return edit.body;
}

async function mention(text: string, user: FakeUser) {
  const m = fake.messageCreate(`<@${BOT.id}> ${text}`, { user });
  const r = await fake.waitForRequest((x) => x.method === 'POST' && x.path === `/channels/${CHANNEL_ID}/messages` && x.body?.message_reference?.message_id === m.id, 5000, `the reply to "${text}"`);
  expect(messageViolations(r.body)).toEqual([]);
  return r.body;
}

beforeAll(async () => {
  e2e = await DiscordE2E.start();
  fake = e2e.fake;
}, 60_000);

afterAll(() => e2e?.close());

describe('follow-ups in a channel', () => {
  it('a mention "and how high is it?" continues the same user\'s previous question', async () => {
    const alice = freshUser();
    const first = await mention('how long is the Rafiqah wall?', alice);
    expect(first.embeds[0].description).toMatch(/^\*\*2,500 m/);
    const follow = await mention('and how high is it?', alice);
    expect(follow.embeds[0].title).toBe('How high is the Rafiqah wall?');
    expect(follow.embeds[0].description).toMatch(/^\*\*3\.8 m/);
  });

  it("another user's follow-up in the same channel does not lean on someone else's question", async () => {
    const alice = freshUser();
    await mention('how long is the Rafiqah wall?', alice);
    const stranger = await mention('and how high is it?', freshUser());
    expect(stranger.embeds[0].title).toBe('and how high is it?');
    expect(stranger.embeds[0].description).not.toMatch(/3\.8/);
  });

  it('/ask follows up on the previous /ask of the same user', async () => {
    const user = freshUser();
    await ask('How long is the Rafiqah wall?', user);
    const follow = await ask('and how thick is it?', user);
    expect(follow.embeds[0].title).toBe('How thick is the Rafiqah wall?');
    expect(follow.embeds[0].description).toMatch(/^\*\*1 m/);
  });
});

describe('concise citations', () => {
  it('shows one citation per wire group, names outlets, and offers the rest behind a "more" button anyone can press', async () => {
    const body = await ask('How long is the Rafiqah wall?', freshUser());
    const description: string = body.embeds[0].description;
    const quotes = description.split('\n').filter((l) => l.startsWith('> '));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(3);
    // The four articles carrying the AFP wire are cited once, the other copies named after it.
    expect(description).toMatch(/PanARMENIAN\.Net ¶\d+\]\([^)]*\) · also in \d{3}, \d{3}, \d{3}/);
    const button = body.components?.[0]?.components?.[0];
    expect(button).toMatchObject({ type: 2, label: 'More sources (3)' });
    expect(button.custom_id).toMatch(/^ask::more:/);
    const shown = citedSourcePrefixes(embedText(body));

    const click = fake.button(button.custom_id, body, { user: BOB });
    const r = await fake.waitForRequest(isCallback(click.token), 3000, 'the "more" reply');
    expect(r.body.type).toBe(4);
    expect(r.body.data.flags & 64).toBe(64);
    expect(messageViolations(r.body.data)).toEqual([]);
    const more = embedText(r.body.data);
    const revealed = citedSourcePrefixes(more);
    expect(revealed).toHaveLength(3);
    // Together, the answer (000 by id, 003 by its outlet's name) and the button show every seed article, none twice.
    expect([...shown, ...revealed, '003_'].sort()).toEqual(SEED_IDS);
  });

  it('a "more" button whose answer is no longer kept says so, only to the clicker', async () => {
    const click = fake.button('ask::more:gone', { embeds: [] }, { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(click.token), 3000, 'the expired "more" reply');
    expect(r.body.data.flags & 64).toBe(64);
    expect(r.body.data.content).toMatch(/no longer kept/);
  });
});
