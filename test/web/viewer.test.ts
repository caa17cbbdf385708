/**
 * Browser tests: Debian's Chromium, driven by playwright-core, against the viewer on 127.0.0.1.
 * Chromium is required (CI's .ci/run installs it); a missing browser fails loudly.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { citationFor } from '../../src/core/ask/links.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { EVIL_ID, SEEDS, engineFor, evilCorpus, recordingLogger } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUESTION = 'How long is the Rafiqah wall?';

let seeds: Engine;
let server: WebServer;
let evilServer: WebServer;
let context: BrowserContext;
let profile: string;
const started = performance.now();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need Debian's Chromium. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (CI\'s .ci/run does this).',
    );
  }
  seeds = await engineFor(SEEDS);
  server = await startWebServer({ engine: seeds, port: 0, logger: recordingLogger() });
  evilServer = await startWebServer({ engine: await engineFor(await evilCorpus()), port: 0, logger: recordingLogger() });
  profile = await mkdtemp(path.join(tmpdir(), 'coverage-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 760 },
    deviceScaleFactor: 1,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await context?.close();
  await Promise.all([server?.close(), evilServer?.close()]);
  if (profile) await rm(profile, { recursive: true, force: true });
  console.log(`browser suite: ${Math.round(performance.now() - started)} ms`);
});

/** A fresh page that records console output, page errors and dialogs. */
async function openPage(): Promise<{ page: Page; problems: string[]; dialogs: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => problems.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, problems, dialogs };
}

/** True when the element is entirely inside the visible viewport. */
function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
}

