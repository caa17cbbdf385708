/**
 * The one set-up of the Discord end-to-end suites (see ../shared/docs/discord-e2e.md): the fake
 * Discord on 127.0.0.1, the real engine over a corpus with a fresh temp data folder, real
 * discord.js clients logged in to the fake, and the teardown. The teardown also fails the suite
 * on any unhandled rejection or uncaught exception seen meanwhile: when an event is malformed,
 * discord.js throws inside its gateway handler and that error is the only trace.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/core/types.js';
import { startBot, type Bot, type BotOptions } from '../../src/discord/bot.js';
import { loadEngine } from '../../src/load-engine.js';
import { FakeDiscord, snowflake, type FakeGuild, type FakeUser } from '../discord/fake-discord.js';
import { memoryLogger } from '../discord/helpers.js';

/** How a bot is started besides the fake it logs in to; the engine and logger default to the suite's. */
export type BotSetup = Partial<Omit<BotOptions, 'config'>> & {
  /** Settings added to the test configuration, as they would be in `.env`. */
  env?: Record<string, string>;
};

export interface DiscordE2EOptions {
  /** The corpus the engine reads; seeds/ unless given. */
  corpusDir?: string;
  /** Keeps the suite's log lines; a fresh memory logger unless given. */
  logger?: Logger;
  /** The bots logged in at the start, one per entry; one with defaults unless given. */
  bots?: BotSetup[];
}

/** Starts a fake Discord on 127.0.0.1 where the bot is in `guilds` as well as GUILD_ID. */
export async function startFake(...guilds: FakeGuild[]): Promise<FakeDiscord> {
  const fake = await new FakeDiscord().start();
  for (const g of guilds) fake.addGuild(g);
  return fake;
}

let users = 0;
/** A user no other test has used, so per-user cooldowns and conversations never couple tests. */
export function freshUser(): FakeUser {
  return { id: snowflake(), username: `user${++users}` };
}

/** A running set-up; `close()` tears it down and checks that nothing went unhandled. */
export class DiscordE2E {
  /** Unhandled rejections and uncaught exceptions since the start; `close()` expects none. */
  readonly unhandled: unknown[] = [];
  /** The bots logged in at the start, in the order of `bots`. */
  readonly bots: Bot[] = [];
  private readonly started: Bot[] = [];
  private readonly onError = (e: unknown) => void this.unhandled.push(e);
  fake!: FakeDiscord;
  engine!: Engine;
  dataDir!: string;

  private constructor(readonly logger: Logger) {
    process.on('unhandledRejection', this.onError);
    process.on('uncaughtException', this.onError);
  }

  /**
   * Starts the fake, the engine over `corpusDir` and the bots, in that order. If any of it
   * fails, what was started is torn down before the error is thrown.
   */
  static async start(opts: DiscordE2EOptions = {}): Promise<DiscordE2E> {
    const e2e = new DiscordE2E(opts.logger ?? memoryLogger());
    try {
      e2e.fake = await startFake();
      e2e.dataDir = await mkdtemp(path.join(tmpdir(), 'coverage-bot-e2e-'));
      e2e.engine = await loadEngine({ corpusDir: opts.corpusDir ?? 'seeds', dataDir: e2e.dataDir, publicUrl: 'http://localhost:8080', logger: e2e.logger });
      for (const setup of opts.bots ?? [{}]) e2e.bots.push(await e2e.startBot(e2e.fake, setup));
    } catch (e) {
      await e2e.teardown();
      throw e;
    }
    return e2e;
  }

  /** The first bot logged in at the start. */
  get bot(): Bot {
    const bot = this.bots[0];
    if (!bot) throw new Error('this set-up started no bot (bots: [])');
    return bot;
  }

  /** The bot's configuration against `fake`, with `env` added to the test settings. */
  config(fake: FakeDiscord, env: Record<string, string> = {}): Config {
    return loadConfig({
      DISCORD_TOKEN: 'fake-token.for-tests.only',
      DISCORD_CLIENT_ID: '1100000000000000001',
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: 'seeds',
      DATA_DIR: this.dataDir,
      LOG_LEVEL: 'debug',
      ...env,
    });
  }

  /** Logs a real discord.js client in to `fake`; it is stopped by `close()` if not before (stopping twice is harmless). */
  async startBot(fake: FakeDiscord, setup: BotSetup = {}): Promise<Bot> {
    const { env, ...opts } = setup;
    const bot = await startBot({ config: this.config(fake, env), engine: this.engine, logger: this.logger, readyTimeoutMs: 10_000, ...opts });
    let stopped: Promise<void> | undefined;
    const once: Bot = { ...bot, stop: () => (stopped ??= bot.stop()) };
    this.started.push(once);
    return once;
  }

  /** Stops every bot, closes the fake, removes the data folder, then expects nothing to have gone unhandled. */
  async close(): Promise<void> {
    await this.teardown();
    expect(this.unhandled, 'unhandled rejections or uncaught exceptions during the suite').toEqual([]);
  }

  private async teardown(): Promise<void> {
    for (const bot of this.started.splice(0)) await bot.stop();
    await this.fake?.close();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
    process.off('unhandledRejection', this.onError);
    process.off('uncaughtException', this.onError);
  }
}
