/** Shared set-up for the Discord end-to-end suites: a real engine over a corpus, a real client. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/core/types.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import type { CooldownOptions } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/logger.js';
import { loadEngine } from '../../src/load-engine.js';
import type { FakeDiscord, RecordedRequest } from './fake-discord.js';

export const SEED_IDS = ['000_', '001_', '002_', '003_', '004_'];

/** A logger that keeps its lines for assertions (and prints them when DEBUG_E2E is set). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (l) => {
    lines.push(l);
    if (process.env.DEBUG_E2E) process.stderr.write(l + '\n');
  }, { timestamps: false });
  return Object.assign(logger, { lines });
}

/** Builds the real engine over `corpusDir` with a fresh temp data folder. */
export async function engineFor(corpusDir: string, logger: Logger): Promise<{ engine: Engine; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coverage-bot-e2e-'));
  const engine = await loadEngine({ corpusDir, dataDir, publicUrl: 'http://localhost:8080', logger });
  return { engine, dataDir, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

export function testConfig(fake: FakeDiscord, dataDir: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    DISCORD_TOKEN: 'fake-token.for-tests.only',
    DISCORD_CLIENT_ID: '1100000000000000001',
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: 'seeds',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...extra,
  });
}

export async function botFor(
  fake: FakeDiscord,
  engine: Engine,
  dataDir: string,
  logger: Logger,
  opts: { cooldown?: CooldownOptions; shards?: number[]; shardCount?: number } = {},
): Promise<Bot> {
  return startBot({ config: testConfig(fake, dataDir), engine, logger, readyTimeoutMs: 10_000, ...opts });
}

/** The message body a request carries: the callback's `data`, or the body itself for edits. */
export function messageOf(r: RecordedRequest): any {
  return r.path.endsWith('/callback') ? r.body?.data : r.body;
}

/** All text of the embeds in a message body, for content assertions. */
export function embedText(body: any): string {
  return (body?.embeds ?? [])
    .map((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}

/** Article ids that the message links to or names as `000 ¶9` labels. */
export function citedSourcePrefixes(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(\d{3}) ¶\d+/g)].map((m) => `${m[1]}_`))];
}

/** Polls `check` every 20 ms until it returns true; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
