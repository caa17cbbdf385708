/**
 * Extraction: one article in, its sentences and typed facts out. Runs wink-nlp once
 * per paragraph of the cleaned text; chrono-node only on sentences that may hold a date.
 */
import type { Article, Fact, RawArticle } from '../types.js';
import type { Nlp } from '../nlp.js';
import { clean, maskFurniture } from './clean.js';
import { analyze, type AnalyzedSentence } from './analyze.js';
import { chunk, dateAnchor, readFrames, type Tok } from '../syntax.js';
import type { Tense } from './dates.js';
import { clauseTense } from './tense.js';
import { humanTimex, isCalendarDate, isoOfTimex, tagTimex } from './timex.js';
import { findQuantities } from './quantities.js';
import { findAttribution, findNames, findQuotes } from './names.js';
import { SPEECH_VERBS } from '../lexicon.js';
import { headlineCased } from '../terms.js';

export interface Extracted {
  article: Article;
  facts: Fact[];
}

/** Cleans, reads and extracts one article. Never throws on odd text: worst case, no facts. */
export function extractArticle(raw: RawArticle, nlp: Nlp): Extracted {
  const cleaned = clean(raw.raw, raw.meta);
  const masked = maskFurniture(raw.raw, cleaned.furniture);
  const analyzed = analyze(masked, cleaned.paragraphs, nlp);
  const published = cleaned.published;
  const facts: Fact[] = [];
  let lastSpeaker: string | undefined;
  // Capitals in a headline-cased line mark no names: a run from one is a name only when the
  // article's running text writes it the same way ("Crane Operator Charged" never is).
  const headlines = new Set(analyzed.filter((s) => headlineCased(s.text)));
  // Joined only for an article that has a headline-cased line (most have none).
  let runningText: string | undefined;
  const inRunningText = (name: string) => (runningText ??= analyzed.filter((s) => !headlines.has(s)).map((s) => s.text).join('\n')).includes(name);
  let openQuote: { start: number; paragraph: number } | undefined;
  let words = 0;

  for (const s of analyzed) {
    // The same characters cut from the raw text when no furniture was blanked inside the sentence:
    // dates, figures and quotes keep slices of this text, and a slice keeps its whole parent alive,
    // the raw text (kept anyway) rather than a masked copy of the article.
    const fromRaw = raw.raw.slice(s.sentence.start, s.sentence.end);
    if (fromRaw === s.text) s.text = fromRaw;
    for (const t of s.tokens) if (t.type === 'word' || t.type === 'number') words++;
    const sentenceFacts: Fact[] = [];
    const add = adder(sentenceFacts, raw.id, s.sentence.index);
    const names = findNames(s.tokens);
    const attribution = findAttribution(s.tokens, names);
    let speaker = attribution?.speaker;
    if (attribution?.pronoun || (speaker && /^(statement|the statement|it|he|she|they)$/i.test(speaker))) {
      // A pronoun speaks for the name before it in the same sentence, else for the last speaker.
      const before = names.filter((n) => n.last < attribution!.at && (n.type === 'organization' || n.type === 'person'));
      speaker = before[0]?.value ?? lastSpeaker ?? speaker;
    }
    if (speaker) s.sentence.attribution = speaker;
    // Chunked once, for the frames and for what each date anchors to.
    const chunks = lazy(() => chunk(s.tokens));
    const frames = readFrames(s.tokens, chunks);
    // A copy at its length: the pushed array keeps room for more, and the table keeps one per
    // sentence (7 MB of slack at 2,000 articles).
    if (frames.length) s.sentence.frames = frames.slice();

    // Dates first: their tokens are not quantities. Durations, sets and references stay out of
    // the date facts (a duration is a quantity; "now" is no date to answer with).
    const dateTokens = new Set<number>();
    let sentenceTime: string | undefined;
    const base = s.sentence.start;
    const dates = tagTimex(s.text, published, (a, b) => clauseTense(s.tokens, base + a, base + b)).filter(isCalendarDate);
    const verb = dates.length ? mainVerb(s.tokens) ?? '' : '';
    for (const d of dates) {
      const start = s.sentence.start + d.start;
      const end = s.sentence.start + d.end;
      for (let k = firstTokenAt(s.tokens, start); k < s.tokens.length && s.tokens[k]!.start < end; k++) {
        if (s.tokens[k]!.end <= end) dateTokens.add(k);
      }
      // "reported in 2009", "said on Tuesday" date the report, not what it reports.
      const at = firstTokenAt(s.tokens, start);
      let last = at;
      while (last + 1 < s.tokens.length && s.tokens[last + 1]!.end <= end) last++;
      const before = s.tokens.slice(Math.max(0, at - 3), at);
      const datesReport = before.some((t) => SPEECH_VERBS.has(t.lemma) || t.lemma === 'statement');
      const value = isoOfTimex(d.value);
      if (value && !datesReport) sentenceTime ??= value;
      const resolved = !d.value.startsWith('XXXX');
      add({
        kind: 'date', attribute: 'event', subject: dateAnchor(s.tokens, at, last, chunks()) ?? verb, value, span: { start, end },
        surface: d.text, label: resolved ? humanTimex(d.value) : d.text, inferred: d.inferred,
        description: d.weekday, attribution: speaker, timex: d.value !== value && d.value !== 'XXXX-XX-XX' ? d.value : undefined,
      });
    }
    // (Over the tokens as the chunker reads them: the tagger's known slips repaired.)
    for (const q of findQuantities(chunks().toks, dateTokens)) {
      add({
        kind: 'quantity', attribute: q.attribute, subject: q.subject, value: q.value, unit: q.unit, range: q.range,
        approx: q.approx || undefined, span: { start: s.tokens[q.first]!.start, end: s.tokens[q.last]!.end },
        surface: s.text.slice(s.tokens[q.first]!.start - s.sentence.start, s.tokens[q.last]!.end - s.sentence.start), label: q.label,
        description: q.explicit ? undefined : 'implicit', attribution: speaker, qualifier: q.qualifier, per: q.per, converted: q.converted,
      });
    }
    for (const n of names) {
      if (headlines.has(s) && !inRunningText(n.value)) continue;
      add({
        kind: 'entity', attribute: n.type, subject: n.kindNoun, value: n.value,
        span: { start: s.tokens[n.first]!.start, end: s.tokens[n.last]!.end }, surface: n.value, label: n.value,
        description: n.description, attribution: speaker,
      });
    }
    // A quote opened in an earlier sentence of the paragraph and closed in this one.
    const edge = quoteEdges(s.text, openQuote !== undefined && openQuote.paragraph === s.sentence.paragraph);
    if (openQuote && openQuote.paragraph === s.sentence.paragraph && edge.closesAt !== undefined) {
      const end = s.sentence.start + edge.closesAt;
      const text = raw.raw.slice(openQuote.start, end).replace(/[\s,]+$/, '');
      if (text.split(/\s+/).length >= 3) {
        add({
          kind: 'quote', attribute: 'quote', subject: (speaker ?? lastSpeaker ?? '').toLowerCase(), value: text.replace(/\s+/g, ' '),
          span: { start: openQuote.start, end: openQuote.start + text.length }, surface: text, label: `“${text}”`,
          description: speaker ?? lastSpeaker, attribution: speaker ?? lastSpeaker,
        });
      }
      openQuote = undefined;
    }
    if (edge.opensAt !== undefined) openQuote = { start: s.sentence.start + edge.opensAt, paragraph: s.sentence.paragraph };
    else if (openQuote && openQuote.paragraph !== s.sentence.paragraph) openQuote = undefined;
    for (const q of findQuotes(s.text)) {
      add({
        kind: 'quote', attribute: 'quote', subject: (speaker ?? lastSpeaker ?? '').toLowerCase(), value: q.text,
        span: { start: s.sentence.start + q.start, end: s.sentence.start + q.end }, surface: q.text, label: `“${q.text}”`,
        description: speaker ?? lastSpeaker, attribution: speaker ?? lastSpeaker,
      });
    }
    if (sentenceTime) for (const f of sentenceFacts) if (f.kind !== 'date') f.time = sentenceTime;
    facts.push(...sentenceFacts);
    if (attribution && !attribution.pronoun) lastSpeaker = speaker;
  }

  const lead = published ? leadEvent(analyzed, facts, cleaned.titleSpan) : undefined;
  const article: Article = {
    id: raw.id,
    raw: raw.raw,
    title: cleaned.title ?? firstWords(analyzed),
    outlet: cleaned.outlet,
    published,
    publishedFrom: raw.meta.published ? 'sources.json' : cleaned.publishedFrom,
    url: raw.meta.url,
    furniture: cleaned.furniture,
    sentences: analyzed.map((s) => s.sentence),
    words,
    wireShare: 0,
    wireWith: [],
  };
  if (lead !== undefined) article.leadEvent = lead;
  return { article, facts };
}

