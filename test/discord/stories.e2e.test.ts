/**
 * /story end to end: a real discord.js client against the fake Discord, the real story library
 * over a temp DATA_DIR, and a local HTTP server serving a real news page (navigation, ads and
 * related links around the article) and an uploaded file, as Discord's CDN would. Follow-ups
 * stay within the story they were asked of.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/discord/bot.js';
import { openStoryLibrary } from '../../src/stories/open.js';
import type { StoryLibrary } from '../../src/stories/library.js';
import { DiscordE2E, freshUser, startFake } from '../support/discord-e2e.js';
import { BOT, snowflake, type FakeDiscord, type FakeUser } from './fake-discord.js';
import { embedText, isCallback, isEdit, memoryLogger, messageOf } from './helpers.js';

const FIXTURES = path.resolve('test/fixtures/html');
/** The fake's default member permissions plus Manage Server (1 << 5). */
const ADMIN = String(2248473465835073n | 32n);

let e2e: DiscordE2E;
let fake: FakeDiscord;
let pages: http.Server;
let site: string;
let bot: Bot;
let stories: StoryLibrary;
let dataDir: string;
const logger = memoryLogger();

/** Runs `/story <sub>` and resolves with the text the bot finally shows (the reply, or the edit after a defer). */
async function story(sub: string, options: { name: string; value: string; type?: number }[], opts: { permissions?: string; resolved?: Record<string, unknown> } = {}) {
  const i = fake.command('story', [{ type: 1, name: sub, options: options.map((o) => ({ type: 3, ...o })) }], { user: freshUser(), permissions: opts.permissions ?? ADMIN, resolved: opts.resolved });
  const ack = await fake.waitForRequest(isCallback(i.token), 3000, `the /story ${sub} acknowledgement`);
  if (ack.body.type === 4) return { text: String(ack.body.data.content), ephemeral: (ack.body.data.flags & 64) === 64 };
  const edit = await fake.waitForRequest(isEdit(i.token), 20_000, `the /story ${sub} result`);
  return { text: String(edit.body.content), ephemeral: false };
}

async function ask(question: string, storyName?: string, user: FakeUser = freshUser()) {
  const options = [{ name: 'question', value: question }, ...(storyName ? [{ name: 'story', value: storyName }] : [])];
  const i = fake.command('ask', options, { user });
  const edit = await fake.waitForRequest(isEdit(i.token), 10_000, 'the /ask answer');
  return edit.body;
}

