/**
 * ALLOWED_GUILDS: the bot stays only in the listed servers. It leaves the others when it starts
 * (the servers it is already in) and whenever it is added to one, with a log line for each.
 */
import { Events, type Client, type Guild } from 'discord.js';
import type { Logger } from '../core/types.js';

/** Register before `login()`; does nothing without a list. */
export function enforceAllowList(client: Client, allowed: readonly string[] | undefined, logger: Logger): void {
  if (!allowed) return;
  const ids = new Set(allowed);
  const check = async (guild: Guild, when: string) => {
    if (ids.has(guild.id)) return;
    logger.info(`leaving server "${guild.name}" (${guild.id}): it is not in ALLOWED_GUILDS`, { guild: guild.id, when });
    try {
      await guild.leave();
    } catch (e) {
      logger.error(`could not leave server ${guild.id}`, { guild: guild.id, error: e instanceof Error ? e.message : String(e) });
    }
  };
  client.on(Events.ClientReady, (c) => {
    for (const guild of c.guilds.cache.values()) void check(guild, 'start');
  });
  client.on(Events.GuildCreate, (guild) => void check(guild, 'added'));
}
