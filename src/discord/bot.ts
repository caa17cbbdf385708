/** The discord.js client: created, wired to the dispatcher (the only `client.on` calls), logged in. */
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../core/engine.js';
import type { Logger } from '../core/types.js';
import type { ConnectionTracker } from '../service/health.js';
import { enforceAllowList } from './allow-list.js';
import type { Command } from './command.js';
import { Cooldowns, type CooldownOptions } from './cooldown.js';
import { Conversations } from './conversations.js';
import { createDispatcher } from './dispatcher.js';
import { watchClient } from './connection.js';
import { COMMANDS_DIR, loadCommands } from './loader.js';
import { NO_MENTIONS } from './render.js';
import type { StoryLibrary } from '../stories/library.js';

/** Gateway close codes after which discord.js stops reconnecting, and what the operator must do. */
const FATAL_CLOSES = new Map<number, string>([
  [4004, 'Discord rejected the token (close 4004); reset it under Bot in the developer portal and update DISCORD_TOKEN'],
  [4010, 'Discord rejected the shard number (close 4010); check SHARDS'],
  [4011, 'Discord requires sharding for this many servers (close 4011); set SHARDS'],
  [4013, 'Discord rejected the gateway intents (close 4013)'],
  [4014, 'Discord refused a privileged intent the bot asked for (close 4014); the bot needs none, so check the intents in src/discord/bot.ts'],
]);

export interface BotOptions {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Stories the commands may answer from (`story` options, `/story`). */
  stories?: StoryLibrary;
  /** Defaults to the modules in `commands/`. */
  commands?: Map<string, Command>;
  cooldown?: CooldownOptions;
  /** For running shards in one process (tests); a ShardingManager child reads these from its env. */
  shards?: number[];
  shardCount?: number;
  /** How long to wait for the gateway's READY before giving up. */
  readyTimeoutMs?: number;
  /** Told about every shard's connection, for /healthz. */
  connection?: ConnectionTracker;
}

export interface Bot {
  client: Client<true>;
  /** Milliseconds from login() to the client being ready. */
  loginMs: number;
  stop(): Promise<void>;
}

/** The client options the bot runs with: mentions off by default, REST base from the config. */
export function clientOptions(config: Config, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    // Slash commands need no intents; mentions need guild and DM messages (not the privileged content intent).
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: config.discordApiUrl ? { api: config.discordApiUrl } : {},
    ...extra,
  };
}

/** Logs in and resolves once the client is ready; rejects (and cleans up) if it isn't in time. */
export async function startBot(opts: BotOptions): Promise<Bot> {
  const { config, engine, logger } = opts;
  if (!config.discordToken) throw new Error('startBot needs DISCORD_TOKEN; without one, run the terminal chat instead');
  const commands = opts.commands ?? (await loadCommands(COMMANDS_DIR, logger));
  // discord.js reads SHARDS from the environment unless told which shards to run; outside a
  // ShardingManager child that variable is the operator's shard count (or empty), never ours to parse.
  const sharding = opts.shards
    ? { shards: opts.shards, shardCount: opts.shardCount ?? opts.shards.length }
    : config.shardWorker
      ? {}
      : { shards: [0], shardCount: 1 };
  const client = new Client(clientOptions(config, sharding));
  const dispatcher = createDispatcher(commands, { engine, logger, config, cooldowns: new Cooldowns(opts.cooldown), conversations: new Conversations(), stories: opts.stories });

  client.on(Events.InteractionCreate, (i) => {
    void dispatcher.interaction(i);
  });
  client.on(Events.MessageCreate, (m) => {
    if (client.user) void dispatcher.message(m, client.user.id);
  });
  client.on(Events.Error, (e) => logger.error('discord client error', { error: e.message }));
  client.on(Events.Warn, (w) => logger.warn(`discord: ${w}`));
  client.on(Events.ShardError, (e, shard) => logger.error('gateway error', { shard, error: e.message }));
  client.on(Events.ShardDisconnect, (ev, shard) => {
    const fatal = FATAL_CLOSES.get(ev.code);
    if (fatal) logger.error(`gateway closed for good: ${fatal}`, { shard, code: ev.code });
    else logger.warn('gateway disconnected', { shard, code: ev.code });
  });
  client.on(Events.ShardReconnecting, (shard) => logger.info('gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('gateway session resumed', { shard, replayed }));
  client.on(Events.Invalidated, () => logger.error('gateway session invalidated'));
  if (opts.connection) watchClient(client, opts.connection);
  enforceAllowList(client, config.allowedGuilds, logger);

  const started = performance.now();
  const ready = new Promise<Client<true>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${opts.readyTimeoutMs ?? 60_000} ms`)), opts.readyTimeoutMs ?? 60_000);
    client.once(Events.ClientReady, (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  try {
    await client.login(config.discordToken);
    const c = await ready;
    const loginMs = Math.round(performance.now() - started);
    logger.info(`logged in to Discord as ${c.user.tag}`, { ms: loginMs, shards: c.ws.shards.map((s) => s.id), commands: [...commands.keys()] });
    return {
      client: c,
      loginMs,
      stop: async () => {
        await c.destroy();
      },
    };
  } catch (e) {
    await client.destroy().catch(() => undefined);
    throw e;
  }
}