beforeAll(async () => {
  const news = await readFile(path.join(FIXTURES, 'news-site.html'));
  const amp = await readFile(path.join(FIXTURES, 'amp.html'));
  const jsonld = await readFile(path.join(FIXTURES, 'jsonld-dates.html'));
  pages = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/news/harlow-footbridge') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(news);
    else if (url === '/news/late-frost') res.writeHead(200, { 'content-type': 'text/html' }).end(jsonld);
    // A CDN may not label an upload as HTML: its file name says what it is.
    else if (url.startsWith('/attachments/')) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(amp);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  site = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

  e2e = await DiscordE2E.start({ logger, bots: [] });
  ({ fake, dataDir } = e2e);
  const env = { FETCH_ALLOW_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://viewer.test' };
  stories = openStoryLibrary(e2e.config(fake, env), logger, { engine: e2e.engine });
  bot = await e2e.startBot(fake, { env, stories, cooldown: { limit: 100, windowMs: 1000 } });
});

afterAll(async () => {
  await bot?.stop();
  stories?.close();
  pages?.closeAllConnections();
  await new Promise((r) => pages?.close(r));
  await e2e?.close();
  expect(fake.violations).toEqual([]);
});

describe('/story on Discord', () => {
  it('is registered for Manage Server only, and a member without it is refused', async () => {
    const { data } = await import('../../commands/story.js');
    expect(data.toJSON().default_member_permissions).toBe('32');
    const r = await story('new', [{ name: 'name', value: 'sneaky' }], { permissions: '2248473465835073' });
    expect(r).toEqual({ text: expect.stringContaining('Changing stories needs the Manage Server permission.'), ephemeral: true });
    expect(await stories.names()).not.toContain('sneaky');
  });

  it('/story add with a URL stores the article without the page around it; /ask story: answers from it with a citation into it', async () => {
    expect((await story('new', [{ name: 'name', value: 'bridge' }])).text).toContain('Made the story **bridge**');
    const added = await story('add', [{ name: 'story', value: 'bridge' }, { name: 'url', value: `${site}/news/harlow-footbridge` }]);
    expect(added.text).toContain('Added 1 article to bridge (1 in all):');
    const [file] = (await readdir(path.join(dataDir, 'stories', 'bridge'))).filter((f) => f.endsWith('.txt'));
    const stored = await readFile(path.join(dataDir, 'stories', 'bridge', file!), 'utf8');
    expect(stored).toContain('the central pier of the 340-metre bridge');
    for (const furniture of ['Skip to main content', 'Cheap flights', 'Advertisement', 'Related stories', 'Mayor of Eastwick', 'Most read', 'Cookie settings']) {
      expect(stored).not.toContain(furniture);
    }

    const body = await ask('How long is the Harlow bridge?', 'bridge');
    const text = embedText(body);
    expect(body.embeds[0].description).toMatch(/\*\*340 m/);
    // The quote is the stored text (trimmed around the fact with …), named by the page's site, and its link opens the original page at that snippet.
    const quote = /> (.+?) — \[The Valley Courier ¶(\d+)\]\((http[^)]+)\)/.exec(body.embeds[0].description);
    expect(quote).not.toBeNull();
    for (const part of quote![1]!.replace(/\\/g, '').split('…').map((p) => p.trim()).filter(Boolean)) expect(stored).toContain(part);
    expect(quote![3]).toMatch(new RegExp(`^${site}/news/2024/03/12/harlow-footbridge-closed#:~:text=`));
    expect(text).not.toMatch(/2,500/);
  });

  it('/story add with an uploaded file adds it; its facts answer too', async () => {
    await story('new', [{ name: 'name', value: 'ferry' }]);
    const id = snowflake();
    const resolved = {
      attachments: {
        [id]: { id, filename: 'ferry.html', size: 3000, url: `${site}/attachments/${id}/ferry.html`, proxy_url: `${site}/attachments/${id}/ferry.html`, content_type: 'text/html' },
      },
    };
    const added = await story('add', [{ name: 'story', value: 'ferry' }, { name: 'file', value: id, type: 11 }], { resolved });
    expect(added.text).toContain('Added 1 article to ferry (1 in all):');
    expect(added.text).toContain('Coastal ferry service suspended as storm nears');
    const body = await ask('How many passengers had been booked?', 'ferry');
    expect(body.embeds[0].description).toMatch(/1,400/);
    expect(body.embeds[0].description).toMatch(/— \[Harbour Daily ¶\d+\]\(https:\/\/harbourdaily\.example\/news\/ferry-suspended#:~:text=/);
  });

  it('two adds to one story at the same time both land', async () => {
    await story('new', [{ name: 'name', value: 'farm' }]);
    const [a, b] = await Promise.all([
      story('add', [{ name: 'story', value: 'farm' }, { name: 'url', value: `${site}/news/late-frost` }]),
      story('add', [{ name: 'story', value: 'farm' }, { name: 'url', value: `${site}/news/harlow-footbridge` }]),
    ]);
    expect(a.text).toMatch(/^Added 1 article to farm/);
    expect(b.text).toMatch(/^Added 1 article to farm/);
    expect((await stories.engine('farm')).table.articles).toHaveLength(2);
    const i = fake.command('sources', [{ name: 'story', value: 'farm' }], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the /sources reply');
    expect(embedText(messageOf(r))).toMatch(/2 sources in farm/);
  });

  it('a link to 127.0.0.1 is refused with a plain sentence when FETCH_ALLOW_HOSTS does not list it', async () => {
    // A second bot, configured as an operator would be by default: no allow-list.
    const strictFake = await startFake();
    const env = { FETCH_ALLOW_HOSTS: '' };
    const strict = openStoryLibrary(e2e.config(strictFake, env), logger);
    const strictBot = await e2e.startBot(strictFake, { env, engine: await stories.engine('seeds'), stories: strict });
    try {
      const i = strictFake.command('story', [{ type: 1, name: 'add', options: [{ type: 3, name: 'story', value: 'bridge' }, { type: 3, name: 'url', value: `${site}/news/late-frost` }] }], { user: freshUser(), permissions: ADMIN });
      const edit = await strictFake.waitForRequest(isEdit(i.token), 10_000, 'the refused add');
      expect(edit.body.content).toBe(
        `Nothing was added to bridge.\nNot added:\n  ${site}/news/late-frost — 127.0.0.1 is a private or local address, which the bot does not fetch (an operator can allow it with FETCH_ALLOW_HOSTS)`,
      );
      expect(strictFake.violations).toEqual([]);
    } finally {
      await strictBot.stop();
      strict.close();
      await strictFake.close();
    }
    expect((await stories.engine('bridge')).table.articles).toHaveLength(1);
    // The cloud metadata address is refused even by a bot that allows 127.0.0.1.
    const refused = await story('add', [{ name: 'story', value: 'bridge' }, { name: 'url', value: 'http://169.254.169.254/latest/meta-data/' }]);
    expect(refused.text).toContain('169.254.169.254 is a private or local address');
    expect(refused.text).not.toMatch(/\n\s+at /);
  });

  it('/story use makes a story the channel default; /story list marks it; the story option autocompletes', async () => {
    expect((await story('use', [{ name: 'story', value: 'ferry' }])).text).toContain('in this channel now go to **ferry**');
    const body = await ask('How many passengers had been booked?');
    expect(body.embeds[0].description).toMatch(/1,400/);
    // A question by mention goes to the channel's story too.
    const m = fake.messageCreate(`<@${BOT.id}> How many passengers had been booked?`, { user: freshUser() });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === m.id, 5000, 'the mention reply');
    expect(reply.body.embeds[0].description).toMatch(/1,400/);
    const list = await story('list', [], { permissions: '2248473465835073' });
    expect(list.text).toMatch(/\* ferry — 1 article/);
    expect(list.text).toMatch(/ {2}seeds — 5 articles \(default, from CORPUS_DIR\)/);
    const ac = fake.autocomplete('ask', 'story', 'fe', { user: freshUser() });
    const choices = await fake.waitForRequest(isCallback(ac.token), 3000, 'story choices');
    expect(choices.body.data.choices).toEqual([{ name: 'ferry', value: 'ferry' }]);
    await story('use', [{ name: 'story', value: 'seeds' }]);
  });

  it('an unknown story is said plainly, only to the user', async () => {
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the wall?' }, { name: 'story', value: 'nowhere' }], { user: freshUser() });
    const notice = await fake.waitForRequest((r) => r.method === 'POST' && r.path.includes(`/${i.token}`) && !r.path.endsWith('/callback'), 5000, 'the notice');
    expect(notice.body.content).toContain('there is no story named nowhere');
    expect(notice.body.flags & 64).toBe(64);
  });

  it('a follow-up continues within its story; the same words to another story start afresh', async () => {
    const user = freshUser();
    expect((await ask('How long is the Rafiqah wall?', undefined, user)).embeds[0].description).toMatch(/^\*\*2,500 m/);
    const follow = await ask('and how high is it?', 'seeds', user);
    expect(follow.embeds[0].title).toBe('How high is the Rafiqah wall?');
    expect(follow.embeds[0].description).toMatch(/^\*\*3\.8 m/);
    const elsewhere = await ask('and how high is it?', 'ferry', user);
    expect(elsewhere.embeds[0].title).toBe('and how high is it?');
    expect(elsewhere.embeds[0].description).not.toMatch(/3\.8|Rafiqah/);
  });

  it('/story remove-article and /story delete change the story on disk and in answers', async () => {
    const removed = await story('remove-article', [{ name: 'story', value: 'farm' }, { name: 'article', value: '000_127-late-frost' }]);
    expect(removed.text).toContain('Removed 000_127-late-frost from **farm** (1 article left).');
    expect((await story('delete', [{ name: 'story', value: 'farm' }])).text).toContain('Deleted the story **farm**.');
    expect(await stories.names()).not.toContain('farm');
  });
});