// The two closures each sentence needs, made by functions: under tsx (esbuild's keepNames) a
// function expression assigned to a name, `const add = (f) => …`, has its name set by a run-time
// call each time it is made (some 250 ns, and no escape analysis), where a returned one has none.

/** Adds a fact to a sentence's list, with its id, article and sentence. */
function adder(sentenceFacts: Fact[], article: string, sentence: number): (f: Omit<Fact, 'id' | 'article' | 'sentence'>) => void {
  return (f) => {
    const fact = f as Fact;
    // Joined, not a template literal: that leaves a chain of four concatenation cells per id
    // (9 MB of a 2,000-article table) where one flat string will do.
    fact.id = [article, '#', sentence, '.', sentenceFacts.length].join('');
    fact.article = article;
    fact.sentence = sentence;
    sentenceFacts.push(fact);
  };
}

/** `make()` the first time it is asked for, the same value after. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Quote marks a sentence leaves unbalanced: where a quote opens and runs on past the sentence,
 * and where a quote opened earlier closes.
 */
function quoteEdges(text: string, open: boolean): { opensAt?: number; closesAt?: number } {
  let depth = 0;
  let closesAt: number | undefined;
  let openedAt: number | undefined;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_QUOTE) {
      depth++;
      openedAt = i + 1;
    } else if (c === CLOSE_QUOTE) {
      if (depth === 0 && closesAt === undefined) closesAt = i;
      else depth = Math.max(0, depth - 1);
    } else if (c === STRAIGHT_QUOTE) {
      straight++;
      if (straight % 2 === 1) openedAt = i + 1;
    }
  }
  // An odd count of straight quotes: the first one closes a quote left open before, or the last one opens one.
  if (straight % 2 === 1 && depth === 0) return open ? { closesAt: closesAt ?? text.indexOf('"') } : { opensAt: openedAt };
  return { closesAt, opensAt: depth > 0 ? openedAt : undefined };
}

