/**
 * Rendering a scored answer for people: the lead value, how many sources agree, the competing
 * values as conflicts, and one verbatim citation per source.
 */
import type { Answer, Article, Citation, Conflict, Fact } from '../types.js';
import type { Question } from './question.js';
import type { SentenceRef } from './search.js';
import { citationFor } from './links.js';
import { clockTime, inCurrency, uniq } from '../values.js';
import { independence, independenceNote } from '../outlets.js';

/** What every face shows when the coverage does not answer a question. */
export const NOT_SAID = "The coverage doesn't say.";

/** A fact found in a candidate sentence, scored against the question. */
export interface Scored {
  fact: Fact;
  ref: SentenceRef;
  score: number;
  /** The value shown and grouped on (a name for person answers drawn from attributions). */
  value: string;
  /** How well the fact's type fits the question (1 = exactly what was asked). */
  fit: number;
  /** The sentence has the question's verbs (the event asked about), when it has any. */
  event?: boolean;
  /** Only agrees with the answer (gives its figure or name), which was read from other facts. */
  agreeing?: boolean;
}

/** A shown value without what is shown beside it in parentheses: "Ann Lowe (a nurse)" → "Ann Lowe". */
export function bareValue(value: string): string {
  return value.replace(/\s*\(.*$/, '');
}

/** What a fact's value is grouped on: a figure with its unit, a day (or an unresolved one's words), a name in lower case. */
export function valueKey(f: Fact): string {
  if (f.kind === 'quantity') return `${f.unit}:${f.value}`;
  if (f.kind === 'date') return f.value ? String(f.value) : `~${f.description ?? f.surface}`;
  return String(f.value).toLowerCase();
}

/** The answer for the best group of facts, with the competing groups as conflicts. */
export function render(q: Question, total: number, publicUrl: string, main: Scored[], conflictGroups: Scored[][]): Answer {
  const sources = uniq(main.map((s) => s.ref.article.id));
  const lead = pickLead(main);
  const value = displayValue(q, lead, main);
  const attributions = uniq(main.map((s) => s.fact.attribution).filter((a): a is string => Boolean(a)));
  const per = attributions.length && q.intent !== 'quote' && q.intent !== 'person' ? ` (per ${attributions.slice(0, 2).join(', ')})` : '';
  const agreeing = sources.length === total && total > 1 ? `${total} of ${total} sources agree` : `${sources.length} of ${total} source${total === 1 ? '' : 's'} report${sources.length === 1 ? 's' : ''} it`;
  // Wire copy counts once: "5 of 5 sources agree: 2 independent reports (AFP wire in 4)".
  const note = independenceNote(independence(uniqueArticles(main)));
  const agree = note ? `${agreeing}: ${note}` : agreeing;
  const conflicts: Conflict[] = conflictGroups.map((g) => {
    const l = pickLead(g);
    return {
      value: displayValue(q, l, g),
      sources: uniq(g.map((s) => s.ref.article.id)),
      attribution: l.fact.attribution,
      citations: uniqueCitations(g, publicUrl),
    };
  });
  let text = `${value}${per} — ${agree}.`;
  conflicts.forEach((c, i) => {
    // A source never counts on both sides: one already counted above that also cites this value is not "another source".
    const own = uniqueArticles(conflictGroups[i]!).filter((a) => !sources.includes(a.id));
    const who = c.attribution ? ` (${c.attribution})` : '';
    if (!own.length) {
      const k = c.sources.length;
      text += ` ${k === 1 ? 'One of those sources also cites' : `${k} of those sources also cite`} ${c.value}${who}.`;
      return;
    }
    const ownNote = independenceNote(independence(own));
    const n = own.length === 1 ? 'One other source' : `${own.length} other sources`;
    text += ` ${n} report${own.length === 1 ? 's' : ''} ${c.value}${who}${ownNote ? `, ${ownNote}` : ''}.`;
  });
  return {
    question: q.text,
    answered: true,
    intent: q.intent,
    answer: text,
    value,
    agree: sources.length,
    total,
    citations: uniqueCitations(main, publicUrl, lead),
    ...(main.some((s) => s.agreeing) ? { readFrom: uniqueArticles(main.filter((s) => !s.agreeing)).length } : {}),
    conflicts,
  };
}

/** The articles of a group, each once, in order of first appearance. */
function uniqueArticles(group: Scored[]): Article[] {
  const seen = new Map<string, Article>();
  for (const s of group) if (!seen.has(s.ref.article.id)) seen.set(s.ref.article.id, s.ref.article);
  return [...seen.values()];
}

/** The fact to show for a group: an exact, non-hedged value from the best-scored sentence. */
function pickLead(group: Scored[]): Scored {
  // For quotes, the fullest version of the words (sources quote the same line at different lengths).
  if (group[0]!.fact.kind === 'quote') return [...group].sort((a, b) => String(b.fact.value).length - String(a.fact.value).length || b.score - a.score)[0]!;
  // Among the best-supported facts, an exact figure reads better than a hedged one.
  const best = Math.max(...group.map((s) => s.score));
  const strong = group.filter((s) => s.score >= best * 0.9);
  // And a figure more of the group's sources give reads better than one a bound holds ("up to 95 mph"
  // in three sources over "more than 80 mph" in one).
  const sources = new Map<string, Set<string>>();
  for (const s of group) sources.set(s.value, (sources.get(s.value) ?? new Set()).add(s.ref.article.id));
  const count = (s: Scored) => sources.get(s.value)!.size;
  return strong.sort((a, b) => Number(Boolean(a.fact.approx)) - Number(Boolean(b.fact.approx)) || count(b) - count(a) || b.score - a.score)[0]!;
}

function displayValue(q: Question, lead: Scored, group: Scored[]): string {
  const f = lead.fact;
  if (f.kind === 'date') {
    // The most precise date the group's sources give ("on March 14" over "next month").
    // Only among the best-supported facts: a precise date from a weaker sentence may be another event.
    // The most precise date every reasonably supported one lies within ("9 April 2019" over
    // "April 2019"; "April 2019" when the sources give different days in it).
    const top = Math.max(...group.map((s) => s.score));
    const byPrecision = [...group].filter((s) => s.fact.value).sort((a, b) => String(b.fact.value).length - String(a.fact.value).length || b.score - a.score);
    const supported = byPrecision.filter((s) => s.score >= top * 0.6);
    const resolved = (supported.find((s) => supported.every((o) => String(s.fact.value).startsWith(String(o.fact.value))))
      ?? byPrecision.find((s) => supported.every((o) => String(o.fact.value).startsWith(String(s.fact.value)))))?.fact ?? byPrecision[0]?.fact;
    const phrase = f.surface.replace(/^(on|in)\s+/i, '');
    // "What time …": the time of day a source gives for the same event, with its day when known.
    const clock = q.precision === 'time' ? group.find((s) => clockTime(s.fact) !== undefined)?.fact : undefined;
    if (clock) return `${clock.surface} (${clock.timex!.startsWith('XXXX') ? 'no date given for the article' : clock.label})`;
    if (!resolved) return f.description ? `${phrase} (no date given for the article)` : phrase;
    const v = String(resolved.value);
    // A week, season or quarter reads as such ("the week of 10 July 2017", "Q1 2009"), not as the ISO date holding it.
    const shown = q.precision === 'year' ? v.slice(0, 4) : resolved.timex ? resolved.label : v;
    const said = resolved.surface.replace(/^(on|in)\s+/i, '');
    return resolved.inferred ? `${shown} (“${said}”, ${resolved.label}; inferred from the article date)` : `${shown} (“${said}”)`;
  }
  if (f.kind === 'quote') return f.attribute === 'reported' ? `${f.attribution}: ${f.value}` : `“${f.value}” — ${f.attribution ?? 'unattributed'}`;
  if (f.kind === 'entity') {
    // The full name as most sources write it, else as the best-supported sentence does ("Tim
    // Cook" over a weaker "Timothy D. Cook"; "Steve Jobs" over a bare "Jobs").
    const names = group.map((s) => String(s.fact.value));
    const words = (n: string) => Math.min(2, n.split(/\s+/).length);
    const uses = (n: string) => names.filter((x) => x === n).length;
    const best = (n: string) => Math.max(...group.filter((s) => String(s.fact.value) === n).map((s) => s.score));
    const longest = [...new Set(names)].sort((a, b) => words(b) - words(a) || uses(b) - uses(a) || best(b) - best(a) || b.length - a.length)[0]!;
    if (q.describe) {
      const all = group.map((s) => s.fact.description).filter((d): d is string => Boolean(d));
      const descs = uniq(all.some((d) => d.includes(' ')) ? all.filter((d) => d.includes(' ')) : all);
      return `${longest}: ${descs.slice(0, 2).join('; ')}`;
    }
    const desc = group.map((s) => s.fact.description).find((d) => d && d.length < 120);
    return desc ? `${longest} (${desc})` : longest;
  }
  // (A sum asked in another currency than the text's, as the text converts it: "$5.4 million (€5 million)".)
  const asked = inCurrency(f, q.currency);
  return asked.unit !== f.unit ? `${asked.label} (${f.label})` : f.label;
}

/** A group's citations, one per article, best-supported first (after `lead`, when given: the fact the value is shown from). */
function uniqueCitations(group: Scored[], publicUrl: string, lead?: Scored): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  const sorted = [...group].sort((a, b) => b.score - a.score);
  for (const s of lead ? [lead, ...sorted] : sorted) {
    if (seen.has(s.ref.article.id)) continue;
    seen.add(s.ref.article.id);
    out.push(citationFor(s.ref.article, s.ref.sentence.start, s.ref.sentence.end, publicUrl));
  }
  return out;
}

