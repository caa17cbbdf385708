/**
 * Persists fact tables, keyed by corpus hash. A file adapter (lowdb, one compact JSON file
 * per hash in DATA_DIR) and an in-memory one. A stored table that cannot be trusted is
 * reported and treated as missing, so the caller rebuilds it; loading never crashes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { SCHEMA_VERSION, type FactTable } from '../core/types.js';
import type { Logger } from '../core/types.js';

export interface FactStore {
  /** The stored table for this corpus hash, or undefined when absent or unusable. */
  load(hash: string): Promise<FactTable | undefined>;
  save(table: FactTable): Promise<void>;
}

export interface FileStoreOptions {
  /** How many table files to keep in the folder (most recently written first); older ones are removed. */
  keep?: number;
}

const FILE_PREFIX = 'facts-';

/** The file name of the table for `hash`: a prefix is plenty to tell corpora apart; the full hash is checked on load. */
export function tableFileName(hash: string): string {
  return `${FILE_PREFIX}${hash.slice(0, 16)}.json`;
}

/**
 * A lowdb store under `dataDir`. Writes are atomic (a temp file renamed into place), so a
 * crash mid-write leaves the old file and concurrent writers of the same table cannot interleave.
 */
export function createFileStore(dataDir: string, logger?: Logger, opts: FileStoreOptions = {}): FactStore {
  const keep = opts.keep ?? 4;
  const db = (file: string) => new Low<FactTable | null>(new CompactJsonFile<FactTable>(file), null);

  return {
    async load(hash) {
      const file = path.join(dataDir, tableFileName(hash));
      const low = db(file);
      try {
        await low.read();
      } catch (e) {
        logger?.warn(`fact store: ${file} is ${e instanceof SyntaxError ? 'not valid JSON' : 'unreadable'} (${(e as Error).message}); rebuilding it`);
        return undefined;
      }
      if (low.data === null) return undefined;
      const problem = checkTable(low.data, hash);
      if (problem) {
        logger?.warn(`fact store: ${file} ${problem}; rebuilding it`);
        return undefined;
      }
      logger?.debug('fact store: loaded', { file });
      return low.data;
    },

    async save(table) {
      await mkdir(dataDir, { recursive: true });
      const file = path.join(dataDir, tableFileName(table.hash));
      const low = db(file);
      low.data = table;
      await low.write();
      logger?.debug('fact store: saved', { file, articles: table.articles.length, facts: table.facts.length });
      await prune(dataDir, keep, file, logger);
    },
  };
}

/**
 * A lowdb adapter for large tables. Not lowdb's JSONFile: it pretty-prints, and it builds the
 * whole file as one string, which at 2,000 articles costs well over 100 MB of peak memory.
 * This one writes compact JSON in ~1 MB chunks to a temp file, then renames it into place.
 */
export class CompactJsonFile<T extends object> implements Adapter<T | null> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T | null): Promise<void> {
    if (data === null) return;
    // Unique per writer, so concurrent processes never write into the same temp file.
    const tmp = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      let buf = '{';
      let first = true;
      for (const [key, value] of Object.entries(data)) {
        const whole = Array.isArray(value) ? '' : JSON.stringify(value);
        if (whole === undefined) continue;
        buf += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        if (!Array.isArray(value)) {
          buf += whole;
          continue;
        }
        buf += '[';
        for (let i = 0; i < value.length; i++) {
          buf += (i ? ',' : '') + (JSON.stringify(value[i]) ?? 'null');
          if (buf.length > CHUNK) {
            await fh.write(buf);
            buf = '';
          }
        }
        buf += ']';
      }
      await fh.write(buf + '}');
      await fh.close();
      await rename(tmp, this.file);
    } catch (e) {
      await fh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}

const CHUNK = 1 << 20;

/** A store that lives and dies with the process: for tests and throwaway runs. */
export function createMemoryStore(): FactStore {
  const tables = new Map<string, FactTable>();
  return {
    load: async (hash) => tables.get(hash),
    save: async (table) => void tables.set(table.hash, table),
  };
}

/** Says what is wrong with a loaded value that should be the table for `hash`, or undefined when it looks right. */
export function checkTable(data: unknown, hash: string): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return `holds ${Array.isArray(data) ? 'an array' : typeof data}, expected a fact table object`;
  const t = data as Partial<Record<keyof FactTable, unknown>>;
  if (t.schema !== SCHEMA_VERSION) return `was written with schema ${JSON.stringify(t.schema)}, expected ${SCHEMA_VERSION}`;
  if (t.hash !== hash) return `belongs to corpus ${String(t.hash).slice(0, 16)}…, expected ${hash.slice(0, 16)}…`;
  for (const key of ['articles', 'facts', 'claims'] as const) {
    if (!Array.isArray(t[key])) return `has no "${key}" array`;
  }
  const bad = (t.articles as unknown[]).findIndex(
    (a) => typeof a !== 'object' || a === null || typeof (a as { id?: unknown }).id !== 'string' || typeof (a as { raw?: unknown }).raw !== 'string',
  );
  if (bad >= 0) return `has a malformed article at index ${bad} (expected { id, raw, … })`;
  return undefined;
}

/** Removes all but the `keep` most recently written table files; `current` always stays. */
async function prune(dataDir: string, keep: number, current: string, logger?: Logger): Promise<void> {
  try {
    const names = (await readdir(dataDir)).filter((n) => n.startsWith(FILE_PREFIX) && n.endsWith('.json'));
    if (names.length <= keep) return;
    const files = await Promise.all(
      names.map(async (n) => ({ file: path.join(dataDir, n), mtime: (await stat(path.join(dataDir, n))).mtimeMs })),
    );
    files.sort((a, b) => b.mtime - a.mtime);
    for (const { file } of files.slice(keep)) {
      if (file !== current) await unlink(file);
    }
  } catch (e) {
    // Another process may be pruning at the same time; a leftover file is harmless.
    logger?.debug('fact store: prune skipped', { error: (e as Error).message });
  }
}
