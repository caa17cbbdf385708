/**
 * Stories: named corpora, each with its own fact table, managed at run time. A story is a normal
 * corpus folder under `DATA_DIR/stories/<name>/` (articles as `.txt` files plus `sources.json`),
 * so everything that reads a corpus reads a story; its fact tables are a cache under
 * `DATA_DIR/tables/<name>/`. The folder `CORPUS_DIR` is the default story, served as it is on
 * disk and changed only there.
 *
 * Changes to one story run one at a time (a promise queue per story). An add analyzes only the
 * new articles (earlier extractions are reused) and re-aligns the story; until the new table is
 * complete, answers keep coming from the previous one. Tables are loaded on first use and
 * unloaded when idle, least recently used first, so many stories fit in bounded memory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine, type Engine } from '../core/engine.js';
import type { Extracted } from '../core/ingest/extract.js';
import { createNlp, type Nlp } from '../core/nlp.js';
import type { ArticleMeta, Fact, FactTable, Logger, RawArticle, WordNet } from '../core/types.js';
import { buildOrLoadTable, sharedWordNet } from '../load-engine.js';
import type { ArticleInput, IncomingArticle } from '../store/article-input.js';
import { SOURCES_FILE } from '../store/corpus-loader.js';
import { createFileStore } from '../store/fact-store.js';
import type { FetchOptions } from '../store/fetch-article.js';

/** A request about stories that cannot be done; the message is a plain sentence for people. */
export class StoryError extends Error {
  override name = 'StoryError';
}

export interface StoryLibraryOptions {
  /** Stories live in `dataDir/stories`, their tables in `dataDir/tables`. */
  dataDir: string;
  publicUrl: string;
  logger: Logger;
  nlp?: Nlp;
  /** Lexical knowledge for answering; the installed WordNet when not given. */
  wordnet?: WordNet;
  /** Rules for fetching article links (FETCH_ALLOW_HOSTS, timeouts). */
  fetch?: FetchOptions;
  /** The story CORPUS_DIR seeds; read-only here. `engine`, when given, is used instead of loading it again. */
  defaultStory?: { name: string; corpusDir: string; engine?: Engine };
  /** At most this many story tables in memory at once (the default story's included). */
  maxLoaded?: number;
  /** A table unused for this long is unloaded. */
  idleMs?: number;
  /** How often a loaded story's folder is checked for changes made elsewhere; 2 s by default. */
  recheckMs?: number;
}

export interface StoryInfo {
  name: string;
  articles: number;
  /** The story CORPUS_DIR seeds (read-only). */
  isDefault: boolean;
  /** Whether its table is in memory now. */
  loaded: boolean;
}

export interface AddResult {
  story: string;
  added: { id: string; title?: string; label: string }[];
  failed: { label: string; error: string }[];
  /** Articles in the story after the add. */
  articles: number;
}

/** Where a command was given, to find its default story. */
export interface StoryScope {
  channel?: string | null;
  guild?: string | null;
}

interface Loaded {
  engine: Engine;
  raws: RawArticle[];
  table: FactTable;
  lastUsed: number;
  /** Order of use, for least-recently-used eviction (clock time can tie). */
  tick: number;
  /** The story folder's modification time when it was read, and when that was last compared. */
  mtime: number;
  checkedAt: number;
}

/** How often a loaded story's folder is checked for changes made elsewhere (the CLI, another shard). */
const RECHECK_MS = 2000;

const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const DEFAULTS_FILE = 'defaults.json';
/** Default LRU size: a 100-article table with its search index is ~5-10 MB, so this stays far below 300 MB. */
export const DEFAULT_MAX_LOADED = 8;
export const DEFAULT_IDLE_MS = 15 * 60_000;

/** Checks a story name: lower-case letters, digits, `-` and `_`, at most 32 characters. */
export function storyName(name: string): string {
  const n = (name ?? '').trim().toLowerCase();
  if (!NAME.test(n)) throw new StoryError(`"${n.slice(0, 40)}" is not a story name (use 1-32 lower-case letters, digits, - or _, e.g. bridge-collapse)`);
  return n;
}

export class StoryLibrary {
  readonly root: string;
  private readonly tablesRoot: string;
  private readonly loaded = new Map<string, Loaded>();
  private readonly loading = new Map<string, Promise<Loaded>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private sharedNlp: Nlp | undefined;
  private readonly sweeper: NodeJS.Timeout;
  private ticks = 0;
  private defaults: { channels: Record<string, string>; guilds: Record<string, string> } | undefined;

