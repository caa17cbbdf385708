/**
 * `npm start`: the bot on Discord (one process, or a ShardingManager when SHARDS is set) plus the
 * snippet viewer; without a token, guidance and a terminal chat on the same commands.
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
  const logger = createLogger(config.logLevel);
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

  // PORT=0 asks for a free port; citation links must name the one actually used.
  if (config.port === 0) {
    const port = await freePort(config.webHost);
    config = { ...config, port, publicUrl: /:0$/.test(config.publicUrl) ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl };
  }

  // Built once here, before any shard exists: shards then only read the stored table.
  const engine = await loadEngine({ corpusDir: config.corpusDir, dataDir: config.dataDir, publicUrl: config.publicUrl, logger }).catch((e: unknown) => {
    if (!(e instanceof CorpusError)) throw e;
    process.stderr.write(`${e.message}\nSet CORPUS_DIR in .env or the environment to a folder of .txt articles (see .env.example).\n`);
    process.exit(1);
  });
  // CORPUS_DIR is the default story; more live in DATA_DIR/stories (/story on Discord, /story in the chat, npm run story).
  const stories = openStoryLibrary(config, logger, { engine });
  const web = await startWebServer({ engine, port: config.port, host: config.webHost, logger, stories }).catch((e: Error) => {
    logger.warn(`snippet viewer not started: ${e.message} (set PORT to a free port)`);
    return undefined;
  });

  if (web) stops.push(() => web.close());
  stops.push(async () => stories.close());
  if (!config.discordToken) {
    process.stdout.write(guidance(config));
    await runChat({ engine, input: process.stdin, output: process.stdout, stories });
    await shutdown('chat ended');
    return;
  }
  try {
    if (config.shards) {
      const shards = createShards({ config, logger });
      stops.push(shards.stop);
      await shards.spawn();
      if (config.discordClientId) logger.info(`invite link: ${inviteUrl(config.discordClientId)}`);
    } else {
      const bot = await startBot({ config, engine, logger, stories });
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
