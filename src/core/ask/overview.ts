/**
 * Story-level views over the fact table: disagreements between sources, questions the
 * table can answer (for autocomplete, /help and the overview page), and each fact with
 * the other sources that agree or disagree (for the viewer).
 */
import type { Answer, Citation, Conflict, Fact } from '../types.js';
import type { FactTable, FactView } from '../types.js';
import type { QTerm } from './question.js';
import type { SearchIndex } from './search.js';
import { citationFor } from './links.js';

import { synonymsOf, table } from '../lexicon.js';
import { uniq } from '../values.js';

const DIMENSION_NAMES: Record<string, string> = table({
  count: 'number of', money: 'amount for', length: 'length of', height: 'height of', width: 'width of', depth: 'depth of',
  thickness: 'thickness of', distance: 'distance of', age: 'age of', percent: 'share of', duration: 'duration of',
});

/** "Do the sources disagree on …": claims whose values conflict across sources. */
export function answerDisagreement(question: string, topic: QTerm[], table: FactTable, index: SearchIndex, publicUrl: string): Answer {
  const facts = new Map(table.facts.map((f) => [f.id, f]));
  const wanted = topic.map((t) => t.term);
  const disputed = table.claims.filter((c) => c.groups.length >= 2);
  // Claims about the thing named ("the number of vehicles") first; a bare measure ("the numbers") matches by kind.
  const bySubject = disputed.filter((c) => wanted.some((w) => w === c.subject || synonymsOf(w).has(c.subject) || synonymsOf(c.subject).has(w)));
  const relevant = !wanted.length ? disputed
    : bySubject.length ? bySubject
    : disputed.filter((c) => wanted.some((w) => w === c.attribute || (DIMENSION_NAMES[c.attribute] ?? '').split(' ').includes(w)));
  const total = table.articles.length;
  if (!relevant.length) {
    const topicText = wanted.length ? ` on ${wanted.join(' ')}` : '';
    // Measure words added by the matcher ("money", "magnitude") need not appear in the text.
    const supported = topic.filter((t) => t.weight > 1 || t.name).every((t) => index.supports(t));
    return {
      question, answered: supported, intent: 'disagreement', agree: total, total,
      answer: supported ? `No disagreement found${topicText}: where several of the ${total} sources give a figure, their figures agree.` : "The coverage doesn't say.",
      citations: [], conflicts: [],
    };
  }
  const citeFact = (id: string): Citation | undefined => {
    const f = facts.get(id);
    const a = f && table.articles.find((x) => x.id === f.article);
    const s = a?.sentences[f!.sentence];
    return a && s ? citationFor(a, s.start, s.end, publicUrl) : undefined;
  };
  const conflicts: Conflict[] = [];
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const c of relevant.slice(0, 5)) {
    const [main, ...others] = c.groups;
    const what = `${DIMENSION_NAMES[c.attribute] ?? c.attribute} ${c.subject}`.trim();
    lines.push(`${what}: ${main!.value} (${main!.sources.length} source${main!.sources.length === 1 ? '' : 's'}) vs ${others.map((o) => `${o.value} (${o.sources.length})`).join(', ')}`);
    // Cite every side: one snippet per source on the main value, then the dissenters.
    for (const g of c.groups) {
      const seen = new Set<string>();
      for (const id of g.facts) {
        const f = facts.get(id);
        if (!f || seen.has(f.article) || citations.some((x) => x.source === f.article)) continue;
        seen.add(f.article);
        const cite = citeFact(id);
        if (cite) citations.push(cite);
      }
    }
    for (const o of others) {
      conflicts.push({ value: o.value, sources: o.sources, attribution: facts.get(o.facts[0]!)?.attribution, citations: o.facts.slice(0, 3).map(citeFact).filter((x): x is Citation => Boolean(x)) });
    }
  }
  return {
    question, answered: true, intent: 'disagreement', total,
    answer: `Yes, ${relevant.length} disagreement${relevant.length === 1 ? '' : 's'}: ${lines.join('; ')}.`,
    value: String(relevant.length), citations, conflicts,
  };
}

/**
 * Natural questions built from the most-reported facts, each kept only when the engine's answer
 * to it is the fact it was built from (a suggestion is a promise: "this one works").
 */
