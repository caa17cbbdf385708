/**
 * HTML → article on five page layouts written for these tests (test/fixtures/html/): a news
 * site, a blog, an AMP page, a page dated only in JSON-LD, and a section front that is no
 * article. Furniture around the article (navigation, ads, related links, comments) must not
 * reach the text; the metadata comes from meta tags, JSON-LD and <time>.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleError, htmlToArticle } from '../../src/store/html-article.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { articleFromFile } from '../../src/store/article-input.js';

const FIXTURES = path.resolve('test/fixtures/html');
const page = (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

describe('htmlToArticle', () => {
  it('a news site: keeps headline, byline and paragraphs; navigation, ads, captions and related links stay out', async () => {
    const a = htmlToArticle(await page('news-site.html'), 'https://valley.example/news/x?utm=1');
    expect(a.text.split('\n')[0]).toBe('Harlow footbridge closed after river flood damage');
    expect(a.text).toContain('By Maria Ostrova');
    expect(a.text).toContain('the central pier of the 340-metre bridge had shifted by about 12 centimetres');
    expect(a.text).toContain('repairs are expected to cost around £1.2 million');
    for (const furniture of ['Skip to main content', 'Subscribe', 'Cheap flights', 'Win a new kitchen', 'Advertisement', 'Related stories', 'Mayor of Eastwick', 'Lottery winner', 'Photo: Courier Staff', 'Cookie settings', 'Share on Facebook']) {
      expect(a.text).not.toContain(furniture);
    }
    expect(a.meta).toEqual({
      title: 'Harlow footbridge closed after river flood damage',
      outlet: 'The Valley Courier',
      url: 'https://valley.example/news/2024/03/12/harlow-footbridge-closed',
      published: '2024-03-12',
    });
  });

  it('a blog post: the date comes from <time datetime>, comments and sidebar stay out, the <h1> is the title', async () => {
    const a = htmlToArticle(await page('blog.html'));
    expect(a.meta.published).toBe('2023-09-03');
    expect(a.meta.title).toBe('Walking the old canal towpath');
    expect(a.text).toContain('The path is 14 kilometres long');
    for (const furniture of ['Lovely write-up', 'Archives', 'Blogroll', 'Previous post', 'Proudly powered']) expect(a.text).not.toContain(furniture);
  });

  it('an AMP page: amp-img and amp-ad leave nothing behind, the canonical link is absolute', async () => {
    const a = htmlToArticle(await page('amp.html'));
    expect(a.meta).toMatchObject({ outlet: 'Harbour Daily', url: 'https://harbourdaily.example/news/ferry-suspended', published: '2022-11-18' });
    expect(a.text).toContain('about 1,400 passengers had been booked');
    for (const furniture of ['winter cruise', 'Fish market', 'Menu']) expect(a.text).not.toContain(furniture);
  });

  it('a page dated only in JSON-LD (@graph, author objects, a broken block beside it) gets its date, author and publisher', async () => {
    const a = htmlToArticle(await page('jsonld-dates.html'));
    expect(a.meta).toMatchObject({ published: '2021-04-22', outlet: 'Farm & Country Weekly', url: 'https://farmcountry.example/news/late-frost-orchards' });
    expect(a.text).toContain('By Gareth Lloyd');
    expect(a.text).toContain('destroyed up to 60 per cent of the blossom');
    for (const furniture of ['Classifieds', 'Tractor for sale', 'Wheat £182']) expect(a.text).not.toContain(furniture);
  });

  it('a section front of headline links is not an article, said in a plain sentence', async () => {
    const html = await page('not-article.html');
    expect(() => htmlToArticle(html)).toThrow(ArticleError);
    expect(() => htmlToArticle(html)).toThrow(/^that page is not an article/);
    expect(() => htmlToArticle('')).toThrow(/not an article/);
    expect(() => htmlToArticle('<html><body><form><input name=q></form></body></html>')).toThrow(/not an article/);
  });

  it('a published date that names no real day is no date, and the next one the page gives is used', async () => {
    const html = await page('news-site.html');
    const bad = html.replace('content="2024-03-12T08:15:00+00:00"', 'content="2024-02-30T08:15:00+00:00"');
    expect(htmlToArticle(bad).meta.published).toBe('2024-03-12');
    const none = bad.replace('datetime="2024-03-12T08:15:00+00:00"', 'datetime="0000-00-00T00:00:00Z"');
    expect(htmlToArticle(none).meta.published).toBeUndefined();
  });

  it('stores text whose paragraphs are separated by blank lines and carry no markup', async () => {
    const a = htmlToArticle(await page('news-site.html'));
    expect(a.text).not.toMatch(/<[a-z]/i);
    expect(a.text.endsWith('\n')).toBe(true);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(8);
  });
});

describe('.html files in a corpus folder', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('load as articles beside .txt files, with metadata from the page under sources.json', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-html-'));
    temps.push(dir);
    await copyFile(path.join(FIXTURES, 'news-site.html'), path.join(dir, 'bridge.html'));
    await copyFile(path.join(FIXTURES, 'not-article.html'), path.join(dir, 'index.htm'));
    await writeFile(path.join(dir, 'plain.txt'), 'date 2024-03-13 The footbridge stayed shut on Tuesday.\n');
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ bridge: { outlet: 'Courier' } }));
    const corpus = await readCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['bridge', 'plain']);
    const bridge = corpus.articles[0]!;
    expect(bridge.raw).toBe(htmlToArticle(await page('news-site.html')).text);
    expect(bridge.meta).toMatchObject({ outlet: 'Courier', published: '2024-03-12', title: 'Harlow footbridge closed after river flood damage' });
    expect(corpus.warnings).toEqual([expect.stringMatching(/^index\.htm: that page is not an article.*; skipped$/)]);
  });

  it('an .html file and an upload of the same page give the same stored text', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'amp.html'));
    expect(articleFromFile('ferry.html', bytes).text).toBe(htmlToArticle(bytes.toString('utf8')).text);
    expect(() => articleFromFile('ferry.pdf', bytes)).toThrow(/not a \.txt or \.html file/);
  });
});
