/**
 * Persists fact tables, keyed by corpus hash. A file adapter (lowdb, one compact JSON file
 * per hash in DATA_DIR) and an in-memory one. A stored table that cannot be trusted — cut
 * short, a flipped bit (each file ends with a sha256 of its content), or a shape the engine
 * cannot serve (table-schema.ts) — is reported and treated as missing, so the caller rebuilds
 * it; loading never crashes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { SCHEMA_VERSION, type FactTable } from '../core/types.js';
import type { Logger } from '../core/types.js';
import { tableProblem } from './table-schema.js';

export interface FactStore {
  /** The stored table for this corpus hash, or undefined when absent or unusable. */
  load(hash: string): Promise<FactTable | undefined>;
  save(table: FactTable): Promise<void>;
}

export interface FileStoreOptions {
  /** How many table files to keep in the folder (most recently written first); older ones are removed. */
  keep?: number;
  /** Opens the temp file a table is written to (tests inject faults: short writes, a full disk). */
  openForWrite?: OpenForWrite;
  /** Temp files of writers that are gone, or older than this, are removed on start (default one hour). */
  staleTempMs?: number;
}

/** The part of a FileHandle a table writer uses. */
export interface WriteTarget {
  write(buffer: Uint8Array, offset: number, length: number, position: null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}
export type OpenForWrite = (file: string) => Promise<WriteTarget>;

/** A stored file whose content is not what was written (cut short, altered). */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
}

/** Saving failed and nothing was replaced: the previous table, if any, is still the stored one. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
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
  const db = (file: string) => new Low<FactTable | null>(new CompactJsonFile<FactTable>(file, opts.openForWrite), null);
  let swept: Promise<void> | undefined;
  const sweep = () => (swept ??= pruneTempFiles(dataDir, opts.staleTempMs ?? 3_600_000, logger));

  return {
    async load(hash) {
      await sweep();
      const file = path.join(dataDir, tableFileName(hash));
      const low = db(file);
      try {
        await low.read();
      } catch (e) {
        const why = e instanceof IntegrityError ? (e as Error).message : `is ${e instanceof SyntaxError ? 'not valid JSON' : 'unreadable'} (${(e as Error).message})`;
        logger?.warn(`fact store: ${file} ${why}; rebuilding it`);
        return undefined;
      }
      if (low.data === null) return undefined;
      const problem = checkTable(low.data, hash) ?? tableProblem(low.data);
      if (problem) {
        logger?.warn(`fact store: ${file} ${problem}; rebuilding it`);
        return undefined;
      }
      logger?.debug('fact store: loaded', { file });
      return low.data;
    },

    async save(table) {
      await mkdir(dataDir, { recursive: true });
      await sweep();
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
 * This one writes compact JSON in 64 kB chunks to a temp file, then renames it into place.
 */
export class CompactJsonFile<T extends object> implements Adapter<T | null> {
  constructor(
    private readonly file: string,
    private readonly openForWrite: OpenForWrite = (f) => open(f, 'w'),
  ) {}

