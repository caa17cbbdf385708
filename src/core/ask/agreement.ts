/**
 * Agreement: once an answer is chosen, the other sources that give its figure, day or name
 * agree with it, though they say so in a sentence too far from the question's words to have
 * chosen it. They are cited after the facts the answer was read from, and never lead it.
 */
import type { Fact } from '../types.js';
import type { QTerm } from './question.js';
import { valueKey, type Scored } from './render.js';
import { editDistance, type SearchIndex } from './search.js';
import { own, synonymsOf, UNITS } from '../lexicon.js';
import { clockTime, datesCompatible, nameWords, namesMatch, quantitiesCompatible } from '../values.js';

/** How well a sentence giving the answer's figure must speak of the question to agree with it. */
const FIGURE_AGREEMENT = 0.2;

/** Figures a person holds whatever the event: their age, height, weight. */
const PERSONAL_ATTRIBUTES = new Set(['age', 'height', 'weight']);

/** What was asked: the question's terms and the asked event's verb forms. */
export interface AskedFor {
  terms: QTerm[];
  eventForms?: Set<string>;
  /** Nouns naming the asked event (its verb's derived nouns and their synonyms: "chase", "pursuit"). */
  eventNouns?: Set<string>;
  /** The role a person is asked by ("who is the fire chief …"): its noun, and the word before it. */
  role?: string;
  roleBy?: string;
}

/**
 * Whether `said` (a name's description and the words before it) gives it the asked role: the role
 * noun or a synonym, with the word the question puts before it ("the Energy Secretary" is not "the
 * Health Secretary").
 */
export function holdsRole(said: string, role: string, roleBy?: string): boolean {
  const lower = said.toLowerCase();
  return [role, ...synonymsOf(role)].some((r) => new RegExp(`\\b${r}\\b`).test(lower)) && (!roleBy || new RegExp(`\\b${roleBy}\\b`).test(lower));
}

/**
 * Other sources that give the answer's figure, day or name. "How old was the boy": an age (or a height, a
 * weight) belongs to the person who holds it, whatever event the sentence tells of, so every
 * sentence giving the answer's named holder the same figure agrees ("the death of Jo Ames, 15"
 * beside "Ames, 15, was shot"). Any other figure agrees from a sentence that gives the same
 * amount of the same thing, or of the asked event, and speaks of the question at least in part.
 */
