/**
 * Concise citations for display: one citation per wire group (the others listed as "also
 * in …"), and a snippet trimmed around the fact with an ellipsis. Display only: the Answer's
 * citations and their verbatim `snippet` are never changed. Pure.
 */
import type { Article, Citation } from './types.js';
import { wireGroups } from './outlets.js';

/** Longest snippet shown before it is trimmed around the fact. */
export const SNIPPET_CHARS = 200;
const ELLIPSIS = '…';

/** What a face knows beyond the Answer: how sources are named and which share wire copy. */
export interface AnswerView {
  /** The source's name (`engine.sourceName`); the short id when not given. */
  name?: (id: string) => string;
  /** Articles with their wire links, so wire copy is cited once (`engine.table.articles`). */
  articles?: Pick<Article, 'id' | 'wireWith'>[];
}

export interface CitationGroup {
  /** The citation shown. */
  lead: Citation;
  /** Other sources carrying the same wire copy (ids), cited but not shown. */
  also: string[];
}

/**
 * Groups citations by the wire copy their articles share, keeping the citations' order:
 * each group is led by its first citation. Sources without wire copy are groups of one.
 */
export function groupCitations(citations: Citation[], articles: Pick<Article, 'id' | 'wireWith'>[]): CitationGroup[] {
  const firstOfSource = new Map<string, Citation>();
  for (const c of citations) if (!firstOfSource.has(c.source)) firstOfSource.set(c.source, c);
  const known = new Map(articles.map((a) => [a.id, a]));
  const cited = [...firstOfSource.keys()].map((id) => known.get(id) ?? { id, wireWith: [] });
  const groupOf = new Map<string, number>();
  wireGroups(cited).forEach((g, k) => g.forEach((a) => groupOf.set(a.id, k)));
  const out = new Map<number, CitationGroup>();
  for (const c of firstOfSource.values()) {
    const k = groupOf.get(c.source)!;
    const g = out.get(k);
    if (g) g.also.push(c.source);
    else out.set(k, { lead: c, also: [] });
  }
  return [...out.values()];
}

/** The words of a value worth finding in a sentence: its numbers first, then its longer words. */
function focusTerms(value: string): string[] {
  const numbers = value.match(/\d[\d,.]*\d|\d/g) ?? [];
  const words = value.replace(/[“”"()]/g, ' ').split(/\s+/).filter((w) => w.length > 3 && !/^(approximately|about|more|than|some|nearly|inferred|from|article|date|per)$/i.test(w));
  return [...numbers, ...words];
}

/**
 * The snippet as shown: whitespace collapsed, and when longer than `max`, a window around
 * the first place the `focus` value occurs (else the start), cut at word boundaries with "…".
 * The words shown are the source's own, in order.
 */
export function trimSnippet(snippet: string, focus?: string, max = SNIPPET_CHARS): string {
  const text = snippet.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  let at = -1;
  let len = 0;
  for (const term of focus ? focusTerms(focus) : []) {
    at = text.toLowerCase().indexOf(term.toLowerCase());
    if (at >= 0) {
      len = term.length;
      break;
    }
  }
  let start = at < 0 ? 0 : Math.max(0, Math.min(at - Math.floor((max - len) / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  // Cut at word boundaries, inward.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (at < 0 ? end : at)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, at + len)) end = space;
  }
  return `${start > 0 ? ELLIPSIS : ''}${text.slice(start, end).replace(/[\s,;:]+$/, '')}${end < text.length ? ELLIPSIS : ''}`;
}

/** The citation groups shown (at most `max`) and the cited sources left out (one citation each). */
export function citationPlan(citations: Citation[], articles: Pick<Article, 'id' | 'wireWith'>[] | undefined, max: number): { shown: CitationGroup[]; hidden: Citation[] } {
  const shown = groupCitations(citations, articles ?? []).slice(0, Math.max(0, max));
  const leads = new Set(shown.map((g) => g.lead.source));
  const seen = new Set<string>();
  const hidden: Citation[] = [];
  for (const c of citations) {
    if (leads.has(c.source) || seen.has(c.source)) continue;
    seen.add(c.source);
    hidden.push(c);
  }
  return { shown, hidden };
}