  constructor(private readonly opts: StoryLibraryOptions) {
    this.root = path.join(opts.dataDir, 'stories');
    this.tablesRoot = path.join(opts.dataDir, 'tables');
    this.sharedNlp = opts.nlp;
    const idle = opts.idleMs ?? DEFAULT_IDLE_MS;
    this.sweeper = setInterval(() => this.unloadIdle(idle), Math.max(1000, Math.min(idle, 60_000)));
    this.sweeper.unref();
  }

  /** The wink-nlp instance, created only when a story is first loaded (the default story's engine brings its own). */
  private get nlp(): Nlp {
    this.sharedNlp ??= createNlp();
    return this.sharedNlp;
  }

  /** The name of the story CORPUS_DIR seeds, if any. */
  get defaultName(): string | undefined {
    return this.opts.defaultStory?.name;
  }

  /** Stops the idle sweeper; nothing else holds the process open. */
  close(): void {
    clearInterval(this.sweeper);
  }

  /** Every story with its article count; the default story first. */
  async list(): Promise<StoryInfo[]> {
    const out: StoryInfo[] = [];
    const d = this.opts.defaultStory;
    if (d) out.push({ name: d.name, articles: await countArticles(d.corpusDir), isDefault: true, loaded: true });
    for (const name of await this.names()) {
      if (name === d?.name) continue;
      out.push({ name, articles: await countArticles(this.dir(name)), isDefault: false, loaded: this.loaded.has(name) });
    }
    return out;
  }

