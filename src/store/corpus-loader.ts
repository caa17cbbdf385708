/**
 * Reads a corpus folder from disk: `.txt` articles plus an optional `sources.json`.
 * Bad input never stops the load: each bad file becomes a warning naming it, and the
 * rest of the corpus still loads. Only a missing corpus folder throws.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION } from '../core/types.js';
import { isCalendarDate, readDateLine } from '../core/calendar.js';
import type { ArticleMeta, Logger, RawArticle } from '../core/types.js';

export const SOURCES_FILE = 'sources.json';
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface CorpusOptions {
  /** Files larger than this are skipped with a warning. */
  maxBytes?: number;
}

export interface Corpus {
  articles: RawArticle[];
  warnings: string[];
  /** sha256 over the loaded articles, their metadata and SCHEMA_VERSION; stable across runs. */
  hash: string;
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Article files: plain text, or web pages whose article is extracted at load. */
const ARTICLE_FILE = /\.(txt|html?)$/i;

const META_FIELDS = ['url', 'outlet', 'title', 'published'] as const;

/** Per-field validators for a `sources.json` entry; each field is checked on its own so one bad field keeps the others. */
const metaFields = {
  url: z.string().trim().url().refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL'),
  outlet: z.string().trim().min(1),
  title: z.string().trim().min(1),
  // An ISO date at any precision; a full timestamp is cut to its date.
  published: z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'expected an ISO date such as 2017-07-04, 2017-07 or 2017')
    .transform((s) => s.slice(0, 10))
    .refine(isCalendarDate, 'expected a date that exists, in a four-digit year from 1000'),
} satisfies Record<(typeof META_FIELDS)[number], z.ZodType<string, z.ZodTypeDef, unknown>>;

/** Reads the corpus folder `dir`; throws CorpusError only when `dir` is not a readable folder. */
export async function readCorpus(dir: string, logger?: Logger, opts: CorpusOptions = {}): Promise<Corpus> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const entries = await listFolder(dir);
  const warnings: string[] = [];
  const texts = new Map<string, string>();
  const pageMeta = new Map<string, ArticleMeta>();
  let sourcesPath: string | undefined;

  const txtFiles: string[] = [];
  for (const entry of entries) {
    if (entry.name === SOURCES_FILE) sourcesPath = path.join(dir, entry.name);
    else if (!entry.isFile()) logger?.debug('corpus: ignoring non-file entry', { file: entry.name });
    else if (ARTICLE_FILE.test(entry.name)) txtFiles.push(entry.name);
    else logger?.debug('corpus: ignoring file that is not .txt or .html', { file: entry.name });
  }
  txtFiles.sort(compareIds);

  // Read in parallel (a cold start reads every file to hash it), then report in file order.
  // Readability and its DOM load only for a corpus that has web pages in it.
  const html = txtFiles.some((n) => !n.toLowerCase().endsWith('.txt')) ? await import('./html-article.js') : undefined;
  const results = await mapLimit(txtFiles, 32, async (name) => {
    const read = await readArticle(path.join(dir, name), name, maxBytes);
    if (!html || 'skipped' in read || name.toLowerCase().endsWith('.txt')) return read;
    try {
      const page = html.htmlToArticle(read.text);
      return { ...read, text: page.text, meta: page.meta };
    } catch (e) {
      return { skipped: true as const, warnings: [`${name}: ${(e as Error).message}; skipped`] };
    }
  });
  txtFiles.forEach((name, i) => {
    const id = name.slice(0, -path.extname(name).length);
    const result = results[i]!;
    if ('skipped' in result) warnings.push(...result.warnings);
    // "/sources/." and "/sources/.." are rewritten by every URL parser (even as %2E), so no link could reach them.
    else if (id === '.' || id === '..') warnings.push(`${name}: the id "${id}" cannot have a viewer link (a path segment of dots); rename the file; skipped`);
    else if (texts.has(id)) warnings.push(`${name}: another file already has the id "${id}"; skipped`);
    else {
      warnings.push(...result.warnings);
      texts.set(id, result.text);
      if ('meta' in result && result.meta) pageMeta.set(id, result.meta);
    }
  });

  const meta = sourcesPath ? await readSources(sourcesPath, new Set(texts.keys()), warnings, maxBytes) : new Map<string, ArticleMeta>();

  const ids = [...texts.keys()].sort(compareIds);
  // What a web page says about itself fills in what sources.json leaves out.
  const articles: RawArticle[] = ids.map((id) => ({ id, raw: texts.get(id)!, meta: { ...pageMeta.get(id), ...meta.get(id) } }));
  if (articles.length === 0) warnings.push(`${dir}: no readable .txt or .html articles found`);
  logger?.debug('corpus: loaded', { dir, articles: articles.length, warnings: warnings.length });
  return { articles, warnings, hash: hashCorpus(articles) };
}

