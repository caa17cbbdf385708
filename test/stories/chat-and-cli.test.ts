/**
 * Terminal parity: `npm run story` and the terminal chat's `/story …` commands, as real child
 * processes over a temp DATA_DIR, do what /story does on Discord, through the same functions.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';

const FIXTURES = path.resolve('test/fixtures/html');
let dataDir: string;

function run(script: string, args: string[], input = ''): Promise<CliRun> {
  return runCli(script, args, { env: { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: '', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://viewer.test', FETCH_ALLOW_HOSTS: '' }, input });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'story-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run story', () => {
  it('makes a story, adds files to it, lists it, and removes an article', async () => {
    expect(await run('story', ['new', 'ferry'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Made the story ferry\./) });
    const add = await run('story', ['add', 'ferry', path.join(FIXTURES, 'amp.html'), path.join(FIXTURES, 'blog.html')]);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Added 2 articles to ferry (2 in all):');
    expect(add.stdout).toContain('000_amp — Coastal ferry service suspended as storm nears');
    expect((await readdir(path.join(dataDir, 'stories', 'ferry'))).sort()).toEqual(['000_amp.txt', '001_blog.txt', 'sources.json']);
    const list = await run('story', ['list']);
    expect(list.stdout).toBe('  seeds — 5 articles (default, from CORPUS_DIR)\n  ferry — 2 articles\n');
    expect(await run('story', ['remove-article', 'ferry', '001_blog'])).toMatchObject({ code: 0, stdout: 'Removed 001_blog from ferry (1 article left).\n' });
  });

  it('exits 1 with the reason when an input cannot be added, and 2 on an unknown command', async () => {
    await run('story', ['new', 'refusals']);
    const local = await run('story', ['add', 'refusals', 'http://127.0.0.1:9/news', path.join(FIXTURES, 'not-article.html')]);
    expect(local.code).toBe(1);
    expect(local.stdout).toContain('http://127.0.0.1:9/news — 127.0.0.1 is a private or local address');
    expect(local.stdout).toContain('not-article.html — that page is not an article');
    const missing = await run('story', ['add', 'nope', path.join(FIXTURES, 'amp.html')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('there is no story named nope') });
    expect((await run('story', ['frobnicate'])).code).toBe(2);
  });
});

describe('the terminal chat', () => {
  it('/story new, add and use switch the chat to the new story, which answers with a citation into it', async () => {
    const input = [
      '/story new bridge',
      `/story add bridge ${path.join(FIXTURES, 'news-site.html')}`,
      '/story list',
      '/story use bridge',
      'How long is the Harlow bridge?',
      '/story use seeds',
      'How long is the Rafiqah wall?',
      '/quit',
    ].join('\n');
    const r = await run('chat', [], input + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added 1 article to bridge (1 in all):');
    expect(r.stdout).toContain('* seeds — 5 articles');
    expect(r.stdout).toContain('Answering from the story bridge (1 source).');
    // Sources go by outlet name (the page's site name), as in every face.
    expect(r.stdout).toMatch(/340 m[^\n]*\n[\s\S]*The Valley Courier ¶\d+: "[^"]*340-metre bridge/);
    expect(r.stdout).toContain('http://viewer.test/stories/bridge/sources/000_news-site?hl=');
    expect(r.stdout).toMatch(/2,500 m/);
  });
});
