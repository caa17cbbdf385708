/** Builds the fact table from raw articles: clean → nlp → extract → align. */
import type { RawArticle } from './types.js';
import type { Nlp } from './nlp.js';
import { SCHEMA_VERSION, type FactTable } from './engine.js';

/** Builds the whole fact table for a corpus; `hash` identifies the corpus contents. */
export function buildFactTable(raws: RawArticle[], hash: string, nlp: Nlp): FactTable {
  void nlp;
  // Placeholder until the extraction pipeline lands (issue 2, in progress).
  return {
    schema: SCHEMA_VERSION,
    hash,
    builtAt: new Date().toISOString(),
    articles: raws.map((r) => ({
      id: r.id, raw: r.raw, title: r.meta.title ?? r.id, outlet: r.meta.outlet, published: r.meta.published,
      url: r.meta.url, furniture: [], sentences: [], words: 0, wireShare: 0, wireWith: [],
    })),
    facts: [],
    claims: [],
  };
}
