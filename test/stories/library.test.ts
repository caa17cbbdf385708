/**
 * The story library on real files in a temp DATA_DIR: incremental adds that reuse earlier
 * analysis, answers from the previous table while an add runs, serialized concurrent adds,
 * removal, deletion, defaults per channel and server, unloading least recently used tables, and
 * re-reading the stories in memory on SIGHUP.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { createLogger } from '../../src/logger.js';
import { loadEngine } from '../../src/load-engine.js';
import { StoryError, StoryLibrary } from '../../src/stories/library.js';
import type { ArticleInput } from '../../src/store/article-input.js';

const nlp = createNlp();
const logger = createLogger('silent');
const FIXTURES = path.resolve('test/fixtures/html');
let dataDir: string;
let library: StoryLibrary;

const file = async (name: string): Promise<ArticleInput> => ({ kind: 'file', name, bytes: await readFile(path.join(FIXTURES, name)) });
const text = (name: string, body: string): ArticleInput => ({ kind: 'file', name, bytes: Buffer.from(body) });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'stories-'));
  library = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp, defaultStory: { name: 'seeds', corpusDir: 'seeds' } });
});

afterEach(async () => {
  library.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a story', () => {
  it('is a corpus folder: articles as .txt files plus sources.json, listed with its count', async () => {
    await library.create('Bridge');
    const r = await library.add('bridge', [await file('news-site.html'), await file('not-article.html')]);
    expect(r.added).toEqual([{ id: '000_news-site', title: 'Harlow footbridge closed after river flood damage', label: 'news-site.html' }]);
    expect(r.failed).toEqual([{ label: 'not-article.html', error: expect.stringMatching(/^that page is not an article/) }]);
    const dir = path.join(dataDir, 'stories', 'bridge');
    expect((await readdir(dir)).sort()).toEqual(['000_news-site.txt', 'sources.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'sources.json'), 'utf8'))['000_news-site']).toMatchObject({ outlet: 'The Valley Courier', published: '2024-03-12' });
    expect(await library.list()).toEqual([
      { name: 'seeds', articles: 5, isDefault: true, loaded: true },
      { name: 'bridge', articles: 1, isDefault: false, loaded: true },
    ]);
  });

  it('answers from a new article with a citation into its stored text, linked under /stories/<name>', async () => {
    await library.create('bridge');
    await library.add('bridge', [await file('news-site.html')]);
    const answer = (await library.engine('bridge')).ask('How long is the Harlow bridge?');
    expect(answer.answered).toBe(true);
    expect(answer.value).toBe('340 m');
    const stored = await readFile(path.join(dataDir, 'stories', 'bridge', '000_news-site.txt'), 'utf8');
    const c = answer.citations[0]!;
    expect(stored.slice(c.start, c.end)).toBe(c.snippet);
    expect(c.viewer).toMatch(/^http:\/\/viewer\.test\/stories\/bridge\/sources\/000_news-site\?hl=/);
  });

  it('adding an article analyzes only that one: earlier facts are reused as they were, and the old table keeps serving', async () => {
    await library.create('coast');
    await library.add('coast', [await file('amp.html')]);
    const before = await library.engine('coast');
    const oldFacts = before.table.facts.filter((f) => f.article === '000_amp');
    expect(oldFacts.length).toBeGreaterThan(0);
    await library.add('coast', [await file('jsonld-dates.html')]);
    const after = await library.engine('coast');
    expect(after).not.toBe(before);
    expect(before.table.articles.map((a) => a.id)).toEqual(['000_amp']);
    expect(after.table.articles.map((a) => a.id)).toEqual(['000_amp', '001_jsonld-dates']);
    const reused = after.table.facts.filter((f) => f.article === '000_amp');
    expect(reused).toHaveLength(oldFacts.length);
    reused.forEach((f, i) => expect(f).toBe(oldFacts[i]));
    expect(after.ask('How many passengers had been booked?').answer).toMatch(/1,400/);
  });

  it('two adds to one story at the same time both land, with distinct ids', async () => {
    await library.create('both');
    const [a, b] = await Promise.all([
      library.add('both', [await file('news-site.html')]),
      library.add('both', [await file('blog.html')]),
    ]);
    // Whichever got the story first is 000; the other waited its turn and is 001.
    const ids = [...a.added, ...b.added].map((x) => x.id).sort();
    expect(ids.map((id) => id.slice(0, 4))).toEqual(['000_', '001_']);
    expect(ids.map((id) => id.slice(4)).sort()).toEqual(['blog', 'news-site']);
    expect((await library.engine('both')).table.articles).toHaveLength(2);
    expect(Object.keys(JSON.parse(await readFile(path.join(dataDir, 'stories', 'both', 'sources.json'), 'utf8')))).toHaveLength(2);
  });

  it('refuses the same article twice, and says why', async () => {
    await library.create('twice');
    await library.add('twice', [await file('amp.html')]);
    const r = await library.add('twice', [await file('amp.html')]);
    expect(r.added).toEqual([]);
    expect(r.failed[0]!.error).toBe('the story already has this article (000_amp)');
  });

  it('removes an article and re-aligns; deletes a whole story with its tables', async () => {
    await library.create('gone');
    await library.add('gone', [await file('amp.html'), text('note.txt', 'date 2022-11-19 The ferries sailed again on Saturday after the storm passed, the operator said.\n')]);
    const r = await library.removeArticle('gone', '000_amp');
    expect(r).toEqual({ story: 'gone', removed: '000_amp', articles: 1 });
    expect((await library.engine('gone')).table.articles.map((a) => a.id)).toEqual(['001_note']);
    await expect(library.removeArticle('gone', '000_amp')).rejects.toThrow(/has no article 000_amp/);
    await library.delete('gone');
    expect(await library.names()).toEqual(['seeds']);
    await expect(readdir(path.join(dataDir, 'tables', 'gone'))).rejects.toThrow();
    await expect(library.engine('gone')).rejects.toThrow(/no story named gone/);
  });

  it('leaves the CORPUS_DIR story alone and rejects bad names and unknown stories with plain sentences', async () => {
    await expect(library.add('seeds', [await file('amp.html')])).rejects.toThrow(/default story, read from CORPUS_DIR/);
    await expect(library.delete('seeds')).rejects.toThrow(StoryError);
    await expect(library.create('../etc')).rejects.toThrow(/is not a story name/);
    await expect(library.create('seeds')).rejects.toThrow(/already a story named seeds/);
    await expect(library.add('nowhere', [await file('amp.html')])).rejects.toThrow(/no story named nowhere/);
  });
});

describe('default stories', () => {
  it('a named story wins, then the channel default, then the server default, then CORPUS_DIR', async () => {
    await library.create('a');
    await library.create('b');
    expect(await library.resolve(undefined, { channel: 'c1', guild: 'g1' })).toBe('seeds');
    await library.use('a', 'server', 'g1');
    expect(await library.resolve(undefined, { channel: 'c1', guild: 'g1' })).toBe('a');
    await library.use('b', 'channel', 'c1');
    expect(await library.resolve(undefined, { channel: 'c1', guild: 'g1' })).toBe('b');
    expect(await library.resolve(undefined, { channel: 'c2', guild: 'g1' })).toBe('a');
    expect(await library.resolve('seeds', { channel: 'c1', guild: 'g1' })).toBe('seeds');
    await expect(library.resolve('zzz')).rejects.toThrow(/no story named zzz/);
    // Kept on disk: a new library over the same folder remembers them.
    const again = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp, defaultStory: { name: 'seeds', corpusDir: 'seeds' } });
    expect(await again.resolve(undefined, { channel: 'c1' })).toBe('b');
    again.close();
    await library.delete('b');
    expect(await library.resolve(undefined, { channel: 'c1', guild: 'g1' })).toBe('a');
  });
});

describe('changes made elsewhere', () => {
  it('a story changed by another process (npm run story beside the bot, another shard) is reloaded on next use', async () => {
    const bot = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp, recheckMs: 0 });
    const cli = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp });
    try {
      await cli.create('shared');
      await cli.add('shared', [await file('amp.html')]);
      expect((await bot.engine('shared')).table.articles).toHaveLength(1);
      await cli.add('shared', [await file('blog.html')]);
      expect((await bot.engine('shared')).table.articles.map((a) => a.id)).toEqual(['000_amp', '001_blog']);
      await cli.delete('shared');
      await expect(bot.engine('shared')).rejects.toThrow(/no story named shared/);
    } finally {
      bot.close();
      cli.close();
    }
  });
});

describe('memory', () => {
  it('keeps at most maxLoaded tables, unloading the least recently used, and reloads on use', async () => {
    const small = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp, maxLoaded: 2 });
    try {
      for (const [name, page] of [['one', 'amp.html'], ['two', 'blog.html'], ['three', 'jsonld-dates.html']] as const) {
        await small.create(name);
        await small.add(name, [await file(page)]);
      }
      expect(small.loadedNames()).toEqual(['two', 'three']);
      await small.engine('two');
      await small.engine('one');
      expect(small.loadedNames()).toEqual(['two', 'one']);
      expect((await small.engine('three')).ask('How many hectares does Ruth Adeyemi farm?').answer).toMatch(/45/);
    } finally {
      small.close();
    }
  });
});

describe('reloading (SIGHUP)', () => {
  it('re-reads every story in memory, an article edited in place included, reusing the unchanged ones; the loaded stories are listed for /healthz', async () => {
    const seeds = await loadEngine({ corpusDir: 'seeds', dataDir, publicUrl: 'http://viewer.test', logger, nlp });
    const bot = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger, nlp, recheckMs: 60_000, defaultStory: { name: 'seeds', corpusDir: 'seeds', engine: seeds } });
    try {
      await bot.create('coast');
      await bot.create('idle');
      await bot.add('coast', [await file('amp.html'), text('note.txt', 'Harbour wall\n\nThe new harbour wall in Porthleven is 120 metres long, the council said.\n')]);
      const before = await bot.engine('coast');
      expect(bot.loadedStories().map((s) => [s.name, s.engine.table.articles.length])).toEqual([['seeds', 5], ['coast', 2]]);

      // Rewriting a file in place leaves the folder's time alone: only a reload sees it.
      await writeFile(path.join(dataDir, 'stories', 'coast', '001_note.txt'), 'Harbour wall\n\nThe new harbour wall in Porthleven is 150 metres long, the council said.\n');
      expect(await bot.engine('coast')).toBe(before);
      expect(await bot.reload('SIGHUP')).toEqual([]);
      const after = await bot.engine('coast');
      expect(after).not.toBe(before);
      expect(after.table.articles.find((a) => a.id === '001_note')?.raw).toContain('150 metres');
      const amp = (e: typeof after) => e.table.facts.filter((f) => f.article === '000_amp');
      amp(after).forEach((f, i) => expect(f).toBe(amp(before)[i]));
      // The default story belongs to its live engine; a story not in memory is not read.
      expect(bot.loadedStories().map((s) => s.name)).toEqual(['seeds', 'coast']);
      expect(bot.loadedStories()[0]!.engine).toBe(seeds);
    } finally {
      bot.close();
    }
  });
});