const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;
const STRAIGHT_QUOTE = 0x22;

/** Past unless the sentence looks ahead ("will", "next", "is set to"). */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll']);
const FUTURE_TO = new Set(['going', 'set', 'scheduled', 'due', 'expected']);
const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re', 'has', 'does']);

export function tenseOf(tokens: Tok[]): Tense {
  let past = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX' && !FUTURE_TO.has(t.lower)) continue;
    if (FUTURE_AUX.has(t.lower)) return 'future';
    if (FUTURE_TO.has(t.lower) && tokens[k + 1]?.lower === 'to') return 'future';
    if (!past && t.lower !== t.lemma && !t.lower.endsWith('ing') && !PRESENT_FORMS.has(t.lower) && t.lower !== `${t.lemma}s` && t.lower !== `${t.lemma}es`) past = true;
  }
  return past ? 'past' : 'present';
}

/**
 * The lead sentence (the first full sentence of the body), when it tells a past event and
 * gives it no date: news leads report what just happened, so the article date places it.
 */
function leadEvent(analyzed: AnalyzedSentence[], facts: Fact[], title: { start: number; end: number } | undefined): number | undefined {
  const lead = analyzed.find((s) => {
    if (title && s.sentence.start < title.end && title.start < s.sentence.end) return false;
    const words = s.tokens.filter((t) => t.type === 'word').length;
    return words >= 8 && /[.!?"”’]$/.test(s.text.trim());
  });
  if (!lead) return undefined;
  if (facts.some((f) => f.kind === 'date' && f.sentence === lead.sentence.index)) return undefined;
  if (lead.tokens.some((t) => t.type === 'punctuation' && /^["“”]$/.test(t.v))) return undefined;
  return tenseOf(lead.tokens) === 'past' ? lead.sentence.index : undefined;
}

/** Index of the first token starting at or after `offset` (tokens are in text order). */
function firstTokenAt(tokens: Tok[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mainVerb(tokens: Tok[]): string | undefined {
  const v = tokens.find((t) => t.pos === 'VERB' && !/^(say|tell|add|report)$/.test(t.lemma));
  return v?.lemma;
}

function firstWords(analyzed: AnalyzedSentence[]): string {
  const first = analyzed[0]?.text.trim() ?? '';
  if (first.length <= 90) return first;
  return first.slice(0, 87).replace(/\s+\S*$/, '') + '…';
}
