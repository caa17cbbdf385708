/**
 * "What happened?": the events most sources lead with. The frames of each article's opening
 * sentences are grouped across articles by verb (or a WordNet synonym) and shared participants;
 * the groups most articles report become the summary, each shown as a verbatim sentence with its
 * sources. Nothing is written that a source did not write.
 */
import type { Answer, Citation, Frame, WordNet } from '../types.js';
import type { SearchIndex, SentenceRef } from './search.js';
import { citationFor } from './links.js';
import { LIGHT_VERBS, SPEECH_VERBS } from '../lexicon.js';

/** How many opening sentences of an article count as its lead. */
const LEAD_SENTENCES = 4;
const MAX_EVENTS = 4;
const MAX_SNIPPET = 220;

interface Event {
  ref: SentenceRef;
  frame: Frame;
  words: Set<string>;
}

/** Answers "what happened" from the most widely reported lead events, or undefined when there are none. */
export function answerSummary(question: string, index: SearchIndex, publicUrl: string, wn?: WordNet): Answer | undefined {
  const chosen = leadEvents(index, wn);
  if (!chosen.length) return undefined;
  const sourcesOf = (g: Event[]) => new Set(g.map((e) => e.ref.article.id));
  const total = index.table.articles.length;
  const citations: Citation[] = [];
  const lines = chosen.map((g, i) => {
    const lead = g[0]!;
    const text = lead.ref.article.raw.slice(lead.ref.sentence.start, lead.ref.sentence.end).replace(/\s+/g, ' ');
    citations.push(citationFor(lead.ref.article, lead.ref.sentence.start, lead.ref.sentence.end, publicUrl));
    const n = sourcesOf(g).size;
    return `${i + 1}. ${text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET).replace(/\s+\S*$/, '')}…` : text} (${n} of ${total} sources)`;
  });
  return {
    question, answered: true, intent: 'summary', value: `${chosen.length} events`,
    agree: Math.max(...chosen.map((g) => sourcesOf(g).size)), total,
    answer: `What the coverage reports most: ${lines.join(' ')}`,
    citations, conflicts: [],
  };
}

/**
 * The story's own event, as a question can ask of it ("when did it happen?"): the lead event most
 * sources report, as "who did what" words (its doer, or "they" when its sentence names none; its
 * verb; its object), or undefined when the coverage has none.
 */
export function mainEventWords(index: SearchIndex, wn?: WordNet): string | undefined {
  const lead = leadEvents(index, wn)[0]?.[0];
  if (!lead) return undefined;
  const raw = lead.ref.article.raw;
  // (A sentence's capital is no name's: "Two men" is asked as "two men".)
  const text = (a: Frame['agent']) => {
    if (!a) return undefined;
    const words = raw.slice(a.start, a.end).replace(/\s+/g, ' ');
    const first = words.split(' ')[0]!;
    return a.name?.split(' ').includes(first) ? words : `${first[0]!.toLowerCase()}${words.slice(1)}`;
  };
  return [text(lead.frame.agent) ?? 'they', lead.frame.verb, text(lead.frame.patient) ?? ''].join(' ').trim();
}

/**
 * The lead events most sources report, most reported first: each a group whose first is its shown
 * sentence. Read once per search index (grouping a large corpus's leads takes seconds).
 */
function leadEvents(index: SearchIndex, wn?: WordNet): Event[][] {
  let read = LEAD_EVENTS.get(index);
  if (!read) {
    read = readLeadEvents(index, wn);
    LEAD_EVENTS.set(index, read);
  }
  return read;
}
const LEAD_EVENTS = new WeakMap<SearchIndex, Event[][]>();

function readLeadEvents(index: SearchIndex, wn?: WordNet): Event[][] {
  const events: Event[] = [];
  for (const ref of index.refs) {
    if (ref.sentence.index >= LEAD_SENTENCES || ref.sentence.index === 0 && ref.article.title.startsWith(ref.article.raw.slice(ref.sentence.start, ref.sentence.end).trim())) continue;
    for (const frame of ref.sentence.frames ?? []) {
      const verb = frame.verb.split(' ')[0]!;
      if (frame.neg || frame.modal || frame.apposition || LIGHT_VERBS.has(verb) || SPEECH_VERBS.has(verb)) continue;
      if (!frame.agent && !frame.patient) continue;
      const raw = ref.article.raw;
      const words = new Set([frame.agent, frame.patient].flatMap((a) => (a ? raw.slice(a.start, a.end).toLowerCase().split(/[^\p{L}\p{N}]+/u) : [])).filter((w) => w.length > 2));
      events.push({ ref, frame, words });
    }
  }
  if (!events.length) return [];
  // (Each verb's synonyms looked up once, not once per pair of events.)
  const synonyms = new Map<string, Set<string>>();
  const synonymsOf = (verb: string) => {
    let set = synonyms.get(verb);
    if (!set) synonyms.set(verb, (set = new Set(wn ? wn.synonyms(verb, 'v', 1) : [])));
    return set;
  };
  const same = (a: Event, b: Event) => {
    const verbs = a.frame.verb === b.frame.verb || synonymsOf(a.frame.verb).has(b.frame.verb);
    return verbs && [...a.words].some((w) => b.words.has(w));
  };
  const groups: Event[][] = [];
  for (const e of events) {
    const g = groups.find((grp) => same(grp[0]!, e));
    if (g) g.push(e);
    else groups.push([e]);
  }
  const sourcesOf = (g: Event[]) => new Set(g.map((e) => e.ref.article.id));
  const ranked = groups
    .filter((g) => sourcesOf(g).size >= Math.min(2, index.table.articles.length))
    .sort((a, b) => sourcesOf(b).size - sourcesOf(a).size || a[0]!.ref.sentence.index - b[0]!.ref.sentence.index);
  // One event per sentence: a lead sentence often carries two frames of the same story.
  const chosen: Event[][] = [];
  const usedSentences = new Set<string>();
  for (const g of ranked) {
    const lead = [...g].sort((a, b) => a.ref.sentence.index - b.ref.sentence.index || (a.ref.sentence.end - a.ref.sentence.start) - (b.ref.sentence.end - b.ref.sentence.start))[0]!;
    const key = `${lead.ref.article.id}#${lead.ref.sentence.index}`;
    if (usedSentences.has(key) || g.some((e) => chosen.some((c) => c.some((x) => x.ref === e.ref)))) continue;
    usedSentences.add(key);
    chosen.push([lead, ...g.filter((e) => e !== lead)]);
    if (chosen.length >= MAX_EVENTS) break;
  }
  return chosen;
}
