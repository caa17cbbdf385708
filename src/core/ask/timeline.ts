/**
 * The timeline: events, not date mentions. Dated facts are grouped into events (same date,
 * similar sentence) across sources, oldest first, each with its resolved date at its real
 * precision. Background comparisons ("the highest since 1989", "up from 2011") are not events;
 * a lead that tells a past event without a date takes the article date, marked inferred.
 */
import type { Article, Citation, Fact, TimelineEntry } from '../types.js';
import type { SearchIndex } from './search.js';
import { citationFor } from './links.js';
import { datesCompatible, uniq } from '../values.js';

interface Event {
  date: string;
  facts: Fact[];
  terms: Set<string>;
  /** Lead sentences dated by their article (no date phrase of their own). */
  leads: { article: Article; sentence: number }[];
}

/** Minimum share of content terms two sentences share to be told as one event. */
const SAME_EVENT = 0.3;
/** How many days before its article date an undated lead may join an event already dated. */
const LEAD_REACH_DAYS = 7;

/**
 * Words before a date that make it the yardstick of a comparison, not when something
 * happened: a superlative or "first time" before "since", a change before "from"/"on".
 */
const BACKGROUND: { name: string; before: RegExp }[] = [
  { name: 'a record or first since ("the highest since 1989")', before: /\b(?:\w+est|most|least|first(?:\s+time)?|record|only\s+time|lowest|highest)\b[^.;:]{0,40}\bsince\s*$/i },
  { name: 'a change measured from a year ("up from 2011")', before: /\b(?:up|down|rose|fell|increased|decreased|climbed|dropped|jumped|slipped|grew|declined|compared|against)\b[^.;:]{0,30}\b(?:from|with|to|on)\s*(?:the\s+)?(?:same\s+\w+\s+(?:of|in)\s+)?$/i },
  { name: 'a comparison with a year ("than in 2010")', before: /\bthan(?:\s+(?:in|during|on))?\s*$/i },
  { name: 'an amount a change started from ("from $5.8 billion in 2005")', before: /\bfrom\s+[$€£]?\s?[\d.,]+\s*(?:%|percent|per cent|million|billion|bn|m|points)?\s+(?:in|during|at the end of)\s*$/i },
];

function isBackground(a: Article, f: Fact): boolean {
  const before = a.raw.slice(Math.max(0, f.span.start - 60), f.span.start);
  return BACKGROUND.some((b) => b.before.test(before));
}

/** Builds timeline entries from the date facts and the undated lead events of the table. */
export function buildTimeline(index: SearchIndex, publicUrl: string): TimelineEntry[] {
  const byArticle = new Map(index.table.articles.map((a, i) => [a.id, i]));
  const articleOf = (id: string) => index.table.articles[byArticle.get(id)!]!;
  const events: Event[] = [];
  const termsOf = (article: string, sentence: number) => index.sentenceTerms[byArticle.get(article)!]![sentence]!;
  const dated = index.table.facts.filter((f) => f.kind === 'date' && !isBackground(articleOf(f.article), f));
  // Resolved dates first so that unresolved weekdays can join them.
  dated.sort((a, b) => Number(!a.value) - Number(!b.value));
  for (const f of dated) {
    const terms = termsOf(f.article, f.sentence);
    const match = events.find((e) => datesCompatible({ value: e.date }, { value: String(f.value), weekday: f.description })
      && (String(f.value).length === e.date.length || !f.value) && similarity(e.terms, terms) >= SAME_EVENT);
    if (match) {
      match.facts.push(f);
      continue;
    }
    if (!f.value) continue;
    events.push({ date: String(f.value), facts: [f], terms, leads: [] });
  }
  for (const a of index.table.articles) {
    if (a.leadEvent === undefined || !a.published || !/^\d{4}-\d{2}-\d{2}$/.test(a.published)) continue;
    const terms = termsOf(a.id, a.leadEvent);
    // The event may already be dated by another source, a few days before this article.
    const earliest = new Date(Date.parse(a.published) - LEAD_REACH_DAYS * 86_400_000).toISOString().slice(0, 10);
    const match = events.find((e) => e.date.length === 10 && e.date <= a.published! && e.date >= earliest && similarity(e.terms, terms) >= SAME_EVENT)
      ?? events.find((e) => e.date === a.published && e.facts.length === 0 && similarity(e.terms, terms) >= SAME_EVENT);
    if (match) match.leads.push({ article: a, sentence: a.leadEvent });
    else events.push({ date: a.published, facts: [], terms, leads: [{ article: a, sentence: a.leadEvent }] });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || (b.facts.length + b.leads.length) - (a.facts.length + a.leads.length));
  return events.map((e) => {
    const citations: Citation[] = [];
    const cite = (art: Article, sentence: number) => {
      if (citations.some((c) => c.source === art.id)) return;
      const sen = art.sentences[sentence]!;
      citations.push(citationFor(art, sen.start, sen.end, publicUrl));
    };
    for (const f of e.facts) cite(articleOf(f.article), f.sentence);
    for (const l of e.leads) cite(l.article, l.sentence);
    const first = e.facts.find((f) => f.value) ?? e.facts[0];
    const [a, sentence] = first ? [articleOf(first.article), first.sentence] : [e.leads[0]!.article, e.leads[0]!.sentence];
    const s = a.sentences[sentence]!;
    const time = e.facts.map((f) => /T(\d{2}:\d{2})$/.exec(f.timex ?? '')?.[1]).find(Boolean);
    const entry: TimelineEntry = {
      date: e.date,
      text: a.raw.slice(s.start, s.end),
      phrase: first ? first.surface : 'the article date',
      inferred: first ? Boolean(first.inferred) : true,
      sources: uniq([...e.facts.map((f) => f.article), ...e.leads.map((l) => l.article.id)]),
      citations,
    };
    if (time) entry.time = time;
    return entry;
  });
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const smaller = Math.min(a.size, b.size);
  return smaller ? shared / smaller : 0;
}
