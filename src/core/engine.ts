/**
 * The engine: the one object every face (CLI, Discord, web) talks to.
 * Built from a fact table; answering never touches disk or the network.
 */
import type { Answer, Article, Claim, Fact, SourceSummary, TimelineEntry } from './types.js';

export const SCHEMA_VERSION = 1;

/** Everything extracted from one corpus; what the store persists. */
export interface FactTable {
  schema: number;
  /** Hash of the corpus contents (files + sources.json); the cache key. */
  hash: string;
  builtAt: string;
  articles: Article[];
  facts: Fact[];
  claims: Claim[];
}

export interface EngineOptions {
  /** Base URL of the snippet viewer, e.g. `http://localhost:8080`. */
  publicUrl: string;
}

/** A fact as the viewer shows it: with the other sources that agree or disagree. */
export interface FactView {
  fact: Fact;
  /** Human-readable value ("2,500 m", "2017-07-02", "Brett McGurk"). */
  label: string;
  agreeWith: string[];
  disagreeWith: string[];
}

export interface ArticleView {
  article: Article;
  /** Facts per sentence index. */
  facts: Record<number, FactView[]>;
}

export interface Engine {
  readonly table: FactTable;
  ask(question: string): Answer;
  sources(): SourceSummary[];
  timeline(range?: { from?: string; to?: string }): TimelineEntry[];
  article(id: string): ArticleView | undefined;
  /** Questions the fact table can answer that contain what the user typed (autocomplete). */
  suggest(typed: string, limit?: number): string[];
  /** Facts most sources agree on, and the disagreements, for the story overview. */
  overview(): { agreed: Answer[]; disagreements: Answer[] };
}

/** Creates the engine over a fact table. (Placeholder body until issue 2's answering lands.) */
export function createEngine(table: FactTable, nlp: unknown, opts: EngineOptions): Engine {
  void nlp;
  const viewer = (id: string) => `${opts.publicUrl.replace(/\/$/, '')}/sources/${encodeURIComponent(id)}`;
  return {
    table,
    ask: (question) => ({ question, answered: false, answer: "The coverage doesn't say.", intent: 'none', citations: [], conflicts: [] }),
    sources: () => table.articles.map((a) => ({
      id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url ?? viewer(a.id), viewer: viewer(a.id),
      chars: a.raw.length, words: a.words, sentences: a.sentences.length, furniture: a.furniture.length,
      wireShare: a.wireShare, wireWith: a.wireWith,
    })),
    timeline: () => [],
    article: (id) => {
      const article = table.articles.find((a) => a.id === id);
      return article ? { article, facts: {} } : undefined;
    },
    suggest: () => [],
    overview: () => ({ agreed: [], disagreements: [] }),
  };
}
