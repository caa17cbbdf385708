/**
 * "Who is X?" / "What is X?": the descriptions the coverage gives X — appositions in either order
 * ("X, the store's insurer", "his brother, X"), copulas ("X is a Maryland native"), and the
 * common nouns written before the name ("coroner X", "the fire service's X") — grouped across
 * sources, the most widely given first.
 */
import type { Answer, Fact, FrameArg } from '../types.js';
import type { SearchIndex, SentenceRef } from './search.js';
import type { QTerm } from './question.js';
import { render, type Scored } from './render.js';
import { PERSON_TITLES, ROLE_WORDS } from '../lexicon.js';

/** How much each way of describing counts: an apposition or copula says what X is; a word before the name may only be a title. */
const DESCRIBED = { apposition: 1, copula: 0.9, premodifier: 0.7, title: 0.5 } as const;
const SUPPORT_BONUS = 0.15;

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !/^(the|an|of|and|mr|mrs|ms|dr)$/.test(w));

/** Answers "who is X" from descriptions, or undefined when the coverage gives none. */
export function answerDefinition(name: string, question: string, terms: QTerm[], index: SearchIndex, publicUrl: string): Answer | undefined {
  const nameWords = words(name);
  if (!nameWords.length) return undefined;
  // A surname alone stands for the asked person only when no other person the coverage names shares it.
  const surname = nameWords.at(-1)!;
  const namesakes = new Set(index.table.facts
    .filter((f) => f.kind === 'entity' && f.attribute === 'person' && words(String(f.value)).at(-1) === surname && words(String(f.value)).length > 1)
    .map((f) => words(String(f.value)).slice(0, -1).filter((w) => !PERSON_TITLES.has(w) && !ROLE_WORDS.has(w)).join(' '))
    .filter(Boolean));
  const shortFormOk = nameWords.length === 1 || namesakes.size <= 1;
  const isName = (text: string) => {
    const w = words(text);
    if (!shortFormOk && !nameWords.every((n) => w.includes(n))) return false;
    // The whole name, or a shorter form of it written as a name ("Nambiar"), not a common "the wall".
    return nameWords.every((n) => w.includes(n)) || (w.length > 0 && w.every((x) => nameWords.includes(x)) && /\p{Lu}/u.test(text.replace(/^\W*\p{Lu}\p{Ll}*\s/u, (m) => (/^\W*(The|A|An)\s/.test(m) ? '' : m))));
  };
  const last = nameWords.at(-1)!;
  const found: { ref: SentenceRef; arg: FrameArg; text: string; weight: number }[] = [];
  for (const ref of index.refs) {
    if (!ref.sentence.terms.includes(last)) continue;
    const raw = ref.article.raw;
    for (const f of ref.sentence.frames ?? []) {
      if (f.verb === 'be' && f.agent && f.attr && isName(raw.slice(f.agent.start, f.agent.end))) {
        const text = raw.slice(f.attr.start, f.attr.end);
        if (!isName(text) && /\p{L}{3}/u.test(text)) found.push({ ref, arg: f.attr, text, weight: f.apposition ? DESCRIBED.apposition : DESCRIBED.copula });
      }
      // "coroner Gary Hargrove said": the common words written before the name.
      for (const a of [f.agent, f.patient, f.attr, ...(f.slots ?? []).map((x) => x.arg)]) {
        if (!a) continue;
        const text = raw.slice(a.start, a.end);
        const at = text.toLowerCase().indexOf(nameWords[0]!);
        if (at <= 0 || !isName(text.slice(at))) continue;
        // Given names before the asked surname are the name, not a description ("Mr Brett McGurk").
        const before = text.slice(0, at).replace(/^(the|a|an)\s+/i, '').replace(/[\s,]+$/, '').replace(/(?:\s*\b\p{Lu}[\p{Ll}.'’-]*)+$/u, (m) => (words(m).every((w) => PERSON_TITLES.has(w)) ? m : '')).trim();
        const bw = words(before);
        if (!bw.length) continue;
        const titleOnly = bw.every((w) => PERSON_TITLES.has(w));
        found.push({ ref, arg: { ...a, end: a.start + at }, text: before, weight: titleOnly ? DESCRIBED.title : DESCRIBED.premodifier });
      }
    }
  }
  if (!found.length) return undefined;
  const groups: (typeof found)[] = [];
  for (const d of found.sort((a, b) => b.weight - a.weight || b.text.length - a.text.length)) {
    const dw = words(d.text);
    // One description in other words: the same words, or the same head ("a Methodist pastor",
    // "a well-liked local pastor").
    const g = groups.find((grp) => {
      const gw = words(grp[0]!.text);
      const [small, big] = dw.length <= gw.length ? [dw, gw] : [gw, dw];
      return small.length > 0 && (small.every((w) => big.includes(w)) || heads(d.text).some((h) => heads(grp[0]!.text).includes(h)));
    });
    if (g) g.push(d);
    else groups.push([d]);
  }
  const weight = (g: typeof found) => Math.max(...g.map((d) => d.weight)) * (1 + SUPPORT_BONUS * (new Set(g.map((d) => d.ref.article.id)).size - 1));
  groups.sort((a, b) => weight(b) - weight(a));
  const best = groups[0]!;
  // The fullest wording of the best description, with the next different one when there is one.
  const lead = [...best].sort((a, b) => b.weight - a.weight || b.text.length - a.text.length)[0]!;
  const second = groups.slice(1).find((g) => weight(g) >= 0.7 && Math.max(...g.map((d) => d.weight)) >= DESCRIBED.premodifier);
  // The fullest form of the name the coverage writes ("Brett McGurk" for "mcgurk").
  // Only for a name asked by one word, and never with a title in front ("Coroner Gary Hargrove").
  const full = nameWords.length > 1 ? name : index.table.facts
    .filter((f) => f.kind === 'entity' && f.attribute === 'person' && isName(String(f.value)))
    .map((f) => String(f.value))
    .filter((v) => !words(v).some((w) => ROLE_WORDS.has(w) || PERSON_TITLES.has(w)))
    .reduce((a, b) => (b.length > a.length && words(b).length <= 4 ? b : a), name);
  const label = `${full}: ${clean(lead.text)}${second ? `; ${clean(second[0]!.text)}` : ''}`;
  // Both descriptions shown, so both groups' sources are cited.
  const scored: Scored[] = [...best, ...(second ?? [])].map((d) => {
    const fact: Fact = {
      id: `${d.ref.article.id}#${d.ref.sentence.index}.d`, article: d.ref.article.id, sentence: d.ref.sentence.index,
      span: { start: d.arg.start, end: d.arg.end }, kind: 'entity', subject: name.toLowerCase(), attribute: 'description',
      value: label, surface: d.text, label,
    };
    return { fact, ref: d.ref, score: d.weight, value: label, fit: 1 };
  });
  return render({ text: question, intent: 'definition', terms }, index.table.articles.length, publicUrl, scored, []);
}

/** The head word of each coordinated description ("a pastor and former mayor" → pastor, mayor). */
function heads(text: string): string[] {
  return text.split(/,|\band\b/).map((part) => words(part).at(-1)).filter((w): w is string => Boolean(w));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^(the|a|an)\s+/i, '').replace(/[\s,;:]+$/, '').replace(/['’]s$/, '');
}
