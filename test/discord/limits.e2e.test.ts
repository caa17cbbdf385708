/**
 * A hostile corpus end to end: sentences of ~1,800 characters, headlines of 500, markdown and
 * @everyone in article text. Whatever it holds, every message must fit Discord's limits (the
 * fake answers 400/50035 otherwise) and cut cleanly: whole links, a visible "…".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordE2E, freshUser } from '../support/discord-e2e.js';
import { BOT, type FakeDiscord } from './fake-discord.js';
import { embedText, isCallback, isEdit } from './helpers.js';

const ARTICLES = 14;
let e2e: DiscordE2E;
let fake: FakeDiscord;
let corpusDir: string;

async function writeHostileCorpus(dir: string): Promise<void> {
  const filler = Array(18).fill('the old city defenders held several positions along the riverbank while residents waited').join(' ');
  const meta: Record<string, unknown> = {};
  for (let i = 0; i < ARTICLES; i++) {
    const id = `${String(i).padStart(3, '0')}_hostile${i}`;
    const long = `The ancient wall, which @everyone in the city knows well and which **officials** described at length as ${filler}, is 2,500 meters long according to the coalition statement issued on Monday.`;
    await writeFile(
      path.join(dir, `${id}.txt`),
      `date 2017-07-0${(i % 9) + 1}\n\n${long}\n\nOn Sunday, fighters crossed the river near the wall <@&123> @here and ${filler}.\n\nThe wall was built in 772 by the Abbasid caliph, officials said.\n`,
    );
    meta[id] = {
      title: Array(12).fill('A very long headline about the wall @everyone').join(' '),
      outlet: `Outlet [${i}](https://evil.example) @everyone`,
      url: `https://example.com/news/${i}?q=(wall)`,
    };
  }
  await writeFile(path.join(dir, 'sources.json'), JSON.stringify(meta));
}

/** Every masked link is whole: `[label](http…)` with balanced brackets and no stray "](". */
function expectWholeLinks(text: string): void {
  const opened = (text.match(/\]\(/g) ?? []).length;
  const whole = (text.match(/\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)/g) ?? []).length;
  expect(whole).toBe(opened);
}

beforeAll(async () => {
  corpusDir = await mkdtemp(path.join(tmpdir(), 'coverage-bot-hostile-'));
  await writeHostileCorpus(corpusDir);
  e2e = await DiscordE2E.start({ corpusDir });
  fake = e2e.fake;
});

afterAll(async () => {
  try {
    await e2e?.close();
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
  }
});

describe('a corpus whose quotes would overflow an embed', () => {
  it('answers /ask with quotes cut cleanly inside every limit', async () => {
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the wall?' }], { user: freshUser() });
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'the answer');
    expect(edit.status).toBe(200);
    const embed = edit.body.embeds[0];
    expect(embed.description).toMatch(/2,?500/);
    expect(embed.description).toMatch(/…/);
    // At most three quotes; the other cited snippets sit behind a button.
    expect(embed.description.split('\n').filter((l: string) => l.startsWith('> ')).length).toBeLessThanOrEqual(3);
    expect(embed.description).toMatch(/\d+ more cited snippets?: use the button below/);
    expectWholeLinks(embedText(edit.body));
    expect(embed.description).not.toMatch(/\]\(https:\/\/example\.com\/news\/\d+\?q=\(/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    const more = edit.body.components[0].components[0];
    expect(more.label).toMatch(/^More sources \(\d+\)$/);
    const click = fake.button(more.custom_id, edit.body, { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(click.token), 3000, 'the "more" reply');
    expect(r.status).toBe(204);
    expectWholeLinks(embedText(r.body.data));
    expect(r.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('lists the sources with long, hostile titles within the limits', async () => {
    const i = fake.command('sources', [], { user: freshUser() });
    const r = await fake.waitForRequest(isCallback(i.token), 3000, 'the sources');
    expect(r.status).toBe(204);
    const text = embedText(r.body.data);
    expectWholeLinks(text);
    expect(text).not.toContain('](https://evil.example)');
    expect(r.body.data.components?.[0]?.components).toHaveLength(2);
  });

  it('pages a timeline of long events within the limits', async () => {
    const u = freshUser();
    const i = fake.command('timeline', [], { user: u });
    const edit = await fake.waitForRequest(isEdit(i.token), 5000, 'the timeline');
    expect(edit.status).toBe(200);
    const next = edit.body.components?.[0]?.components?.find((b: any) => /Next/.test(b.label));
    if (next) {
      const click = fake.button(next.custom_id, edit.body, { user: u });
      const page = await fake.waitForRequest(isCallback(click.token), 3000, 'page 2');
      expect(page.status).toBe(204);
    }
  });

  it('answers a mention within the limits', async () => {
    const m = fake.messageCreate(`<@${BOT.id}> how long is the wall?`, { user: freshUser() });
    const r = await fake.waitForRequest((x) => x.body?.message_reference?.message_id === m.id, 5000, 'the mention reply');
    expect(r.status).toBe(200);
  });

  it('never drew a 50035 from the fake', () => {
    expect(fake.violations).toEqual([]);
    expect(fake.requests.filter((r) => r.status === 400)).toEqual([]);
  });
});