  /**
   * The stored object, or null when there is no file. The file must end with the checksum
   * its writer computed over everything before it; anything else is an IntegrityError.
   */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const tail = bytes.subarray(Math.max(0, bytes.length - 128)).toString('latin1');
    const m = CHECKSUM_TAIL.exec(tail);
    if (!m) throw new IntegrityError(`has no checksum at its end (${bytes.length} bytes: cut short, or written by an older version)`);
    const bodyEnd = bytes.length - (tail.length - m.index);
    const actual = createHash('sha256').update(bytes.subarray(0, bodyEnd)).digest('hex');
    if (actual !== m[1]) throw new IntegrityError(`fails its checksum (content altered or damaged since it was written)`);
    // The body is the object without its closing brace: put one over the comma before the checksum
    // and decode up to it. (Appending '}' to the decoded text made JSON.parse copy all of it again.)
    bytes[bodyEnd] = 0x7d;
    return JSON.parse(bytes.toString('utf8', 0, bodyEnd + 1)) as T;
  }

  /**
   * Writes compact JSON ending in `"checksum":"<sha256 of what precedes it>"` to a temp file,
   * checks every byte was written, fsyncs it, renames it into place and fsyncs the folder. On
   * any failure the temp file is removed and the file in place is untouched.
   */
  async write(data: T | null): Promise<void> {
    if (data === null) return;
    // Unique per writer, so concurrent processes never write into the same temp file.
    const tmp = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
    let written = 0;
    let fh: WriteTarget | undefined;
    try {
      fh = await this.openForWrite(tmp);
      const target = fh;
      const hash = createHash('sha256');
      const putBytes = async (bytes: Uint8Array, hashed = true) => {
        if (hashed) hash.update(bytes);
        for (let off = 0; off < bytes.length; ) {
          const { bytesWritten } = await target.write(bytes, off, bytes.length - off, null);
          if (!(bytesWritten > 0)) throw Object.assign(new Error(`wrote ${bytesWritten} of ${bytes.length - off} bytes`), { code: 'ENOSPC' });
          off += bytesWritten;
          written += bytesWritten;
        }
      };
      // Each piece of JSON is encoded straight into one reused buffer, written out when it holds a
      // chunk: no joined chunk string to flatten, no new buffer per chunk (a chunk of text with curly
      // quotes, two bytes a character, was a large object of its own).
      const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
      let used = 0;
      const flush = async () => {
        if (used) await putBytes(scratch.subarray(0, used));
        used = 0;
      };
      // Synchronous while the buffer has room (a UTF-16 unit takes at most 3 bytes of UTF-8); the
      // promise it returns otherwise must be awaited before the next piece. `comma` goes first.
      const put = (text: string, comma = false): Promise<void> | undefined => {
        if (comma && used < SCRATCH_BYTES) scratch[used++] = 0x2c;
        else if (comma) return flush().then(() => put(text, true));
        if (text.length * 3 <= SCRATCH_BYTES - used) {
          used += scratch.write(text, used, 'utf8');
          return used >= CHUNK ? flush() : undefined;
        }
        return flush().then(() => (text.length * 3 <= SCRATCH_BYTES ? void (used += scratch.write(text, 0, 'utf8')) : putBytes(Buffer.from(text, 'utf8'))));
      };
      await put('{');
      let first = true;
      for (const [key, value] of Object.entries(data)) {
        if (key === 'checksum') continue;
        const whole = Array.isArray(value) ? '' : JSON.stringify(value);
        if (whole === undefined) continue;
        await put(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        if (!Array.isArray(value)) {
          await put(whole);
          continue;
        }
        await put('[');
        for (let i = 0; i < value.length; i++) {
          // Awaited only when a write is due: a hundred thousand facts need not wait a tick each.
          const pending = put(JSON.stringify(value[i]) ?? 'null', i > 0);
          if (pending) await pending;
        }
        await put(']');
      }
      await flush();
      await putBytes(Buffer.from(`,"checksum":"${hash.digest('hex')}"}`, 'utf8'), false);
      await target.sync();
      fh = undefined;
      await target.close();
      const size = (await stat(tmp)).size;
      if (size !== written) throw Object.assign(new Error(`the temp file holds ${size} of ${written} bytes written`), { code: 'EIO' });
      await rename(tmp, this.file);
    } catch (e) {
      await fh?.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'no space left on the device' : (e as Error).message;
      throw new StoreWriteError(`could not write ${this.file}: ${why} (after ${formatBytes(written)}); the previous table, if any, is unchanged`, code);
    }
    await syncFolder(path.dirname(this.file));
  }
}

/**
 * Bytes of JSON gathered before each write, in a buffer with room for one more piece. Small on
 * purpose: when chunks were joined strings, 1 MB ones were born in the old generation (over V8's
 * 128 kB regular-object limit) and left the whole table's JSON (50 MB at 2,000 articles) dead there.
 */
const CHUNK = 1 << 16;
const SCRATCH_BYTES = 1 << 18;
const TEMP_SUFFIX = '.tmp';
const CHECKSUM_TAIL = /,"checksum":"([0-9a-f]{64})"\}\s*$/;

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

/** Makes a rename durable: fsync on the folder. Platforms that cannot open a folder for it skip this. */
async function syncFolder(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // The rename itself is done; some platforms cannot fsync a folder, and that is all this loses.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * Removes temp files that writers left behind when they were killed mid-write: those whose
 * process is gone, and any older than `staleMs` (a pid can be reused). A live writer's file stays.
 */
async function pruneTempFiles(dataDir: string, staleMs: number, logger?: Logger): Promise<void> {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter((n) => n.startsWith(FILE_PREFIX) && n.endsWith(TEMP_SUFFIX));
  } catch {
    return;
  }
  let removed = 0;
  let bytes = 0;
  for (const name of names) {
    const file = path.join(dataDir, name);
    try {
      const pid = Number(/\.(\d+)-[0-9a-f]+\.tmp$/.exec(name)?.[1]);
      const info = await stat(file);
      if (alive(pid) && Date.now() - info.mtimeMs < staleMs) continue;
      await unlink(file);
      removed++;
      bytes += info.size;
    } catch {
      // Its writer finished (renamed it) or another process removed it first.
    }
  }
  if (removed) logger?.info(`fact store: removed ${removed} temp file(s) left by interrupted writes (${formatBytes(bytes)})`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
