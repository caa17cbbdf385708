/**
 * `npm run deploy-commands`: registers the slash commands in `commands/` with Discord — on one
 * server when DISCORD_GUILD_ID is set (instant, for development), else globally (propagates
 * lazily). Run it when commands change, not on every start.
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfigFromEnvironment } from '../config.js';
import { createLogger } from '../logger.js';
import { COMMANDS_DIR, loadCommands } from './loader.js';

try {
  const config = loadConfigFromEnvironment();
  const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
  if (!config.discordToken || !config.discordClientId) {
    process.stderr.write(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID (the Application ID on the General Information page of\n' +
        'https://discord.com/developers/applications). Put them in .env (see .env.example) and run it again.\n',
    );
    process.exit(2);
  }
  const commands = await loadCommands(COMMANDS_DIR, logger);
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(config.discordToken);
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  const where = config.discordGuildId ? `on server ${config.discordGuildId} (available now)` : 'globally (may take a while to appear)';
  process.stdout.write(`Registered ${saved.length} commands ${where}: ${saved.map((c) => '/' + c.name).join(', ')}\n`);
} catch (e) {
  process.stderr.write(`${e instanceof ConfigError ? e.message : `deploy-commands failed: ${(e as Error).message}`}\n`);
  process.exit(1);
}
