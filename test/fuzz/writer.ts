/**
 * A child process for the kill -9 suite: saves the table in TABLE again and again to the store
 * in DATA, with builtAt = the round number, saying "saving N" before and "saved N" after each.
 */
import { readFile } from 'node:fs/promises';
import { createFileStore } from '../../src/store/fact-store.js';
import type { FactTable } from '../../src/core/types.js';

const [tablePath, dataDir] = process.argv.slice(2) as [string, string];
const table = JSON.parse(await readFile(tablePath, 'utf8')) as FactTable;
const store = createFileStore(dataDir);
for (let round = 1; ; round++) {
  process.stdout.write(`saving ${round}\n`);
  await store.save({ ...table, builtAt: String(round) });
  process.stdout.write(`saved ${round}\n`);
}
