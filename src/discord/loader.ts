/** Loads slash command modules from `commands/`, checking each one's shape. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../core/types.js';
import type { Command } from './command.js';

/** The repository's `commands/` folder. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

/** Returns why `mod` is not a command module, or undefined when it is one. */
export function commandShapeProblem(mod: unknown): string | undefined {
  if (!mod || typeof mod !== 'object') return `expected a module object, found ${typeof mod}`;
  const m = mod as Record<string, unknown>;
  const data = m.data as Record<string, unknown> | undefined;
  const missing: string[] = [];
  if (!data || typeof data !== 'object') missing.push('data (a SlashCommandBuilder)');
  else {
    if (typeof data.name !== 'string' || !data.name) missing.push('data.name');
    if (typeof data.toJSON !== 'function') missing.push('data.toJSON()');
  }
  if (typeof m.execute !== 'function') missing.push('execute(interaction, ctx)');
  for (const opt of ['autocomplete', 'button'] as const) {
    if (m[opt] !== undefined && typeof m[opt] !== 'function') missing.push(`${opt} to be a function`);
  }
  if (missing.length === 0) return undefined;
  return `expected exports { data, execute }; missing or wrong: ${missing.join(', ')} (found exports: ${Object.keys(m).join(', ') || 'none'})`;
}

/**
 * Imports every `.ts`/`.js` file in `dir` and returns the valid commands by name. Files that
 * are not command modules, fail to import, or repeat a name are warned about and skipped.
 */
export async function loadCommands(dir: string, logger: Logger): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
  for (const file of files) {
    const full = path.join(dir, file);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
    } catch (e) {
      logger.warn(`skipping command file ${file}: it failed to load`, { error: (e as Error).message });
      continue;
    }
    const candidate = mod.default && !mod.data && !mod.execute ? mod.default : mod;
    const problem = commandShapeProblem(candidate);
    if (problem) {
      logger.warn(`skipping command file ${file}: ${problem}`);
      continue;
    }
    const command = candidate as unknown as Command;
    if (commands.has(command.data.name)) {
      logger.warn(`skipping command file ${file}: a command named /${command.data.name} is already loaded`);
      continue;
    }
    commands.set(command.data.name, command);
  }
  logger.debug('commands loaded', { commands: [...commands.keys()] });
  return commands;
}