describe('the snippet viewer in Chromium', () => {
  it('a citation link from an /ask answer opens the article with exactly the snippet highlighted and in view', async () => {
    const answer = seeds.ask(QUESTION);
    expect(answer.answered, 'the engine should answer the seeds question').toBe(true);
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/ask?q=${encodeURIComponent(QUESTION)}`);
    expect(await page.textContent('.answer-text')).toContain('2,500 m');

    // Follow the cited snippet the answer page offers, as a reader would.
    const links = page.locator('article.answer > ol.citations > li.citation a.in-context');
    expect(await links.count()).toBe(answer.citations.length);
    // Prefer a citation deep in its article, so scrolling into view is really exercised.
    const deepest = answer.citations.reduce((best, c, i) => (c.start > answer.citations[best]!.start ? i : best), 0);
    const cited = answer.citations[deepest]!;
    await Promise.all([page.waitForURL(/\/sources\//), links.nth(deepest).click()]);
    expect(new URL(page.url()).pathname).toBe(`/sources/${encodeURIComponent(cited.source)}`);
    expect(new URL(page.url()).searchParams.get('hl')).toBe(`${cited.start}-${cited.end}`);

    const mark = page.locator('mark#hl');
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe(cited.snippet);
    expect(await page.locator('mark').count()).toBe(1);
    await page.waitForFunction(() => {
      const r = document.getElementById('hl')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, undefined, { timeout: 5000 });
    expect(await inViewport(page, 'mark#hl')).toBe(true);
    // The header is sticky: the mark must not hide under it.
    const [markTop, headerBottom] = await page.evaluate(() => [
      document.getElementById('hl')!.getBoundingClientRect().top,
      document.querySelector('header.top')!.getBoundingClientRect().bottom,
    ]);
    expect(markTop).toBeGreaterThanOrEqual(headerBottom!);

    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    const shot = await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'viewer.png') });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    // The README's screenshot is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOT === '1') {
      await mkdir(path.join(ROOT, 'docs'), { recursive: true });
      await writeFile(path.join(ROOT, 'docs', 'viewer.png'), shot);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a viewer link built by citationFor highlights exactly its span, deep in the article, in view', async () => {
    const article = seeds.article('000_6e79381d7b31fe90')!.article;
    const snippet = 'approximately 5 kilometers (3.1 miles) long';
    const start = article.raw.indexOf(snippet);
    expect(start).toBeGreaterThan(0);
    const c = citationFor(article, start, start + snippet.length, server.url);
    const { page, problems } = await openPage();
    await page.goto(c.viewer);
    expect(await page.locator('mark#hl').textContent()).toBe(snippet);
    await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 5000 });
    expect(await inViewport(page, 'mark#hl')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a text-fragment link scrolls the original page to the cited words, even when they repeat', async () => {
    // A stand-in for the outlet's site: the article text, one <p> per line, each knowing its offset.
    const article = seeds.article('000_6e79381d7b31fe90')!.article;
    const paras: string[] = [];
    let at = 0;
    for (const line of article.raw.split('\n')) {
      const esc = line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (line.trim()) paras.push(`<p data-start="${at}" data-end="${at + line.length}">${esc}</p>`);
      at += line.length + 1;
    }
    const original = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><title>Original</title><body>${paras.join('')}</body>`);
    });
    await new Promise<void>((resolve) => original.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(original.address() as AddressInfo).port}/story`;
    const withUrl = { ...article, url };
    const repeated = 'ISIS fighters';
    const cases = [
      'approximately 5 kilometers (3.1 miles) long',
      'overall 2,500-meter wall',
      [...article.raw.matchAll(/“The portions targeted[^\n]*/g)][0]![0],
    ].map((snippet) => [article.raw.indexOf(snippet), snippet] as const);
    cases.push([article.raw.lastIndexOf(repeated), repeated]);
    expect(article.raw.indexOf(repeated)).toBeLessThan(cases[3]![0]);

    const { page } = await openPage();
    await page.setViewportSize({ width: 900, height: 400 });
    try {
      for (const [start, snippet] of cases) {
        expect(start, snippet).toBeGreaterThan(0);
        const c = citationFor(withUrl, start, start + snippet.length, server.url);
        expect(c.url.startsWith(`${url}#:~:text=`)).toBe(true);
        await page.goto('about:blank');
        await page.goto(c.url);
        await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 5000 });
        const box = await page.evaluate((offset) => {
          const p = [...document.querySelectorAll('p')].find((el) => Number(el.dataset.start) <= offset && offset < Number(el.dataset.end))!;
          const r = p.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: window.innerHeight };
        }, start);
        expect(box.bottom, `${snippet} → ${c.url}`).toBeGreaterThan(0);
        expect(box.top, `${snippet} → ${c.url}`).toBeLessThan(box.height);
      }
    } finally {
      await page.close();
      original.close();
    }
  });

  it('shows furniture as removed, labelled with its reason', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/sources/001_16493793af55492b`);
    const nav = page.locator('aside.furniture', { hasText: 'Skip to main content' });
    expect(await nav.count()).toBe(1);
    expect(await nav.getAttribute('data-reason')).toContain('navigation');
    expect(await nav.locator('.why').textContent()).toMatch(/set aside.*navigation/i);
    expect(await page.locator('p.para', { hasText: 'Skip to main content' }).count()).toBe(0);
    // The removed text is visibly struck through.
    expect(await nav.locator('.removed p').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');

    await page.goto(`${server.url}/sources/003_07e3151076a655cf`);
    const headlines = page.locator('aside.furniture[data-reason~="headlines"]');
    expect(await headlines.count()).toBeGreaterThan(0);
    expect(await headlines.last().textContent()).toContain('Top stories');
    expect(await page.locator('p.para', { hasText: 'Top stories' }).count()).toBe(0);
    expect(await page.locator('.furniture-summary').textContent()).toMatch(/unrelated headlines/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists each sentence's facts with the other sources that agree, linked to their words", async () => {
    const { page, problems } = await openPage();
    const view = seeds.article('000_6e79381d7b31fe90')!;
    const wall = Object.values(view.facts).flat().find((f) => f.label === '2,500 m' && f.agreeWith.length > 0);
    expect(wall, 'the seeds article 000 has a 2,500 m fact other sources agree with').toBeDefined();
    await page.goto(`${server.url}/sources/000_6e79381d7b31fe90`);
    const fact = page.locator('li.fact', { has: page.locator('b.label', { hasText: /^2,500 m$/ }) }).first();
    // Folded by default; a reader opens it.
    await fact.locator('xpath=ancestor::details').locator('summary').click();
    expect(await fact.locator('a.sref').getAttribute('href')).toBe(`#s${wall!.fact.sentence}`);
    expect(await page.locator(`#s${wall!.fact.sentence}`).count()).toBe(1);
    const chips = fact.locator('a.chip.agree');
    expect(await chips.count()).toBe(wall!.agreeWith.length);
    const href = (await chips.first().getAttribute('href'))!;
    expect(href).toMatch(/^\/sources\/[^?]+\?hl=\d+-\d+$/);
    await Promise.all([page.waitForURL(/hl=/), chips.first().click()]);
    expect(await page.locator('mark#hl').textContent()).toMatch(/2,500|2\.5/);
    expect(await page.locator('mark#hl').evaluate((m) => m.closest('.para-block')!.querySelector('details.facts')!.hasAttribute('open'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the timeline page lists events oldest first, with source chips', async () => {
    const entries = seeds.timeline();
    expect(entries.length, 'the seeds have dated events').toBeGreaterThan(1);
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/timeline`);
    const dates = await page.locator('ol.timeline li.event time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(dates).toEqual(entries.map((e) => e.date));
    expect([...dates].sort()).toEqual(dates);
    const firstChips = page.locator('ol.timeline li.event').first().locator('a.chip');
    expect(await firstChips.count()).toBe(entries[0]!.sources.length);
    // A chip opens its source at the dated sentence.
    const cited = entries[0]!.citations[0];
    if (cited) {
      await Promise.all([page.waitForURL(/\/sources\//), firstChips.first().click()]);
      expect(await page.locator('mark#hl').textContent()).toBe(cited.snippet);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders an article containing <script> and <img onerror> inert, as literal text', async () => {
    const { page, problems, dialogs } = await openPage();
    await page.goto(`${evilServer.url}/sources/${EVIL_ID}`);
    await page.waitForTimeout(300);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('<script>window.__pwned = 1; alert("script ran")</script>');
    expect(text).toContain(`<img src=x onerror="window.__pwned = 2; alert('img ran')">`);
    expect(text).toContain('Wall <b>breached</b> <script>alert(1)</script>');
    expect(await page.locator('script:not([src="/assets/viewer.js"]), img, i, [onerror]').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'bold?' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The question box is untrusted too.
    await page.goto(`${evilServer.url}/ask?q=${encodeURIComponent('<img src=x onerror=alert(3)>')}`);
    await page.waitForTimeout(200);
    expect(await page.locator('q.question').textContent()).toBe('<img src=x onerror=alert(3)>');
    expect(await page.inputValue('input[name=q]')).toBe('<img src=x onerror=alert(3)>');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the search box on the story page answers from the engine', async () => {
    const { page, problems } = await openPage();
    await page.goto(server.url + '/');
    expect(await page.locator('table.sources tbody tr').count()).toBe(5);
    await page.fill('input[name=q]', QUESTION);
    await Promise.all([page.waitForURL(/\/ask\?q=/), page.press('input[name=q]', 'Enter')]);
    expect(await page.textContent('.answer-text')).toBe(seeds.ask(QUESTION).answer);
    expect(await page.textContent('.answer-text')).toMatch(/2,500 m/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
