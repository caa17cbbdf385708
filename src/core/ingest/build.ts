/** Builds the fact table from raw articles: clean → nlp → extract → align. */
import type { Article, Fact, RawArticle } from '../types.js';
import type { Nlp } from '../nlp.js';
import { SCHEMA_VERSION, type FactTable } from '../types.js';
import { extractArticle } from './extract.js';
import { alignClaims, detectWireCopy, findAliases, relatedArticles } from './align.js';

/** Builds the whole fact table for a corpus; `hash` identifies the corpus contents. */
export function buildFactTable(raws: RawArticle[], hash: string, nlp: Nlp, onError?: (id: string, err: unknown) => void): FactTable {
  const articles: Article[] = [];
  const facts: Fact[] = [];
  for (const raw of raws) {
    try {
      const x = extractArticle(raw, nlp);
      articles.push(x.article);
      facts.push(...x.facts);
    } catch (err) {
      // One odd article must not cost the corpus: report it and go on.
      onError?.(raw.id, err);
    }
  }
  detectWireCopy(articles);
  return {
    schema: SCHEMA_VERSION,
    hash,
    builtAt: new Date().toISOString(),
    articles,
    facts,
    claims: alignClaims(facts, relatedArticles(articles), Object.fromEntries(articles.map((a) => [a.id, a.published]))),
    aliases: findAliases(articles, facts),
  };
}
