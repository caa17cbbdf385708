/**
 * Questions about the coverage itself: which sources mention something, how many report a
 * figure (answered through the figure's own question), and what an acronym stands for.
 */
import type { Answer, Citation } from '../types.js';
import type { Question } from './question.js';
import type { AnswerContext } from './search.js';
import { sourceNamer } from '../outlets.js';
import { citationFor } from './links.js';
import { uniq } from '../values.js';
import { own } from '../lexicon.js';

/** "Who are the SDF?" with no description in the text: the name the corpus gives the acronym. */
export function expandAlias(q: Question, name: string, ctx: AnswerContext): Answer | undefined {
  const { index } = ctx;
  const expansions = own(index.table.aliases, name.toLowerCase());
  if (!expansions?.length) return undefined;
  const citations: Citation[] = [];
  for (const a of index.table.articles) {
    for (const s of a.sentences) {
      const text = a.raw.slice(s.start, s.end);
      if (new RegExp(`\\(${escapeRe(name)}\\)`).test(text) && expansions.some((e) => text.toLowerCase().includes(e))) {
        citations.push(citationFor(a, s.start, s.end, ctx.publicUrl));
        break;
      }
    }
  }
  if (!citations.length) return undefined;
  const full = citations[0]!.snippet.match(new RegExp(`([\\p{L}'’.\\s-]+)\\s*\\(${escapeRe(name)}\\)`, 'u'))?.[1]?.trim();
  const shown = expansions.map((e) => full && full.toLowerCase().endsWith(e) ? full.slice(full.length - e.length) : e)[0]!;
  const total = index.table.articles.length;
  return {
    question: q.text, answered: true, intent: 'person', value: shown, agree: citations.length, total, citations, conflicts: [],
    answer: `${name} stands for ${shown} — ${citations.length} of ${total} source${total === 1 ? '' : 's'} spell${citations.length === 1 ? 's' : ''} it out.`,
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Which outlets mention X", "how many sources report Y", "which sources report how high …". */
export function answerCoverage(q: Question, ctx: AnswerContext, answer: (q: Question, ctx: AnswerContext) => Answer): Answer | undefined {
  const { index } = ctx;
  const total = index.table.articles.length;
  if (q.sub && q.coverage !== 'mention') {
    const sub = answer(q.sub, ctx);
    if (!sub.answered) return undefined;
    const ids = uniq(sub.citations.map((c) => c.source));
    const name = sourceNamer(index.table.articles);
  const list = ids.map(name).join(', ');
    const head = q.coverage === 'count' ? `${ids.length} of ${total} sources` : `${ids.length} of ${total} source${total === 1 ? '' : 's'}: ${list}`;
    return { ...sub, question: q.text, intent: 'coverage', answer: `${head} — ${sub.value ?? sub.answer}.` };
  }
  const terms = q.terms;
  if (!terms.length) return undefined;
  if (terms.some((t) => !index.supports(t))) return undefined;
  const citations: Citation[] = [];
  for (const ref of index.candidates(terms, index.table.articles.length)) {
    if (citations.some((c) => c.source === ref.article.id)) continue;
    // Named things must appear as named (or respelt); common words may appear as synonyms ("Gov." for governor).
    const here = terms.every((t) => index.matchHere(ref, t) >= (t.name ? 0.9 : 0.7));
    if (here) citations.push(citationFor(ref.article, ref.sentence.start, ref.sentence.end, ctx.publicUrl));
  }
  if (!citations.length) return undefined;
  citations.sort((a, b) => a.source.localeCompare(b.source));
  const what = terms.map((t) => t.term).join(' ');
  const ids = citations.map((c) => c.source);
  const name = sourceNamer(index.table.articles);
  const list = ids.map(name).join(', ');
  const text = q.coverage === 'count'
    ? `${ids.length} of ${total} sources mention “${what}”: ${list}.`
    : `${ids.length} of ${total} sources mention “${what}”: ${list}.`;
  return { question: q.text, answered: true, intent: 'coverage', answer: text, value: String(ids.length), agree: ids.length, total, citations, conflicts: [] };
}