  /** Story names, sorted (the default story's first); cheap enough for autocomplete. */
  async names(): Promise<string[]> {
    let entries: string[] = [];
    try {
      entries = (await readdir(this.root, { withFileTypes: true })).filter((e) => e.isDirectory() && NAME.test(e.name)).map((e) => e.name).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const d = this.defaultName;
    return d ? [d, ...entries.filter((n) => n !== d)] : entries;
  }

  async exists(name: string): Promise<boolean> {
    if (name === this.defaultName) return true;
    return isDir(this.dir(name));
  }

  /** Makes an empty story. */
  async create(raw: string): Promise<string> {
    const name = storyName(raw);
    if (await this.exists(name)) throw new StoryError(`there is already a story named ${name}`);
    await mkdir(this.dir(name), { recursive: true });
    this.opts.logger.info(`story created: ${name}`);
    return name;
  }

  /**
   * Adds articles (links, files, uploads) to a story. Inputs that fail are reported one by one
   * and the others still land; the story is re-aligned once, reusing every earlier extraction.
   */
  async add(raw: string, inputs: ArticleInput[]): Promise<AddResult> {
    const name = await this.writable(raw);
    if (inputs.length === 0) throw new StoryError('give at least one link or file to add');
    // Readability and its DOM load on the first add, not with every start of the bot.
    const { isInputError, readArticleInput } = await import('../store/article-input.js');
    // Fetched and converted before taking the story's turn, so a slow site holds up no other change.
    const read = await Promise.all(inputs.map((input) => readArticleInput(input, this.opts.fetch).then((a) => ({ a }), (e: unknown) => ({ e, input }))));
    return this.serialize(name, async () => {
      const failed: AddResult['failed'] = [];
      const incoming: IncomingArticle[] = [];
      for (const r of read) {
        if ('a' in r) incoming.push(r.a);
        else if (isInputError(r.e)) failed.push({ label: inputLabel(r.input), error: r.e.message });
        else throw r.e;
      }
      if (incoming.length === 0) return { story: name, added: [], failed, articles: await countArticles(this.dir(name)) };

      const previous = await this.state(name);
      const dir = this.dir(name);
      const taken = new Set(await articleIds(dir));
      const duplicates = new Map(previous.raws.map((r) => [r.raw, r.id]));
      let next = nextNumber(taken);
      const added: AddResult['added'] = [];
      const meta: Record<string, ArticleMeta> = {};
      for (const a of incoming) {
        const same = duplicates.get(a.text);
        if (same) {
          failed.push({ label: a.label, error: `the story already has this article (${same})` });
          continue;
        }
        const id = `${String(next++).padStart(3, '0')}_${a.stem}`;
        await writeAtomic(path.join(dir, `${id}.txt`), a.text);
        duplicates.set(a.text, id);
        meta[id] = a.meta;
        added.push({ id, title: a.meta.title ?? firstLine(a.text), label: a.label });
      }
      if (added.length) {
        await this.updateSources(dir, (sources) => Object.assign(sources, meta));
        await this.rebuild(name, previous);
      }
      this.opts.logger.info(`story ${name}: added ${added.length} article(s)`, { failed: failed.length });
      return { story: name, added, failed, articles: await countArticles(dir) };
    });
  }

  /** Removes one article (by id) from a story and re-aligns it. */
  async removeArticle(raw: string, id: string): Promise<{ story: string; removed: string; articles: number }> {
    const name = await this.writable(raw);
    return this.serialize(name, async () => {
      const dir = this.dir(name);
      const ids = await articleFiles(dir);
      const file = ids.find((f) => f.replace(/\.(txt|html?)$/i, '') === id.trim());
      if (!file) throw new StoryError(`story ${name} has no article ${id.trim()} (/sources story:${name} shows the ids)`);
      const previous = await this.state(name);
      await unlink(path.join(dir, file));
      await this.updateSources(dir, (sources) => void delete sources[id.trim()]);
      await this.rebuild(name, previous);
      this.opts.logger.info(`story ${name}: removed article ${id.trim()}`);
      return { story: name, removed: id.trim(), articles: await countArticles(dir) };
    });
  }

  /** Deletes a story, its articles and its tables. */
  async delete(raw: string): Promise<string> {
    const name = await this.writable(raw);
    return this.serialize(name, async () => {
      this.loaded.delete(name);
      await rm(this.dir(name), { recursive: true, force: true });
      await rm(path.join(this.tablesRoot, name), { recursive: true, force: true });
      const defaults = await this.readDefaults();
      for (const table of [defaults.channels, defaults.guilds]) for (const [k, v] of Object.entries(table)) if (v === name) delete table[k];
      await this.writeDefaults(defaults);
      this.opts.logger.info(`story deleted: ${name}`);
      return name;
    });
  }

  /** The engine of a story, loading its table when needed. */
  async engine(raw: string): Promise<Engine> {
    return (await this.state(storyName(raw))).engine;
  }

  /**
   * Which story a command means: the one it names, else the channel's default, else the
   * server's, else the default story. Throws StoryError for a named story that does not exist.
   */
  async resolve(named: string | null | undefined, scope: StoryScope = {}): Promise<string> {
    if (named && named.trim()) {
      const name = storyName(named);
      if (!(await this.exists(name))) throw new StoryError(`there is no story named ${name} (/story list shows them)`);
      return name;
    }
    const defaults = await this.readDefaults();
    for (const candidate of [scope.channel ? defaults.channels[scope.channel] : undefined, scope.guild ? defaults.guilds[scope.guild] : undefined]) {
      if (candidate && (await this.exists(candidate))) return candidate;
    }
    if (this.defaultName) return this.defaultName;
    const [first] = await this.names();
    if (!first) throw new StoryError('there are no stories yet (/story new makes one)');
    return first;
  }

  /** Makes `name` the default story of a channel or a whole server. */
  async use(raw: string, where: 'channel' | 'server', id: string): Promise<string> {
    const name = storyName(raw);
    if (!(await this.exists(name))) throw new StoryError(`there is no story named ${name} (/story list shows them)`);
    const defaults = await this.readDefaults();
    (where === 'channel' ? defaults.channels : defaults.guilds)[id] = name;
    await this.writeDefaults(defaults);
    return name;
  }

  /** Stories whose table is in memory, most recently used last. */
  loadedNames(): string[] {
    return [...this.loaded.entries()].sort((a, b) => a[1].tick - b[1].tick).map(([n]) => n);
  }

  /**
   * Every story whose table is in memory, with its engine, for `/healthz`: the default story
   * first (served even before its first question), then the others, most recently used last.
   * Synchronous and free: nothing is read or loaded.
   */
  loadedStories(): { name: string; engine: Engine }[] {
    const d = this.opts.defaultStory;
    const out: { name: string; engine: Engine }[] = [];
    if (d?.engine) out.push({ name: d.name, engine: d.engine });
    for (const name of this.loadedNames()) {
      if (name === d?.name && d.engine) continue;
      out.push({ name, engine: this.loaded.get(name)!.engine });
    }
    return out;
  }

  /**
   * Re-reads every loaded story from disk (SIGHUP), each in its turn after changes already
   * queued, reusing the extractions of unchanged articles; a story that fails keeps its previous
   * table. Stories not in memory need nothing: they are read afresh when next used. The default
   * story is left to its owner (the live engine it was given), and channel defaults are re-read.
   * Resolves to the names that failed.
   */
  async reload(why: string): Promise<string[]> {
    this.defaults = undefined;
    const names = this.loadedNames().filter((n) => n !== this.defaultName || !this.opts.defaultStory?.engine);
    const failed: string[] = [];
    await Promise.all(
      names.map((name) =>
        this.serialize(name, async () => {
          const previous = this.loaded.get(name);
          // Unloaded or deleted meanwhile: the next use reads it as it is then.
          if (!previous || !(await isDir(this.dir(name)))) return;
          await this.rebuild(name, previous);
          this.opts.logger.info(`story ${name}: reloaded (${why})`, { articles: this.loaded.get(name)?.table.articles.length });
        }).catch((e: unknown) => {
          failed.push(name);
          this.opts.logger.error(`story ${name}: reload failed; still answering from the previous table: ${e instanceof Error ? e.message : String(e)}`);
        }),
      ),
    );
    return failed;
  }

  // ------------------------------------------------------------------ internals

  private dir(name: string): string {
    return name === this.defaultName ? this.opts.defaultStory!.corpusDir : path.join(this.root, name);
  }

  /** A story name that exists and may be changed here (not the CORPUS_DIR one). */
  private async writable(raw: string): Promise<string> {
    const name = storyName(raw);
    if (name === this.defaultName) {
      throw new StoryError(`${name} is the default story, read from CORPUS_DIR; change its files there, or make a story of your own with /story new`);
    }
    if (!(await isDir(this.dir(name)))) throw new StoryError(`there is no story named ${name} (/story new ${name} makes it)`);
    return name;
  }

  /** Runs `fn` after every earlier change to the same story has finished. */
  private serialize<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(name) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.queues.set(name, tail);
    void tail.then(() => {
      if (this.queues.get(name) === tail) this.queues.delete(name);
    });
    return run;
  }

