/**
 * `npm start`: the bot on Discord (one process, or a ShardingManager when SHARDS is set) plus the
 * snippet viewer; without a token, guidance and a terminal chat on the same commands, or, with no
 * terminal either (systemd, Docker), the viewer alone until SIGTERM. SIGHUP reloads the corpus.
 */
import { createServer, type AddressInfo } from 'node:net';
import { ConfigError, loadConfigFromEnvironment, type Config } from './config.js';
import { startBot } from './discord/bot.js';
import { createShards } from './discord/sharding.js';
import { runChat } from './cli/chat.js';
import { createLogger } from './logger.js';
import { loadEngine } from './load-engine.js';
import { CorpusError } from './store/corpus-loader.js';
import { startWebServer } from './web/server.js';
import { watchShards } from './discord/connection.js';
import { ConnectionTracker, healthReport, publicUrlWarning } from './service/health.js';
import { createLiveEngine } from './service/live-engine.js';
import { createReloader, type Reloader } from './service/reload.js';
import type { StoryLibrary } from './stories/library.js';
import { openStoryLibrary } from './stories/open.js';

/** View Channels, Send Messages, Embed Links, Read Message History, Use Application Commands. */
const BOT_PERMISSIONS = 1024n | 2048n | 16384n | 65536n | 2147483648n;

function inviteUrl(clientId: string | undefined): string {
  return `https://discord.com/oauth2/authorize?client_id=${clientId ?? '<DISCORD_CLIENT_ID>'}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`;
}

function guidance(config: Config): string {
  return [
    'No DISCORD_TOKEN is set, so the Discord bot is not started.',
    '',
    'To run it on Discord:',
    '  1. Create an application at https://discord.com/developers/applications',
    '     (Bot → Reset Token gives the token; General Information shows the Application ID).',
    '  2. cp .env.example .env, then set DISCORD_TOKEN and DISCORD_CLIENT_ID (and DISCORD_GUILD_ID',
    '     to register commands on one server instantly while you try it).',
    `  3. Invite the bot: ${inviteUrl(config.discordClientId)}`,
    '  4. npm run deploy-commands, then npm start.',
    'The full walk-through is in README.md (Running the bot on Discord).',
    '',
    `Meanwhile, try it here: ask about the coverage in ${config.corpusDir}/ (/help lists the commands).`,
    '',
  ].join('\n');
}

/** A port the system reports free right now (the viewer binds it a moment later). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfigFromEnvironment();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nFix these in .env or the environment (see .env.example).\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
  process.on('unhandledRejection', (e) => logger.error('unhandled rejection', { error: e instanceof Error ? e.message : String(e) }));

  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info(`shutting down (${why})`);
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => logger.error('error while stopping', { error: String(e) }));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // SIGHUP reloads the corpus (systemctl reload, docker kill -s HUP); Node's default would exit.
  // Named stories in memory are re-read too; the others are read afresh when next used.
  let reloader: Reloader | undefined;
  let stories: StoryLibrary | undefined;
  let afterReload: (() => void) | undefined;
  process.on('SIGHUP', () => {
    if (!reloader) return logger.info('SIGHUP ignored: still starting');
    void reloader.reload('SIGHUP').then((ok) => ok && afterReload?.());
    void stories?.reload('SIGHUP');
  });
  if (config.discordToken) {
    const warning = publicUrlWarning(config.publicUrl);
    if (warning) logger.warn(warning);
  }

  // PORT=0 asks for a free port; citation links must name the one actually used.
  if (config.port === 0) {
    const port = await freePort(config.webHost);
    config = { ...config, port, publicUrl: /:0$/.test(config.publicUrl) ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl };
  }

  // Built once here, before any shard exists: shards then only read the stored table.
  const load = () => loadEngine({ corpusDir: config.corpusDir, dataDir: config.dataDir, publicUrl: config.publicUrl, logger });
  const first = await load().catch((e: unknown) => {
    if (!(e instanceof CorpusError)) throw e;
    process.stderr.write(`${e.message}\nSet CORPUS_DIR in .env or the environment to a folder of .txt articles (see .env.example).\n`);
    process.exit(1);
  });
  const live = createLiveEngine(first);
  const engine = live.engine;
  reloader = createReloader({ live, load, logger, what: `corpus ${config.corpusDir}` });
  // CORPUS_DIR is the default story (following SIGHUP reloads through the live engine); more live
  // in DATA_DIR/stories (/story on Discord, /story in the chat, npm run story).
  const library = openStoryLibrary(config, logger, { engine });
  stories = library;
  stops.push(async () => library.close());
  const connection = config.discordToken ? new ConnectionTracker({ shards: config.shards ?? 1 }) : undefined;
  // Every story in memory, the default first; stories not loaded cost nothing and are not listed.
  const health = () => healthReport({ stories: library.loadedStories(), connection });
  const web = await startWebServer({ engine, port: config.port, host: config.webHost, logger, health, stories: library }).catch((e: Error) => {
    logger.warn(`snippet viewer not started: ${e.message} (set PORT to a free port)`);
    return undefined;
  });

  if (web) stops.push(() => web.close());
  if (!config.discordToken && !process.stdin.isTTY) {
    // Under systemd, Docker or nohup there is no one to chat with: serve the viewer until stopped.
    if (!web) return shutdown('no DISCORD_TOKEN, no terminal and no viewer: nothing to run', 1);
    logger.info(`no DISCORD_TOKEN and no terminal: running as a service, serving the snippet viewer on ${web.url} until stopped (SIGTERM); set DISCORD_TOKEN to run the bot, or start from a terminal for the chat`);
    return;
  }
  if (!config.discordToken) {
    process.stdout.write(guidance(config));
    await runChat({ engine, input: process.stdin, output: process.stdout, stories: library });
    await shutdown('chat ended');
    return;
  }
  try {
    if (config.shards) {
      const shards = createShards({ config, logger });
      stops.push(shards.stop);
      if (connection) watchShards(shards.manager, connection);
      // Each shard has its own engine over the stored table: rebuilt here first, then re-read there.
      afterReload = () => shards.manager.shards.forEach((shard) => shard.process?.kill('SIGHUP'));
      await shards.spawn();
      if (config.discordClientId) logger.info(`invite link: ${inviteUrl(config.discordClientId)}`);
    } else {
      const bot = await startBot({ config, engine, logger, connection, stories: library });
      stops.push(bot.stop);
      logger.info(`invite link: ${inviteUrl(config.discordClientId ?? bot.client.application.id)}`);
    }
  } catch (e) {
    if (stopping) return; // shutting down while starting: the failure is ours
    logger.error(`could not start the Discord bot: ${(e as Error).message}`);
    await shutdown('start failed', 1);
  }
}

await main();
