/**
 * The viewer on a 390-px phone in Chromium: no page scrolls sideways, the story page reads
 * summary → disagreements → sources by outlet, readers see no developer wording, and the ¶
 * numbers on an article page are the ones citations give.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { SEEDS, engineFor, recordingLogger } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const QUESTION = 'How long is the Rafiqah wall?';
/** Words for developers, not readers: furniture codes, character offsets, sentence indices, fact kinds. */
const DEVELOPER_WORDING = /date-token|characters \d+\s*[–-]\s*\d+|§\s?\d|\bthing\b\s*(of|:)|publishedFrom|sources\.json/i;

let seeds: Engine;
let server: WebServer;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
  seeds = await engineFor(SEEDS);
  server = await startWebServer({ engine: seeds, port: 0, logger: recordingLogger() });
  profile = await mkdtemp(path.join(tmpdir(), 'coverage-phone-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: PHONE,
    deviceScaleFactor: 1,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** How far the page's content reaches past the viewport's right edge (0 when nothing does). */
async function overflow(page: Page): Promise<{ by: number; culprit?: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const by = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - width;
    let culprit: string | undefined;
    if (by > 0) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          culprit = `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 60)}`;
          break;
        }
      }
    }
    return { by, culprit };
  });
}

describe('the viewer on a 390-px phone', () => {
  it('no page scrolls sideways and none shows developer wording', async () => {
    const page = await context.newPage();
    const answer = seeds.ask(QUESTION);
    const paths = [
      '/', '/sources', '/timeline', '/ask', `/ask?q=${encodeURIComponent(QUESTION)}`, `/ask?q=${encodeURIComponent('How many US soldiers died?')}`,
      ...seeds.sources().map((s) => `/sources/${encodeURIComponent(s.id)}`),
      ...answer.citations.map((c) => new URL(c.viewer).pathname + new URL(c.viewer).search),
    ];
    for (const p of paths) {
      await page.goto(server.url + p);
      expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width);
      const o = await overflow(page);
      expect(o.by, `${p} is wider than the phone (${o.culprit})`).toBeLessThanOrEqual(0);
      const text = await page.locator('body').innerText();
      expect(text, p).not.toMatch(DEVELOPER_WORDING);
      // Pseudo-element labels are read too.
      const labels = await page.$$eval('span.furniture.inline', (els) => els.map((e) => getComputedStyle(e, '::after').content).join(' '));
      expect(labels, p).not.toMatch(DEVELOPER_WORDING);
    }
    await page.close();
  }, 60_000);

  it('the story page opens with the summary when there is one, then the disagreements, then the sources by outlet', async () => {
    const page = await context.newPage();
    await page.goto(server.url + '/');
    const order = await page.$$eval('main section', (els) => els.map((e) => e.id));
    const summary = seeds.ask('What happened?');
    const expected = summary.answered && summary.intent === 'summary' ? ['summary', 'disagreements', 'sources'] : ['disagreements', 'sources'];
    expect(order.slice(0, expected.length)).toEqual(expected);
    // Named outlets first, by name.
    expect(await page.locator('#sources tbody tr').first().locator('td.outlet').innerText()).toBe('PanARMENIAN.Net');
    await page.close();
  }, 30_000);

  it('paragraph numbers on an article page are the ¶ of the citations', async () => {
    const page = await context.newPage();
    const answer = seeds.ask(QUESTION);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      await page.goto(c.viewer.replace(/^https?:\/\/[^/]+/, server.url));
      const p = await page.locator('mark#hl').evaluate((m) => m.closest('p.para')?.getAttribute('data-p'));
      expect(p, `${c.source} ¶${c.paragraph}`).toBe(String(c.paragraph));
    }
    await page.close();
  }, 30_000);
});