  /** The loaded state of a story: from memory, or loaded (once, however many ask at the same time). */
  private async state(name: string): Promise<Loaded> {
    const hit = this.loaded.get(name);
    if (hit && !(await this.changedElsewhere(name, hit))) {
      hit.lastUsed = Date.now();
      hit.tick = ++this.ticks;
      return hit;
    }
    const pending = this.loading.get(name);
    if (pending) return pending;
    const d = this.opts.defaultStory;
    if (name !== d?.name && !(await isDir(this.dir(name)))) {
      this.loaded.delete(name);
      throw new StoryError(`there is no story named ${name} (/story list shows them)`);
    }
    const load = (async () => {
      const pinned = name === d?.name ? d.engine : undefined;
      const state: Loaded = pinned
        ? { engine: pinned, raws: [], table: pinned.table, lastUsed: Date.now(), tick: ++this.ticks, mtime: 0, checkedAt: Infinity }
        : await this.build(name, hit);
      this.loaded.set(name, state);
      this.evict();
      return state;
    })();
    this.loading.set(name, load);
    try {
      return await load;
    } finally {
      this.loading.delete(name);
    }
  }

  /**
   * Whether the story's folder changed since it was loaded, by someone other than this process's
   * queue (`npm run story` beside the bot, another shard). Adding or removing a file, or replacing
   * sources.json (a rename), changes the folder's modification time.
   */
  private async changedElsewhere(name: string, s: Loaded): Promise<boolean> {
    const now = Date.now();
    if (now - s.checkedAt < (this.opts.recheckMs ?? RECHECK_MS) || this.queues.has(name)) return false;
    s.checkedAt = now;
    const mtime = await folderTime(this.dir(name));
    if (mtime === s.mtime) return false;
    this.opts.logger.info(`story ${name}: changed on disk; reloading it`);
    return true;
  }

  /** Reads a story folder and loads or builds its table, reusing `previous`'s extractions. */
  private async build(name: string, previous?: Loaded): Promise<Loaded> {
    const mtime = await folderTime(this.dir(name));
    // The default story shares its stored table with `npm start` and the CLI (DATA_DIR), and the viewer's root pages.
    const isDefault = name === this.defaultName;
    const tables = isDefault ? this.opts.dataDir : path.join(this.tablesRoot, name);
    const { table, raws } = await buildOrLoadTable({
      corpusDir: this.dir(name),
      dataDir: tables,
      store: isDefault ? undefined : createFileStore(tables, this.opts.logger, { keep: 2 }),
      logger: this.opts.logger,
      nlp: this.nlp,
      reuse: previous ? reuser(previous) : undefined,
    });
    const base = this.opts.publicUrl.replace(/\/+$/, '');
    const engine = createEngine(table, this.nlp, { publicUrl: isDefault ? base : storyViewerBase(base, name), wordnet: this.opts.wordnet ?? sharedWordNet() });
    return { engine, raws, table, lastUsed: Date.now(), tick: ++this.ticks, mtime, checkedAt: Date.now() };
  }