/** Orders ids by UTF-16 code units, so the order never depends on the machine's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function listFolder(dir: string) {
  let info;
  try {
    info = await stat(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CorpusError(
      code === 'ENOENT'
        ? `Corpus folder not found: ${dir} (expected a folder of .txt articles)`
        : `Cannot read corpus folder ${dir}: ${(e as Error).message}`,
    );
  }
  if (!info.isDirectory()) throw new CorpusError(`Corpus path is not a folder: ${dir} (expected a folder of .txt articles, found a file)`);
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new CorpusError(`Cannot list corpus folder ${dir}: ${(e as Error).message}`);
  }
}

/** Runs `fn` over `items` with at most `limit` at a time; results keep the order of `items`. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type ArticleRead = { text: string; warnings: string[] } | { skipped: true; warnings: string[] };

/** Reads and decodes one article; an unusable file gives only a warning naming it. */
async function readArticle(file: string, name: string, maxBytes: number): Promise<ArticleRead> {
  const skip = (msg: string): ArticleRead => ({ skipped: true, warnings: [`${name}: ${msg}`] });
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > maxBytes) return skip(`${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit for one article; skipped`);
    bytes = await readFile(file);
  } catch (e) {
    return skip(`unreadable (${(e as Error).message}); skipped`);
  }
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') return skip(`looks like a binary file, not text (${decoded.why}); skipped`);
  // Offsets index the stored text, so line endings are normalized once, here, and never again.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return skip(`empty${bytes.length ? ' (only whitespace)' : ''}; skipped`);
  const warnings = decoded.note ? [`${name}: ${decoded.note}`] : [];
  const badDate = impossibleDateLine(text);
  if (badDate) warnings.push(`${name}: ${badDate}`);
  return { text, warnings };
}

/** A `date` line or a dateline near the top that names no real day ("date 2017-02-30"): it gives no date. */
function impossibleDateLine(text: string): string | undefined {
  for (const line of text.split('\n', 8)) {
    const token = /^\s*date\s+(\d[\d-]*)(?![\w-])/i.exec(line)?.[1];
    const written = token ?? (line.length < 80 ? readDateLine(line) : undefined);
    if (written === undefined) continue;
    if (isCalendarDate(written)) return undefined;
    const shown = JSON.stringify(token ? `date ${token.slice(0, 20)}` : line.trim());
    return `${shown} is not a date that exists (expected YYYY-MM-DD in a four-digit year from 1000); the article loads without it`;
  }
  return undefined;
}

type Decoded = { kind: 'text'; text: string; note?: string } | { kind: 'binary'; why: string };

/** Decodes UTF-8 (BOM stripped), UTF-16 with a BOM, or, failing UTF-8, Windows-1252 with a note. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(new TextDecoder('utf-16le').decode(bytes), 'UTF-16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(new TextDecoder('utf-16be').decode(bytes), 'UTF-16');
  if (bytes.includes(0)) return { kind: 'binary', why: 'contains NUL bytes' };
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const decoded = checkText(decodeWindows1252(bytes));
    if (decoded.kind === 'binary') return decoded;
    return { ...decoded, note: 'not valid UTF-8; read as Windows-1252 (Latin-1) instead — check accented characters, or save the file as UTF-8' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, €); undefined bytes stay C1 controls.
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Decodes Windows-1252 by hand: Node 20's TextDecoder treats that label as plain Latin-1. */
function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return s;
}

