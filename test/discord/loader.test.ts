/** The command loader: real command modules load; anything else is warned about by file name. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS_DIR, loadCommands } from '../../src/discord/loader.js';
import { memoryLogger } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coverage-bot-commands-'));
  const good = (name: string) => `export const data = { name: '${name}', toJSON() { return { name: '${name}', description: 'd' }; } };\nexport async function execute() {}\n`;
  await writeFile(path.join(dir, 'good.mjs'), good('good'));
  await writeFile(path.join(dir, 'default.mjs'), `export default { data: { name: 'viadefault', toJSON() { return {}; } }, async execute() {} };\n`);
  await writeFile(path.join(dir, 'again.mjs'), good('good'));
  await writeFile(path.join(dir, 'no-execute.mjs'), `export const data = { name: 'half', toJSON() { return {}; } };\n`);
  await writeFile(path.join(dir, 'helper.mjs'), `export const answer = 42;\n`);
  await writeFile(path.join(dir, 'broken.mjs'), `export const = ;\n`);
  await writeFile(path.join(dir, 'notes.txt'), 'not code');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadCommands', () => {
  it('loads the five commands in commands/ without warnings', async () => {
    const logger = memoryLogger();
    const commands = await loadCommands(COMMANDS_DIR, logger);
    expect([...commands.keys()].sort()).toEqual(['ask', 'help', 'sources', 'story', 'timeline']);
    expect(logger.lines.filter((l) => l.startsWith('[warn]'))).toEqual([]);
    for (const c of commands.values()) expect(c.data.toJSON().description).toBeTruthy();
  });

  it('keeps valid modules and warns, naming the file, about everything else', async () => {
    const logger = memoryLogger();
    const commands = await loadCommands(dir, logger);
    expect([...commands.keys()].sort()).toEqual(['good', 'viadefault']);
    const warnings = logger.lines.filter((l) => l.startsWith('[warn]')).join('\n');
    expect(warnings).toMatch(/no-execute\.mjs: .*execute/);
    expect(warnings).toMatch(/helper\.mjs: expected exports \{ data, execute \}/);
    expect(warnings).toMatch(/broken\.mjs: it failed to load/);
    expect(warnings).toMatch(/good\.mjs: a command named \/good is already loaded/);
    expect(warnings).not.toContain('notes.txt');
  });
});