export function agreeingSources(q: AskedFor, main: Scored[], index: SearchIndex, isPerson?: (noun: string) => boolean): Scored[] {
  const lead = main[0]!.fact;
  // The holder by name, or (described: "the driver, 52") as the person the answer's article is about.
  const holders = new Set<string>();
  if (PERSONAL_ATTRIBUTES.has(lead.attribute)) {
    for (const m of main) {
      if (index.surnames.has(m.fact.subject)) holders.add(m.fact.subject);
      else if (isPerson?.(m.fact.subject)) holders.add(index.mainPerson(m.ref) ?? '');
    }
    holders.delete('');
  }
  const described = PERSONAL_ATTRIBUTES.has(lead.attribute) && !index.surnames.has(lead.subject) && Boolean(isPerson?.(lead.subject));
  const subjects = new Set(main.map((s) => s.fact.subject).filter(Boolean));
  const verbs = q.terms.filter((t) => t.pos === 'VERB' && index.supports(t));
  const things = q.terms.filter((t) => t.pos !== 'VERB' && !t.name);
  const askedThings = new Set(things.map((t) => t.term));
  const low = Math.min(...main.map((s) => s.score));
  const have = new Set(main.map((s) => s.fact.id));
  const cited = new Set(main.map((s) => s.ref.article.id));
  const out: Scored[] = [];
  // (A date agrees by the day it gives, of the asked event: "Friday's raid" beside "raided on 3 May".)
  // (And any figure of the asked event's own noun: "a 12-mile pursuit" for "how far did they chase him".)
  const events = new Set([...subjects, ...(q.eventNouns ?? []), ...(lead.kind === 'date' ? q.eventForms ?? [] : [])]);
  const same = (f: Fact): boolean => {
    if (f.kind !== lead.kind) return false;
    if (f.kind === 'entity') return namesMatch(String(f.value).toLowerCase(), main[0]!.value) || sameSurname(String(f.value), main[0]!.value);
    if (f.attribute !== lead.attribute && !sameLine(f, lead)) return false;
    if (f.kind === 'date') {
      // A clock time agrees by its time ("shortly after 9:15 a.m." beside "at 9:15 a.m. Friday").
      if (clockTime(lead)) return clockTime(f) === clockTime(lead) && (!f.value || !lead.value || datesCompatible({ value: String(f.value) }, { value: String(lead.value) }));
      return Boolean(f.value) && String(f.value).length >= String(lead.value).length && datesCompatible({ value: String(f.value), weekday: f.description }, { value: String(lead.value), weekday: lead.description });
    }
    return f.unit === lead.unit && quantitiesCompatible({ value: f.value as number, range: f.range, label: f.label, unit: f.unit }, { value: lead.value as number, range: lead.range, label: lead.label, unit: lead.unit });
  };
  // Among the articles the question's words lead to, as its answer was (a corpus of thousands is
  // not read through for every answer), and, for a holder's figure, where the holder is named.
  const naming = holders.size ? index.candidates([...holders].map((term) => ({ term, weight: 3, name: true, pos: 'PROPN' }))) : [];
  for (const ref of new Set([...index.candidates(q.terms), ...naming])) for (const f of index.factsOf(ref)) {
    if (have.has(f.id) || !same(f)) continue;
    // The holder by name, or as the person the article is about ("the singer, 26").
    const ofHolder = holders.has(f.subject) || (holders.size > 0 && isPerson !== undefined && isPerson(f.subject) && holders.has(index.mainPerson(ref) ?? ''));
    // "Who is the fire chief (who …)": a sentence giving the answer the asked role speaks of them as
    // asked, whatever else the question says of them.
    const inRole = q.role !== undefined && f.kind === 'entity' && !cited.has(f.article)
      && holdsRole(`${f.description ?? ''} ${ref.article.raw.slice(Math.max(ref.sentence.start, f.span.start - 40), f.span.start)}`, q.role, q.roleBy);
    if (!ofHolder && !inRole) {
      if (cited.has(f.article) || index.coverage(ref, q.terms) < FIGURE_AGREEMENT) continue;
      const ofEvent = verbs.length > 0 && verbs.some((t) => index.matchHere(ref, t) >= 0.7);
      // It agrees where the sentence speaks of the asked event (a figure or day: is of it), or, when
      // no event is asked, of the asked thing.
      // (Not by a word of the name itself: "Larkin Hospital opened in 1990" says nothing of who was taken there.)
      const named = f.kind === 'entity' ? new Set(nameWords(String(f.value))) : undefined;
      // (A figure of a thing the question names is of it: "a 60-day stay" for "how long is the hospital stay".)
      const ofThing = (!named && (events.has(f.subject) || askedThings.has(f.subject))) || (!verbs.length && things.some((t) => !named?.has(t.term) && index.matchHere(ref, t) >= 0.7))
        // (An age the answer gives a described person — "a Dutch hiker, 41" — from a sentence giving someone that age.)
        || (described && (index.surnames.has(f.subject) || Boolean(isPerson?.(f.subject))));
      if (!ofThing && !ofEvent) continue;
    }
    cited.add(f.article);
    // Whoever the sentence attributes its own news to does not vouch for a figure it mentions in passing.
    // (Weaker than any the answer was chosen from: they never lead it.)
    out.push({ fact: { ...f, attribution: undefined }, ref, score: low * 0.5, value: valueKey(f), fit: 1, event: false, agreeing: true });
  }
  return out;
}

/**
 * "a 12-mile pursuit" beside "chased him for 12 miles": a length no dimension word names
 * (implicit) is a measure along any line, so it agrees with a distance, a height, a width.
 */
function sameLine(a: Fact, b: Fact): boolean {
  const linear = (f: Fact): boolean => own(UNITS, String(f.unit ?? ''))?.dim === 'length';
  return linear(a) && linear(b) && (a.description === 'implicit' || b.description === 'implicit');
}

/** "Karimzadeh" and "Hamid Karimzade": a long surname spelt one letter apart is one name, as sources transliterate it. */
function sameSurname(a: string, b: string): boolean {
  const la = nameWords(a).at(-1) ?? '';
  const lb = nameWords(b).at(-1) ?? '';
  return la.length >= 7 && lb.length >= 7 && editDistance(la, lb, 1) <= 1;
}