function checkText(text: string, encoding?: string): Decoded {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  if (text.includes('\0')) return { kind: 'binary', why: 'contains NUL characters' };
  if (text.length > 0 && control / text.length > 0.05) {
    return { kind: 'binary', why: `${Math.round((100 * control) / text.length)}% control characters` };
  }
  return { kind: 'text', text, note: encoding ? `read as ${encoding} (byte-order mark found); UTF-8 is preferred` : undefined };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

/**
 * Opens `file` only if it is a regular file of at most `maxBytes`: never through a symbolic
 * link (which could point at /dev/zero or at a file outside the corpus), never waiting on a
 * FIFO. Returns the bytes, or what is wrong with the file (without any of its content).
 */
async function readRegularFile(file: string, maxBytes: number): Promise<{ bytes: Buffer } | { problem: string }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: 'is a symbolic link, not a regular file in the corpus folder' };
    return { problem: `is unreadable (${code ?? (e as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'a device';
      return { problem: `is ${kind}, not a regular file` };
    }
    if (info.size > maxBytes) return { problem: `is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit` };
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return { bytes: buffer.subarray(0, bytesRead) };
  } catch (e) {
    return { problem: `is unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    await handle.close();
  }
}

/** Where JSON.parse stopped, as line and column, without the text it quotes. */
function jsonErrorAt(e: Error, text: string): string {
  const position = /at position (\d+)/.exec(e.message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${Number(position) - before.lastIndexOf('\n')}`;
}

/**
 * Reads `sources.json`, keeping every valid field of every entry for a known article;
 * anything else becomes a warning that says what was expected and what was found — its kind,
 * never the file's content.
 */
async function readSources(file: string, ids: Set<string>, warnings: string[], maxBytes: number): Promise<Map<string, ArticleMeta>> {
  const out = new Map<string, ArticleMeta>();
  const say = (msg: string) => warnings.push(`${SOURCES_FILE}: ${msg}`);
  const read = await readRegularFile(file, maxBytes);
  if ('problem' in read) {
    say(`${read.problem}; ignored, articles load without metadata`);
    return out;
  }
  const decoded = decode(read.bytes);
  if (decoded.kind === 'binary') {
    say(`looks like a binary file (${decoded.why}); ignored, articles load without metadata`);
    return out;
  }
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (e) {
    say(`not valid JSON${jsonErrorAt(e as Error, decoded.text)}; ignored, articles load without metadata`);
    return out;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    say(`expected an object keyed by article id ({ "<id>": { "url", "outlet", "title", "published" } }), found ${describe(data)}; ignored`);
    return out;
  }

  const unknownIds: string[] = [];
  for (const [id, entry] of Object.entries(data)) {
    if (!ids.has(id)) {
      unknownIds.push(id);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      say(`entry "${id}": expected an object with url, outlet, title, published; found ${describe(entry)}; ignored`);
      continue;
    }
    const meta: ArticleMeta = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (!(META_FIELDS as readonly string[]).includes(key)) {
        say(`entry "${id}": unknown field "${key}" (expected one of ${META_FIELDS.join(', ')}); ignored`);
        continue;
      }
      const field = key as (typeof META_FIELDS)[number];
      if (value === null || value === undefined || value === '') continue;
      const parsed = metaFields[field].safeParse(value);
      if (parsed.success) meta[field] = parsed.data;
      else say(`entry "${id}", field "${field}": ${parsed.error.issues[0]?.message ?? 'invalid'}, found ${describe(value)}; ignored`);
    }
    out.set(id, meta);
  }
  if (unknownIds.length) {
    const shown = unknownIds.slice(0, 5).map((i) => `"${i}"`).join(', ');
    say(`${unknownIds.length} entr${unknownIds.length === 1 ? 'y names no' : 'ies name no'} loaded article (${shown}${unknownIds.length > 5 ? ', …' : ''}); ignored — keys must be .txt file names without the extension`);
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string of ${v.length} character${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** The cache key of a corpus: what was loaded (ids, text, metadata) and the fact-table schema. */
export function hashCorpus(articles: RawArticle[]): string {
  const h = createHash('sha256');
  h.update(`schema ${SCHEMA_VERSION}\0`);
  for (const a of articles) {
    h.update(a.id).update('\0').update(a.raw).update('\0');
    // Fixed field order so that reordering keys in sources.json does not change the hash.
    h.update(JSON.stringify(META_FIELDS.map((f) => a.meta[f] ?? null))).update('\0');
  }
  return h.digest('hex');
}
