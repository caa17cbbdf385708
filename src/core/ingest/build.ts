/** Builds the fact table from raw articles: clean → nlp → extract → align. */
import type { Article, Fact, RawArticle } from '../types.js';
import type { Nlp } from '../nlp.js';
import { SCHEMA_VERSION, type FactTable } from '../types.js';
import { extractArticle, type Extracted } from './extract.js';
import { alignClaims, detectWireCopy, findAliases, relatedArticles } from './align.js';

/**
 * Builds the whole fact table for a corpus; `hash` identifies the corpus contents. `reuse` may
 * hand back an earlier extraction of an unchanged article (extraction is per article; wire copy,
 * claims and aliases are corpus-wide and always recomputed), so adding one article to a story
 * analyzes only that article.
 */
export function buildFactTable(
  raws: RawArticle[],
  hash: string,
  nlp: Nlp,
  onError?: (id: string, err: unknown) => void,
  reuse?: (raw: RawArticle) => Extracted | undefined,
): FactTable {
  const articles: Article[] = [];
  const facts: Fact[] = [];
  for (const raw of raws) {
    try {
      const earlier = reuse?.(raw);
      // A copy: wire-copy detection below writes into the article, and the earlier table may still be serving.
      const x = earlier ? { article: { ...earlier.article, wireShare: 0, wireWith: [] }, facts: earlier.facts } : extractArticle(raw, nlp);
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
