/**
 * The timeline: dated facts grouped into events (same date, similar sentence) across
 * sources, oldest first, each with its resolved date at its real precision.
 */
import type { Citation, Fact, TimelineEntry } from '../types.js';
import type { SearchIndex } from './search.js';
import { citationFor } from './links.js';
import { datesCompatible, uniq } from '../values.js';

interface Event {
  date: string;
  facts: Fact[];
  terms: Set<string>;
}

/** Builds timeline entries from every date fact in the table. */
export function buildTimeline(index: SearchIndex, publicUrl: string): TimelineEntry[] {
  const byArticle = new Map(index.table.articles.map((a, i) => [a.id, i]));
  const events: Event[] = [];
  const termsOf = (f: Fact) => index.sentenceTerms[byArticle.get(f.article)!]![f.sentence]!;
  const dated = index.table.facts.filter((f) => f.kind === 'date');
  // Resolved dates first so that unresolved weekdays can join them.
  dated.sort((a, b) => Number(!a.value) - Number(!b.value));
  for (const f of dated) {
    const terms = termsOf(f);
    const match = events.find((e) => datesCompatible({ value: e.date }, { value: String(f.value), weekday: f.description })
      && (String(f.value).length === e.date.length || !f.value) && similarity(e.terms, terms) >= 0.3);
    if (match) {
      match.facts.push(f);
      continue;
    }
    if (!f.value) continue;
    events.push({ date: String(f.value), facts: [f], terms });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || b.facts.length - a.facts.length);
  return events.map((e) => {
    const first = e.facts.find((f) => f.value) ?? e.facts[0]!;
    const a = index.table.articles[byArticle.get(first.article)!]!;
    const s = a.sentences[first.sentence]!;
    const citations: Citation[] = [];
    for (const f of e.facts) {
      if (citations.some((c) => c.source === f.article)) continue;
      const art = index.table.articles[byArticle.get(f.article)!]!;
      const sen = art.sentences[f.sentence]!;
      citations.push(citationFor(art, sen.start, sen.end, publicUrl));
    }
    return {
      date: e.date,
      text: a.raw.slice(s.start, s.end),
      phrase: first.surface,
      inferred: Boolean(first.inferred),
      sources: uniq(e.facts.map((f) => f.article)),
      citations,
    };
  });
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const smaller = Math.min(a.size, b.size);
  return smaller ? shared / smaller : 0;
}
