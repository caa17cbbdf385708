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