export function buildSuggestions(table: FactTable, ask: (q: string) => Answer): { question: string; answer: Answer }[] {
  const candidates: { question: string; right: (a: Answer) => boolean }[] = [];
  const add = (question: string, right: (a: Answer) => boolean) => {
    if (!candidates.some((c) => c.question === question)) candidates.push({ question, right });
  };
  const is = (intent: Answer['intent']) => (a: Answer) => a.intent === intent;
  // The chat-style questions first: they only appear once the engine answers them as asked.
  add('What happened?', is('summary'));
  for (const c of table.claims.slice(0, 30)) {
    const subject = c.subject;
    if (!/^[a-z][a-z-]+$/.test(subject)) continue;
    const expected = c.groups[0]?.value;
    // Right when the answer leads with the claim's best-supported value.
    const right = (a: Answer) => Boolean(expected && a.value && sameValue(a.value, expected));
    if (c.attribute === 'count') add(`How many ${plural(subject)} are there?`, right);
    else if (c.attribute === 'length') add(`How long is the ${subject}?`, right);
    else if (c.attribute === 'height') add(`How tall is the ${subject}?`, right);
    else if (c.attribute === 'width') add(`How wide is the ${subject}?`, right);
    else if (c.attribute === 'money') add(`How much does the ${subject} cost?`, right);
    else if (c.attribute === 'age') add(`How old is ${subject}?`, right);
  }
  const speakers = new Map<string, number>();
  const people = new Map<string, number>();
  for (const f of table.facts) {
    if (f.kind === 'quote' && f.attribution && /^[A-Z]/.test(f.attribution)) speakers.set(f.attribution, (speakers.get(f.attribution) ?? 0) + 1);
    if (f.kind === 'entity' && f.attribute === 'person' && f.description) people.set(String(f.value), (people.get(String(f.value)) ?? 0) + 1);
  }
  const names = (a: Answer, name: string) => (a.value ?? '').toLowerCase().includes(name.toLowerCase());
  for (const [name] of [...people.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) add(`Who is ${name}?`, (a) => names(a, name));
  for (const [name] of [...speakers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) add(`What did ${name} say?`, (a) => a.intent === 'quote' && names(a, name));
  const mentioned = new Map<string, Set<string>>();
  for (const f of table.facts) {
    if (f.kind === 'entity' && f.attribute !== 'person' && String(f.value).length > 3) {
      const s = mentioned.get(String(f.value)) ?? new Set<string>();
      s.add(f.article);
      mentioned.set(String(f.value), s);
    }
  }
  for (const [name, where] of [...mentioned.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 6)) {
    add(`Which sources mention ${name}?`, (a) => a.intent === 'coverage' && Number(a.value) >= where.size);
  }
  add('Do the sources disagree on the numbers?', is('disagreement'));
  add('Show the timeline', is('timeline'));
  const out: { question: string; answer: Answer }[] = [];
  for (const c of candidates) {
    const answer = ask(c.question);
    if (answer.answered && c.right(answer)) out.push({ question: c.question, answer });
    if (out.length >= 60) break;
  }
  return out;
}

/** Two shown values are the same when they match ignoring case, spacing and hedges. */
function sameValue(a: string, b: string): boolean {
  const norm = (v: string) => v.toLowerCase().replace(/\b(some|about|approximately|around|nearly|up to|more than|at least)\b/g, '').replace(/\s+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

function plural(noun: string): string {
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/**
 * Each sentence's facts with the other sources that agree or disagree. The agreement index is
 * built once per table; the returned function answers per article.
 */
export function factViewIndex(table: FactTable): (id: string) => Record<number, FactView[]> {
  const inClaim = new Map<string, { agree: string[]; disagree: string[] }>();
  for (const c of table.claims) {
    c.groups.forEach((g, gi) => {
      const others = c.groups.filter((_, k) => k !== gi).flatMap((o) => o.sources);
      for (const fid of g.facts) inClaim.set(fid, { agree: g.sources, disagree: uniq(others) });
    });
  }
  const byValue = new Map<string, Set<string>>();
  const key = (f: Fact) => `${f.kind}|${f.kind === 'quantity' ? `${f.attribute}|${f.subject}|${f.value}` : String(f.value).toLowerCase()}`;
  for (const f of table.facts) {
    if (f.kind === 'date' && !f.value) continue;
    const s = byValue.get(key(f)) ?? new Set<string>();
    s.add(f.article);
    byValue.set(key(f), s);
  }
  const byArticle = new Map<string, Fact[]>();
  for (const f of table.facts) {
    const list = byArticle.get(f.article);
    if (list) list.push(f);
    else byArticle.set(f.article, [f]);
  }
  return (id) => {
    const out: Record<number, FactView[]> = {};
    for (const f of byArticle.get(id) ?? []) {
      const claim = inClaim.get(f.id);
      const agree = claim ? claim.agree : [...(byValue.get(key(f)) ?? [])];
      (out[f.sentence] ??= []).push({
        fact: f,
        label: f.label,
        agreeWith: agree.filter((s) => s !== id).sort(),
        disagreeWith: (claim?.disagree ?? []).filter((s) => s !== id).sort(),
      });
    }
    return out;
  };
}