  /** Builds the story's new table beside the old one, then swaps it in whole. */
  private async rebuild(name: string, previous: Loaded): Promise<void> {
    const next = await this.build(name, previous);
    this.loaded.set(name, next);
    this.evict();
  }

  /** Unloads the least recently used tables beyond the limit; the default story stays. */
  private evict(): void {
    const max = Math.max(1, this.opts.maxLoaded ?? DEFAULT_MAX_LOADED);
    const order = this.loadedNames().filter((n) => n !== this.defaultName);
    while (this.loaded.size > max && order.length) {
      const victim = order.shift()!;
      this.loaded.delete(victim);
      this.opts.logger.debug(`story ${victim}: table unloaded (least recently used)`);
    }
  }

  private unloadIdle(idleMs: number): void {
    const now = Date.now();
    for (const [name, s] of this.loaded) {
      if (name !== this.defaultName && now - s.lastUsed > idleMs && !this.queues.has(name)) {
        this.loaded.delete(name);
        this.opts.logger.debug(`story ${name}: table unloaded (idle)`);
      }
    }
  }

  private async updateSources(dir: string, change: (sources: Record<string, ArticleMeta>) => void): Promise<void> {
    const file = path.join(dir, SOURCES_FILE);
    let sources: Record<string, ArticleMeta> = {};
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) sources = parsed as Record<string, ArticleMeta>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.opts.logger.warn(`${file} could not be read (${(e as Error).message}); writing a new one`);
    }
    change(sources);
    for (const [id, m] of Object.entries(sources)) if (!m || Object.keys(m).length === 0) delete sources[id];
    await writeAtomic(file, JSON.stringify(sources, null, 2) + '\n');
  }

  private async readDefaults(): Promise<{ channels: Record<string, string>; guilds: Record<string, string> }> {
    if (this.defaults) return this.defaults;
    let d: { channels: Record<string, string>; guilds: Record<string, string> } = { channels: {}, guilds: {} };
    try {
      const parsed = JSON.parse(await readFile(path.join(this.root, DEFAULTS_FILE), 'utf8')) as Partial<typeof d>;
      d = { channels: { ...parsed.channels }, guilds: { ...parsed.guilds } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.opts.logger.warn(`story defaults unreadable (${(e as Error).message}); starting afresh`);
    }
    this.defaults = d;
    return d;
  }

  private async writeDefaults(d: { channels: Record<string, string>; guilds: Record<string, string> }): Promise<void> {
    this.defaults = d;
    await mkdir(this.root, { recursive: true });
    await writeAtomic(path.join(this.root, DEFAULTS_FILE), JSON.stringify(d, null, 2) + '\n');
  }
}

/** Where the viewer serves a story's pages: `PUBLIC_URL/stories/<name>`. */
export function storyViewerBase(publicUrl: string, name: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/stories/${name}`;
}

/** Earlier extractions of articles whose id, text and metadata are unchanged. */
function reuser(previous: Loaded): (raw: RawArticle) => Extracted | undefined {
  const before = new Map(previous.raws.map((r) => [r.id, r]));
  const articles = new Map(previous.table.articles.map((a) => [a.id, a]));
  const facts = new Map<string, Fact[]>();
  for (const f of previous.table.facts) {
    const list = facts.get(f.article);
    if (list) list.push(f);
    else facts.set(f.article, [f]);
  }
  return (raw) => {
    const old = before.get(raw.id);
    const article = articles.get(raw.id);
    if (!old || !article || old.raw !== raw.raw || JSON.stringify(old.meta) !== JSON.stringify(raw.meta)) return undefined;
    return { article, facts: facts.get(raw.id) ?? [] };
  };
}

/** Writes a file whole or not at all: a temp file in the same folder (not an article name), renamed into place. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

async function folderTime(dir: string): Promise<number> {
  try {
    return (await stat(dir)).mtimeMs;
  } catch {
    return -1;
  }
}

async function isDir(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function articleFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.(txt|html?)$/i.test(f) && !f.startsWith('.'));
  } catch {
    return [];
  }
}

async function articleIds(dir: string): Promise<string[]> {
  return (await articleFiles(dir)).map((f) => f.replace(/\.(txt|html?)$/i, ''));
}

async function countArticles(dir: string): Promise<number> {
  return (await articleFiles(dir)).length;
}

/** The number after the highest `NNN_` prefix in the story, so ids keep their order of arrival. */
function nextNumber(ids: Set<string>): number {
  let max = -1;
  for (const id of ids) {
    const m = /^(\d+)_/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 120);
}

function inputLabel(input: ArticleInput): string {
  return input.kind === 'url' ? input.url : input.name;
}
