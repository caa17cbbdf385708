/**
 * Answering: a parsed question is matched against facts of its type in the candidate
 * sentences; facts are scored by how well their sentence supports the question, grouped
 * by compatible values across sources, and rendered with agreement, conflicts and
 * verbatim citations. Below the support threshold the answer is an honest "doesn't say".
 */
import type { Answer, Fact, WordNet } from '../types.js';
import { MAX_QUESTION_LENGTH, type Question, type QTerm } from './question.js';
import { MATCH, type AnswerContext, type SearchIndex, type SentenceRef } from './search.js';
import { ABBREVIATIONS, FORMER_WORDS, LIGHT_VERBS, own, ROLE_WORDS, SAYING_VERBS, SPATIAL_PREPOSITIONS, synonymsOf, table, TIME_ZONES } from '../lexicon.js';
import { NOT_SAID, render, valueKey, type Scored } from './render.js';
import { answerCoverage, expandAlias } from './coverage.js';
import { clockTime, datesCompatible, groupFacts, inCurrency, nameWords, namesMatch, quantitiesCompatible, singularWord, uniq } from '../values.js';
import { agreeingSources, holdsRole } from './agreement.js';
import { personNoun, verbForms } from './relation.js';

/** How much each further source reporting a value adds to its weight against competing values. */
const SUPPORT_BONUS = 0.1;

/** How well, against the best, a sentence must support the question for its day to count. */
const DAY_SUPPORT = 0.6;

/** How much a date of another event than the asked one counts. */
const OTHER_EVENT = 0.8;
/** How close a word must stand to the asked verb to date its event: a synonym or derived form, not a broader verb. */
const EVENT_FORM = 0.8;

/** How well a rate ("$5 a share") answers a question that asks no rate. */
const RATE_FIT = 0.5;

/** How well a count of another kind of the asked thing ("tugboats" for "cargo boats") answers. */
const OTHER_KIND = 0.85;

/** How well a count of other things answers "how much" of the asked thing. */
const OTHER_COUNT = 0.6;

/** WordNet kinds of a noun that make it a sum of money. */
const MONEY_KINDS = new Set(['payment', 'money', 'fund', 'sum']);

/** How much a figure counts that comes from someone other than the source the question names ("according to …"). */
const OTHER_SOURCE = 0.5;

/** How much a span between two events ("one day after …") counts as an answer to how long one lasted. */
const OFFSET_FIT = 0.3;
const OFFSET = /^\s+(?:after|before|later|earlier|ago|prior)\b/i;
const LAST_WORD = /(\p{L}+)[^\p{L}]*$/u;

/** How much less a sentence counts that names someone else of the asked person's surname. */
const OTHER_PERSON = 0.3;

/** Below this support a question is not answered. */
const ANSWER_THRESHOLD = 0.5;

/** Answers a parsed question from the fact table. */
export function answerQuestion(asked: Question, ctx: AnswerContext): Answer {
  const q = respell(asked, ctx.index);
  if (ctx.wn) q.terms = q.terms.map((t) => nounAlternatives(pertainedName(t, ctx.index, ctx.wn!), ctx.index, ctx.wn!));
  // "Who is the pastor (of X)?": a noun WordNet files under person is the role asked for, as the
  // listed role nouns are. (What it is of stays a word to find: a listed role's own test of it is stricter.)
  if (q.roleNoun && ctx.wn) {
    const noun = [q.roleNoun, q.roleNoun.replace(/s$/, '')].find((w) => ctx.wn!.has(w, 'n'));
    if (noun && personNoun(noun, ctx.wn)) q.role = noun;
  }
  // "How big was the reward", "how large a fine": the size of a payment (WordNet) is a sum of money.
  if (q.dimension === 'size' && q.focus && ctx.wn && ctx.wn.hypernyms(q.focus, 'n', 4, 2).some((h) => MONEY_KINDS.has(h))) q.dimension = 'money';
  if (q.dimension === 'age' && q.focus && ctx.wn) q.personFocus = ctx.wn.hypernyms(q.focus, 'n', 6, 2).includes('person');
  // "the guy charged with arson": "guy" only stands for the person; the rest says who.
  if (q.personFocus && q.terms.some((t) => t.term !== q.focus && !t.name && t.weight > 0)) q.terms = q.terms.filter((t) => t.term !== q.focus);
  // "How many people did police arrest" is answered by "86 arrests": the count of the event's own noun.
  if (q.dimension === 'count' && ctx.wn) {
    const wn = ctx.wn;
    const verbs = [...new Set([...q.terms.filter((t) => t.pos === 'VERB').map((t) => t.term), ...(q.eventVerb && !LIGHT_VERBS.has(q.eventVerb) ? [q.eventVerb] : [])])];
    q.eventNouns = new Set(verbs.flatMap((v) => [...(wn.has(v, 'n') ? [v] : []), ...wn.derived(v, 'v', 2).filter((d) => wn.has(d, 'n'))]));
  }
  // "When was he convicted": each date is read with the event it dates ("a jury on Tuesday
  // convicted a man charged in an April 2007 shooting"), so the asked event's own date leads.
  if ((q.intent === 'date' || q.intent === 'quantity') && q.eventVerb && !LIGHT_VERBS.has(q.eventVerb)) q.eventForms = new Set([...verbForms(q.eventVerb, ctx.wn)].filter(([, strength]) => strength >= EVENT_FORM).map(([w]) => w));
  // "How much ammo": "200 rounds of ammunition" counts it in the word the coverage uses.
  if (q.intent === 'quantity' && q.focus && ctx.wn) {
    const focus = q.focus;
    q.focusForms = new Set([focus, ...nounSynonyms(focus, ctx.wn).filter((w) => !w.includes(' '))]);
    // ("How many guys …" where the coverage says "men": a noun it never uses in any form is counted
    // by the kind WordNet files it under, when the coverage uses that.)
    if (![...q.focusForms].some((w) => ctx.index.vocab.has(w))) {
      for (const kind of ctx.wn.hypernyms(focus, 'n', 1, 1)) if (!kind.includes(' ') && ctx.index.vocab.has(kind)) q.focusForms.add(kind);
    }
    // A counted word the coverage never uses is asked in the coverage's word, when WordNet gives one.
    const said = [...q.focusForms].find((w) => ctx.index.vocab.has(w));
    if (said && said !== focus && !ctx.index.vocab.has(focus)) q.terms = q.terms.map((t) => (t.term === focus ? { ...t, term: said } : t));
  }
  // "Which judge …" wants a person, "which team …" a group, "what gun …" neither: the kind's
  // commonest WordNet sense says which.
  // "Who was the judge" asks for a person as surely as "which judge".
  const kindNoun = q.intent === 'entity' ? q.typeNoun : q.intent === 'person' ? q.role ?? q.describedHead : undefined;
  if (kindNoun && ctx.wn?.has(kindNoun, 'n')) {
    const kinds = new Set([kindNoun, ...ctx.wn.hypernyms(kindNoun, 'n', 10, 1)]);
    q.kindOf = kinds.has('person') ? 'person' : ['social group', 'organization', 'organisation', 'group'].some((k) => kinds.has(k)) ? 'group'
      : PLACE_KINDS.some((k) => kinds.has(k)) ? 'place' : 'thing';
  }
  const none = (why?: string): Answer => ({
    question: q.text, answered: false, intent: q.intent === 'none' ? 'none' : q.intent,
    answer: why ? `${NOT_SAID} ${why}` : NOT_SAID, citations: [], conflicts: [],
  });
  if (!q.text.trim()) return { ...none('Ask a question about the story, e.g. "How many … ?"'), intent: 'none' };
  if (q.text.length >= MAX_QUESTION_LENGTH) return none(`That question is too long to answer: keep it under ${MAX_QUESTION_LENGTH} characters.`);
  const unsupported = ctx.index.unsupportedNames(q.terms);
  if (unsupported.length) {
    return none(`No source mentions ${unsupported.map((t) => `“${t.term}”`).join(', ')}.`);
  }
  switch (q.intent) {
    case 'person':
      // "What does X stand for" wants the expansion first; "who is X" the description first.
      if (q.expand && q.describe) return expandAlias(q, q.describe, ctx) ?? answerFacts(q, ctx) ?? none();
      return answerFacts(q, ctx) ?? (q.describe ? expandAlias(q, q.describe, ctx) : undefined) ?? none();
    case 'quantity':
    case 'date':
    case 'entity':
    case 'quote':
      return answerFacts(q, ctx) ?? none();
    case 'coverage':
      return answerCoverage(q, ctx, answerQuestion) ?? none();
    default:
      return none();
  }
}

/**
 * "The teen" in a question, "the teenager" in the text: a common noun is also found as one of its
 * commonest sense's WordNet synonyms, when the coverage uses that word. (Its WordNet kind is not
 * enough: "show" is filed under "entertainment", "trial" under "proceeding".)
 */
function nounAlternatives(t: QTerm, index: SearchIndex, wn: WordNet): QTerm {
  if (t.name || t.pos !== 'NOUN') return t;
  const alts = nounSynonyms(t.term, wn).filter((w) => w !== t.term && index.vocab.has(w)).map((word) => ({ word, strength: MATCH.synonym }));
  // ("The cops" where the coverage says "police": a member noun the coverage never uses is found
  // as the group WordNet makes its kind a member of.)
  if (!alts.length && !index.vocab.has(t.term)) {
    const own = wn.groups(t.term);
    const groups = own.length ? own : wn.hypernyms(t.term, 'n', 1, 1).flatMap((h) => wn.groups(h));
    for (const word of new Set(groups)) if (!word.includes(' ') && index.vocab.has(word)) alts.push({ word, strength: MATCH.synonym });
  }
  return alts.length ? { ...t, alts } : t;
}

/** The nouns among the asked event's forms, with their commonest sense's synonyms ("chase": "pursuit"). */
function eventNounsOf(forms: Set<string> | undefined, wn: WordNet | undefined): Set<string> | undefined {
  if (!forms || !wn) return undefined;
  return new Set([...forms].filter((w) => wn.has(w, 'n')).flatMap((w) => [w, ...wn.synonyms(w, 'n', 1)]));
}

/**
 * "Peruvian" where a sentence writes "Peru's": a name-like adjective is also found as the noun it
 * pertains to (WordNet), and asked as that noun where the coverage never uses the adjective.
 */
function pertainedName(t: QTerm, index: SearchIndex, wn: WordNet): QTerm {
  if (!t.name) return t;
  const noun = wn.pertainyms(t.term).find((w) => /^[a-z]+$/.test(w) && index.vocab.has(w));
  // (And the other way: "Peru" asked of a coverage that only says "Peruvian" is that word.)
  if (!noun) return index.supports(t) ? t : { ...t, term: wn.derived(t.term, 'n').find((w) => /^[a-z]+$/.test(w) && index.vocab.has(w) && wn.pertainyms(w).includes(t.term)) ?? t.term };
  return index.supports(t) ? { ...t, alts: [...(t.alts ?? []), { word: noun, strength: MATCH.variant }] } : { ...t, term: noun };
}

/**
 * A noun's commonest sense's WordNet synonyms; for a compound WordNet does not list, its head's
 * in the same compound ("stepkid": "stepchild", as "kid" is "child").
 */
function nounSynonyms(noun: string, wn: WordNet): readonly string[] {
  if (wn.has(noun, 'n')) return wn.synonyms(noun, 'n', 1);
  for (let i = 3; i + 3 <= noun.length; i++) {
    const head = noun.slice(i);
    if (wn.has(head, 'n')) return wn.synonyms(head, 'n', 1).filter((w) => /^[a-z]+$/.test(w)).map((w) => noun.slice(0, i) + w);
  }
  return [];
}

/** A question with its misspelt common words replaced by the corpus's spelling. */
function respell(q: Question, index: SearchIndex): Question {
  // In "which regulator is handling this", a verb the coverage never uses is the asker's paraphrase:
  // it cannot tell names apart, so it does not count against them. (For figures and dates the verb
  // is the event itself — "how many are missing" — and stays.)
  const terms = q.terms
    .map((t) => (t.name ? t : { ...t, term: index.respell(index.preferSurface(t.term, t.surface)) }))
    .filter((t) => t.pos !== 'VERB' || index.supports(t) || (q.intent !== 'entity' && q.intent !== 'person' && q.intent !== 'quote'));
  return {
    ...q,
    terms,
    focus: q.focus && index.respell(index.preferSurface(q.focus, q.terms.find((t) => t.term === q.focus)?.surface)),
    typeNoun: q.typeNoun && index.respell(q.typeNoun),
  };
}

/** Scores candidate facts of the question's type and renders the best-supported group. */
function answerFacts(q: Question, ctx: AnswerContext): Answer | undefined {
  // A kind the coverage never names ("which agency") is no evidence against a sentence.
  if (q.intent === 'entity' && q.typeNoun) q = { ...q, terms: q.terms.filter((t) => t.term !== q.typeNoun || ctx.index.vocab.has(t.term)) };
  const scored = scoreFacts(q, ctx);
  if (!scored.length) return undefined;
  // "… according to the sheriff": where some source puts the figure in the sheriff's words (its own
  // sentence, or the next one's "according to …"), figures others attribute elsewhere count less.
  if (q.per?.length) {
    const per = q.per.map((t) => t.term);
    const said = (s: Scored) => {
      const next = ctx.index.refAt(s.ref.a, s.ref.sentence.index + 1);
      const words = new Set([s.fact.attribution, s.ref.sentence.attribution, next?.sentence.attribution].join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).map((w) => singularWord(w)));
      return per.some((w) => words.has(w));
    };
    const from = scored.filter(said);
    if (from.length) for (const s of scored) if (!from.includes(s)) s.score *= OTHER_SOURCE;
  }
  // Where the coverage dates the asked event itself, dates of other events count less.
  const forms = q.eventForms;
  if (forms && scored.some((s) => forms.has(s.fact.subject))) {
    for (const s of scored) if (!forms.has(s.fact.subject) || (ctx.wn && q.intent === 'date' && datesNoun(s, forms, ctx.wn))) s.score *= OTHER_EVENT;
  }
  const best = Math.max(...scored.map((s) => s.score));
  if (best < ANSWER_THRESHOLD) return undefined;
  // Values close enough to the best compete; the one most sources report wins.
  const ratio = q.intent === 'quantity' ? 0.6 : 0.75;
  // A value of the asked dimension stated outright outranks one only implied by its unit.
  const explicitBest = q.intent === 'quantity' && scored.some((s) => s.fit === 1 && s.score >= best * ratio);
  // "How big is it now": the newest figure competes even when an older report is better worded.
  const floor = q.latest ? Math.min(ratio, 0.5) : ratio;
  // "What street": a name that says it is one ("Mill Street") outranks other names nearby ("Marlow").
  // (So does a name written just before the kind, as one: "the Lane store", not "Marlow streets".)
  // (So does a name that opens with the kind, or with a WordNet synonym of it: "Mount Sefa" for "which mountain".)
  const kinds = q.typeNoun ? [q.typeNoun, ...(ctx.wn?.synonyms(q.typeNoun, 'n', 1) ?? []).filter((w) => /^[a-z]+$/.test(w))].join('|') : undefined;
  const kindAfter = kinds ? new RegExp(`^\\s+(?:${kinds})\\b`, 'i') : undefined;
  const kindLast = kinds ? new RegExp(`\\b(?:${kinds})(?:s|es)?$`, 'i') : undefined;
  const kindFirst = kinds ? new RegExp(`^(?:${kinds})\\s`, 'i') : undefined;
  const ofKind = (s: Scored) => q.intent === 'entity' && Boolean(kindAfter)
    && (kindAfter!.test(s.ref.article.raw.slice(s.fact.span.end, s.fact.span.end + 40)) || kindLast!.test(String(s.fact.value)) || kindFirst!.test(String(s.fact.value)));
  const kindBest = scored.some((s) => ofKind(s) && s.score >= best * ratio);
  const competing = scored.filter((s) => s.score >= best * floor && (!explicitBest || s.fit >= 0.9) && (!kindBest || ofKind(s)));
  const groups = groupFacts(competing, (a, b) => compatible(q, a, b));
  // Sources that state a group's value with less support still count as agreeing with it.
  for (const g of groups) {
    for (const s of scored) {
      // Weakly supported facts of exactly the asked kind (for "what time", a clock time) still count as agreeing sources.
      const exact = s.fit >= 0.9 || (q.precision === 'time' && clockTime(s.fact) !== undefined);
      const floor = exact ? ANSWER_THRESHOLD * 0.6 : ANSWER_THRESHOLD * 0.8;
      if (s.score >= floor && !competing.includes(s) && compatible(q, g[0]!, s)) g.push(s);
    }
  }
  const weight = (g: Scored[]) => Math.max(...g.map((s) => s.score)) * (1 + SUPPORT_BONUS * (uniq(g.map((s) => s.ref.article.id)).length - 1));
  groups.sort((a, b) => weight(b) - weight(a));
  // "What time …": where a source gives the clock time, a day alone is no competing answer.
  const clocked = (g: Scored[]) => g.some((s) => clockTime(s.fact) !== undefined);
  if (q.precision === 'time' && groups.some(clocked)) groups.splice(0, groups.length, ...groups.filter(clocked));
  // "The latest toll": among the competing values, the one from the newest source.
  if (q.latest && groups.length > 1) {
    const newest = (g: Scored[]) => g.reduce((m, s) => (s.ref.article.published ?? '') > m ? s.ref.article.published ?? '' : m, '');
    groups.sort((a, b) => newest(b).localeCompare(newest(a)) || weight(b) - weight(a));
  }
  const day = q.intent === 'date' ? onOneDay(groups[0]!, q.precision === 'time') : undefined;
  const main = day?.main ?? groups[0]!;
  if (q.intent === 'quantity' || q.intent === 'date' || q.intent === 'entity' || (q.intent === 'person' && !q.describe)) {
    main.push(...agreeingSources({ terms: q.terms, eventForms: q.eventForms, eventNouns: eventNounsOf(q.eventForms, ctx.wn), role: q.role, roleBy: q.roleBy }, main, ctx.index, ctx.wn && ((n: string) => personNoun(n, ctx.wn!))));
  }
  // Dates from other sentences are mostly other events: only near-equal support makes them a disagreement.
  const mainScore = Math.max(...main.map((s) => s.score));
  const conflicts = q.intent === 'quantity' ? groups.slice(1).filter((g) => g.some((s) => s.event && main.some((m) => sameEvent(m, s, ctx.index.corpusYear))))
    : q.intent === 'date' ? [...day!.otherDays, ...groups.slice(1).filter((g) => Math.max(...g.map((s) => s.score)) >= 0.9 * mainScore)] : [];
  const answer = render(q, ctx.index.table.articles.length, ctx.publicUrl, main, conflicts);
  // "What time did it go off?" is not answered by the day: say what the sources do give.
  // (A part of the day — TIMEX3 MO, AF, EV, NI — says when in the day too: "Thursday morning".)
  if (q.precision === 'time' && !main.some((s) => /T(?:\d\d:\d\d|MO|AF|EV|NI|DT)$/.test(s.fact.timex ?? ''))) {
    return {
      ...answer, answered: false, value: undefined, agree: undefined, conflicts: [], citations: [], passages: answer.citations.slice(0, 2),
      answer: `${NOT_SAID} The sources give the day, not the time: ${answer.value}.`,
    };
  }
  return answer;
}

/**
 * "convicted him today of an arson three years ago": a time written right after an event noun
 * (WordNet files "arson" under "event") dates that event, not the clause's verb.
 */
function datesNoun(s: Scored, forms: Set<string>, wn: WordNet): boolean {
  const words = s.ref.article.raw.slice(s.ref.sentence.start, s.fact.span.start).toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  let w = words.pop();
  // (Past an adverb, "an arson exactly three years ago", but not a preposition: "the appeal on Monday".)
  while (w && w.endsWith('ly') && wn.has(w, 'r') && !wn.has(w, 'n')) w = words.pop();
  if (!w || forms.has(w) || !wn.has(w, 'n')) return false;
  const noun = w.replace(/s$/, '');
  return !forms.has(noun) && wn.hypernyms(wn.has(noun, 'n') ? noun : w, 'n', 10, 1).includes('event');
}

/**
 * A month ("April 2019") bridges every day within it into one group. When the sources that give
 * a day mostly give the same one (from at least twice as many articles as any other day), that
 * day is what they report and the group keeps what agrees with it; else the month is all they
 * share. Another day stated nearly as plainly about the same question is a disagreement.
 */
function onOneDay(group: Scored[], timeAsked: boolean): { main: Scored[]; otherDays: Scored[][] } {
  const top = Math.max(...group.map((s) => s.score));
  // Asked the time, a clock time whose sentence gives no day states none.
  const dayless = (s: Scored) => timeAsked && dayUnstated(s);
  const byDay = new Map<string, { articles: Set<string>; best: number }>();
  for (const s of group) {
    const v = String(s.fact.value);
    if (v.length !== 10 || s.score < top * DAY_SUPPORT || dayless(s)) continue;
    const day = byDay.get(v) ?? { articles: new Set<string>(), best: 0 };
    day.articles.add(s.ref.article.id);
    day.best = Math.max(day.best, s.score);
    byDay.set(v, day);
  }
  const [best, ...others] = [...byDay].sort((a, b) => b[1].articles.size - a[1].articles.size);
  const ofDay = (v: string) => group.filter((s) => String(s.fact.value) === v && !dayless(s));
  if (!best) return { main: group, otherDays: [] };
  // No day most sources give: they share the month, and each day is shown as what some say.
  if (others[0] && best[1].articles.size < 2 * others[0][1].articles.size) return { main: group, otherDays: [best, ...others].map(([v]) => ofDay(v)) };
  const agrees = (s: Scored, value: string) => datesCompatible({ value: String(s.fact.value), weekday: s.fact.description }, { value });
  return {
    main: group.filter((s) => agrees(s, best[0]) || dayless(s)),
    otherDays: others.filter(([, d]) => d.best >= 0.9 * best[1].best).map(([v]) => ofDay(v)),
  };
}

function scoreFacts(q: Question, ctx: AnswerContext): Scored[] {
  const { index } = ctx;
  const out: Scored[] = [];
  const terms = q.terms;
  const questionWords = new Set(terms.map((t) => t.term));
  // Verbs the corpus never uses are paraphrases ("putting up" for "provide"), not evidence.
  const verbs = terms.filter((t) => t.pos === 'VERB' && index.supports(t));
  const names = q.intent === 'person' || q.intent === 'entity' ? terms.filter((t) => t.name) : [];
  const people = terms.filter((t) => t.name && index.surnames.has(t.term));
  // "Whose record …": "'s", up to three words, then the possessed noun.
  const possessor = q.possessed ? new RegExp(`^['’]s\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?${q.possessed}`, 'iu') : undefined;
  // "When did Tom Vane die?": the given name asked with each surname, to tell another Vane apart.
  const givenNames = new Map<string, string>();
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i]!.name && terms[i + 1]!.name && index.surnames.has(terms[i + 1]!.term)) givenNames.set(terms[i + 1]!.term, terms[i]!.term);
  }
  const stems = new Map(terms.map((t) => [t, termStems(t)]));
  const allStems = terms.flatMap((t) => stems.get(t)!);
  const verbStems = verbs.flatMap((v) => [v.term.slice(0, Math.max(3, v.term.length - 1)), ...[...synonymsOf(v.term)].map((syn) => syn.slice(0, Math.max(3, syn.length - 1)))]);
  for (const ref of index.candidates(terms)) {
    let coverage = index.coverage(ref, terms);
    // "Who is the CEO of X": a sentence that does not itself name X answers about someone else.
    for (const t of names) if (index.match(ref, t) < 0.7) coverage *= 0.6;
    // "His wife, Ann Vane, died in 1984": a sentence naming someone else of the asked surname,
    // and not the asked given name, is about them.
    if (givenNames.size && namesOtherGiven(ref.article.raw.slice(ref.sentence.start, ref.sentence.end), givenNames)) coverage *= OTHER_PERSON;
    // "How far did Lane fall": a figure from a sentence naming another person and not him is theirs.
    if (q.intent === 'quantity' && people.length && people.every((t) => index.matchHere(ref, t) < 0.7)
      && index.factsOf(ref).some((f) => f.kind === 'entity' && f.attribute === 'person')) coverage *= 0.6;

    if (coverage < ANSWER_THRESHOLD * 0.8) continue;
    const facts = index.factsOf(ref);
    // "When did X collapse": a date in a sentence without the event's verb dates something else.
    // The article uses the verb, but not this sentence: it dates or counts something else.
    // (A verb the article never uses is already counted against the sentence as absent.)
    const eventFactor = verbs.some((t) => index.matchHere(ref, t) < 0.7 && index.match(ref, t) > 0) ? 0.75 : 1;
    // Names the question gives anchor it more precisely than its common words ("the USGS put it at …").
    const named = terms.filter((t) => t.name && index.matchHere(ref, t) >= 0.9);
    // (Read only once a fact of the sentence gets that far.)
    let anchors: number[] | undefined;
    for (const fact of facts) {
      const before = fact.kind === 'quantity' || fact.kind === 'entity' ? ref.article.raw.slice(Math.max(ref.sentence.start, fact.span.start - (fact.kind === 'entity' ? 40 : 80)), fact.span.start) : '';
      let factor = factFactor(q, fact, questionWords, index.table.aliases ?? {}, index.roles, before, ctx.wn);
      if (factor <= 0) continue;
      // "How long …": "one day after the loss", "two weeks later" is the time between two events,
      // not how long one lasted.
      // (Not where the asked verb itself takes the figure, or "for" does: "the standoff lasted two
      // hours before he gave up", "battled the fire for eight hours before it was out".)
      if (q.dimension === 'duration' && fact.kind === 'quantity' && OFFSET.test(ref.article.raw.slice(fact.span.end, fact.span.end + 12))) {
        const taker = LAST_WORD.exec(before)?.[1]?.toLowerCase() ?? '';
        if (taker !== 'for' && !verbStems.some((stem) => taker.startsWith(stem))) factor *= OFFSET_FIT;
      }
      // "paying ex-coaches Kerr ($2 million) and Lane": a figure one person's name holds is not
      // the figure of another person the question names.
      if (fact.kind === 'quantity' && index.surnames.has(fact.subject) && terms.some((t) => t.name && index.surnames.has(t.term)) && !questionWords.has(fact.subject)) continue;
      // "Whose record did he break": the name written just before "'s (…) record".
      if (q.possessed && fact.kind === 'entity') {
        const after = ref.article.raw.slice(fact.span.end, Math.min(ref.sentence.end, fact.span.end + 50));
        if (!possessor!.test(after)) continue;
      }
      // "How many died": "stabbed two guards" counts the guards stabbed — a count of people a clause's
      // verb takes as its object is of that verb's event, which must be the asked one, a form of it,
      // or cause it ("killed three people").
      if (fact.kind === 'quantity' && fact.subject === 'people' && q.eventForms && q.eventVerb && ctx.wn) {
        const of = ref.sentence.frames?.find((f) => f.patient && f.patient.start <= fact.span.start && fact.span.end <= f.patient.end);
        if (of && !eventVerbOf(of.verb, q.eventForms, q.eventVerb, ctx.wn)) continue;
      }
      // "Where is she from": a place written after "from" ("Ames, originally from Dunford").
      // (Or one written before a person: "a Dunford climber" is a climber from Dunford.)
      if (q.origin && fact.kind === 'entity' && !/\bfrom\s+(?:the\s+)?$/i.test(before) && !(fact.subject && ctx.wn && personNoun(fact.subject, ctx.wn))) continue;
      // "Who is the captain of X": a captain the sentence does not tie to X is someone else's.
      if (q.role && q.roleOf && fact.kind === 'entity' && !roleLinked(ref.article.raw.slice(ref.sentence.start, ref.sentence.end), q.role, q.roleOf)) continue;
      // Of two dates (or figures) in one sentence, the one next to the question's words answers it.
      if (facts.length > 1) {
        anchors ??= termPositions(ref, named.length ? named.flatMap((t) => stems.get(t)!) : allStems);
        if (anchors.length) factor *= proximity(fact, anchors);
      }
      if (fact.kind !== 'quote') factor *= eventFactor;
      // "Acme sues Globex" for "which company sued Globex": the name doing the asked action.
      if (fact.kind === 'entity' && verbs.length && doesVerb(ref, fact, verbStems)) factor = Math.min(1, factor * 1.4);
      // "built by the Tudor dynasty" for "who built it": the agent of a passive.
      if (fact.kind === 'entity' && verbs.length && /\bby (?:the |a |an )?$/i.test(before) && eventFactor === 1) factor = Math.max(factor, 0.85);
      const fit = q.intent === 'quantity' ? askedFit(q, fact, ctx.wn) : factor;
      out.push({ fact, ref, score: coverage * factor, value: valueKey(fact), fit, event: eventFactor === 1 });
    }
    // "What did the UN say" where the text reports it without quote marks: the attributed sentence.
    if (q.intent === 'quote' && q.speaker && ref.sentence.attribution && speakerMatch(ref.sentence.attribution, q.speaker, index.table.aliases ?? {}, index.roles)
      && !index.factsOf(ref).some((f) => f.kind === 'quote')) {
      const text = ref.article.raw.slice(ref.sentence.start, ref.sentence.end);
      const pseudo: Fact = {
        id: `${ref.article.id}#${ref.sentence.index}.said`, article: ref.article.id, sentence: ref.sentence.index,
        span: { start: ref.sentence.start, end: ref.sentence.end }, kind: 'quote', attribute: 'reported', subject: '',
        value: text, surface: text, label: text, attribution: ref.sentence.attribution,
      };
      out.push({ fact: pseudo, ref, score: Math.max(coverage, 0.6) * 0.9, value: text.toLowerCase(), fit: 0.9, event: true });
    }
    // Who said it: the sentence's attribution answers "who called it …".
    if (q.intent === 'person' && !q.describe && ref.sentence.attribution && asksWhoSaid(q)) {
      const name = ref.sentence.attribution;
      if (!mentionedIn(name, questionWords)) {
        const named = /^[A-Z]/.test(name) && !/\b(official|source|spokes\w+|statement|media|monitor|report)s?\b/i.test(name);
        const span = index.factsOf(ref).find((f) => f.kind === 'entity' && f.value === name)?.span ?? ref.sentence;
        const pseudo: Fact = {
          id: `${ref.article.id}#${ref.sentence.index}.attr`, article: ref.article.id, sentence: ref.sentence.index,
          span: { start: span.start, end: span.end }, kind: 'entity', attribute: 'person', subject: '', value: name,
          surface: name, label: name,
        };
        out.push({ fact: pseudo, ref, score: coverage * (named ? 1 : 0.6), value: name.toLowerCase(), fit: named ? 1 : 0.6, event: true });
      }
    }
  }
  // Keep one scored fact per (article, value), its best.
  const best = new Map<string, Scored>();
  for (const s of out) {
    const key = `${s.ref.article.id}|${s.value}`;
    const prev = best.get(key);
    if (!prev || prev.score < s.score) best.set(key, s);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** "Who called it …", "who said …": the speaker of a sentence can answer. */
function asksWhoSaid(q: Question): boolean {
  return q.terms.some((t) => t.pos === 'VERB' && SAYING_VERBS.has(t.term));
}

/**
 * Two figures can disagree only about the same event: same stated time, or — without one —
 * the same year as the article ("in 2015, a magnitude 6.1 quake" is another quake).
 */
function sameEvent(a: Scored, b: Scored, corpusYear?: string): boolean {
  const when = (s: Scored) => s.fact.time ?? s.ref.article.published ?? corpusYear;
  const ta = when(a);
  const tb = when(b);
  if (!ta || !tb) return true;
  return ta.slice(0, 4) === tb.slice(0, 4);
}

/** The stems a question term is found by in a sentence: its own and, for a word, its synonyms'. */
function termStems(t: QTerm): string[] {
  return (t.name ? [t.term] : [t.term, ...synonymsOf(t.term)]).map((w) => w.slice(0, Math.max(4, w.length - 2)));
}

/** Offsets of the sentence's words that match a question term (by shared stem prefix). */
function termPositions(ref: SentenceRef, stems: string[]): number[] {
  const text = ref.article.raw.slice(ref.sentence.start, ref.sentence.end).toLowerCase();
  const out: number[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const c = w[0];
    if (stems.some((s) => s[0] === c && (w.startsWith(s) || (s.length <= w.length + 2 && s.startsWith(w) && w.length >= 4)))) out.push(ref.sentence.start + m.index);
  }
  return out;
}

/** Whether the words right after a name are one of the question's verbs (after auxiliaries). */
function doesVerb(ref: SentenceRef, fact: Fact, verbStems: string[]): boolean {
  const after = ref.article.raw.slice(fact.span.end, Math.min(ref.sentence.end, fact.span.end + 40)).toLowerCase();
  const words = after.split(/[^\p{L}]+/u).filter(Boolean);
  let k = 0;
  while (k < words.length && /^(has|have|had|was|were|is|are|will|would|be|been|being|also|later|then|reportedly)$/.test(words[k]!)) k++;
  const w = words[k];
  if (!w) return false;
  return verbStems.some((stem) => w.startsWith(stem));
}

/**
 * Whether a sentence ties a role to what it is the role of: "captain of X", "X's captain",
 * "X captain", or the role and X in one apposition ("Jane Doe, the X captain").
 */
function roleLinked(sentence: string, role: string, of: string): boolean {
  const lower = sentence.toLowerCase();
  const roles = [role, ...synonymsOf(role)].map((r) => r.replace(/[^\p{L}\p{N} ]/gu, ''));
  const owner = of.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[^\p{L}\p{N} ]/gu, ' ').trim().split(/\s+/).filter((w) => w.length > 1).at(-1);
  if (!owner) return true;
  return roles.some((r) => new RegExp(`\\b${r}s?\\s+(?:of|for|at|on)\\s+(?:the\\s+)?(?:[\\p{L}\\p{N}.'’-]+\\s+){0,3}?${owner}|\\b${owner}(?:'s|’s|s')?\\s+(?:[\\p{L}-]+\\s+){0,2}?${r}\\b`, 'u').test(lower));
}

/** 1 next to a question word, down to 0.75 a long way from any. */
function proximity(fact: Fact, anchors: number[]): number {
  let best = Infinity;
  for (const a of anchors) {
    const d = a < fact.span.start ? fact.span.start - a : a > fact.span.end ? a - fact.span.end : 0;
    if (d < best) best = d;
  }
  return 1 - 0.25 * Math.min(1, best / 120);
}

/**
 * Whether the participle a count of people ends in ("10 killed") is the asked event: a form of the
 * asked verb, or a verb that causes it. True when the count ends in no verb ("10 people").
 */
function participleOf(label: string, forms: Set<string>, asked: string, wn: WordNet): boolean {
  const word = label.toLowerCase().split(/\s+/).at(-1) ?? '';
  const lemmas = [word, word.replace(/ed$/, ''), word.replace(/d$/, ''), word.replace(/ied$/, 'y'), word.replace(/([b-df-hj-np-tv-z])\1ed$/, '$1')].filter((w) => w && wn.has(w, 'v'));
  if (!lemmas.length || !/(?:ed|en|t)$/.test(word)) return true;
  return lemmas.some((l) => eventVerbOf(l, forms, asked, wn));
}

/** Whether a verb tells of the asked event: it is one of its forms, or one causes the other ("kill", "die"). */
function eventVerbOf(verb: string, forms: Set<string>, asked: string, wn: WordNet): boolean {
  return forms.has(verb) || wn.causes(verb).includes(asked) || wn.causes(asked).includes(verb);
}

/** How well a fact's type fits the question (0 = not an answer to it). */
function factFactor(q: Question, f: Fact, questionWords: Set<string>, aliases: Record<string, string[]>, roles: Map<string, string[]>, before = '', wn?: WordNet): number {
  switch (q.intent) {
    case 'quantity': {
      if (f.kind !== 'quantity') return 0;
      // "the fine in dollars": the asked currency first.
      // (In it as the text converts it counts too: "€5 million ($5.4 million)".)
      const currency = f.attribute === 'money' ? q.currency : undefined;
      const askedCurrency = currency && inCurrency(f, currency).unit !== currency ? 0.6 : 1;
      // "$5 million per season" is no answer to how much in all, unless the question asks per season.
      // "How many were injured" is not answered by "10 killed": a count of people by what happened
      // to them is of the asked event only if its participle is the asked verb, a form of it, or
      // causes it ("killed" for "died").
      if (f.subject === 'people' && q.eventForms && wn && !participleOf(f.label, q.eventForms, q.eventVerb!, wn)) return 0;
      const rate = f.per && !new RegExp(`\\b(?:per|an?|each|every)\\s+${f.per}\\b|\\bper\\b`, 'i').test(q.text) ? RATE_FIT : 1;
      return askedFit(q, f, wn) * subjectFit(q, f, questionWords, before, wn) * askedCurrency * rate;
    }
    case 'date': {
      if (f.kind !== 'date') return 0;
      // An unresolved weekday can still agree with a resolved date, and a century is an answer in
      // itself; an unresolved "yesterday" is not.
      // "What time …": a clock time answers even without its day ("5:30 p.m."), and outranks a part
      // of the day ("Friday afternoon"), which outranks the bare day.
      // "What year …": a date with no year to it ("Thursday" in an undated article) is no answer.
      if (q.precision === 'year' && !/^\d{4}/.test(String(f.value))) return 0;
      const clock = clockTime(f) !== undefined;
      if (q.precision === 'time') return clock ? 1 : (f.value || f.description ? 1 : 0.3) * (/T(?:MO|AF|EV|NI|DT)$/.test(f.timex ?? '') ? 0.9 : 0.8);
      return f.value ? 1 : f.description ? 0.85 : /centur|\d0s\b/i.test(f.surface) ? 0.85 : 0.3;
    }
    case 'person': {
      if (f.kind !== 'entity') return 0;
      if (q.describe) return f.description && namesMatch(String(f.value), q.describe) ? 1 : 0;
      if (mentionedIn(String(f.value), questionWords, undefined, aliases)) return 0;
      if (isRoleOnly(String(f.value))) return 0;
      // "Who is the president of X": someone the text calls a president.
      if (q.role && !holdsRole(`${f.description ?? ''} ${before}`, q.role, q.roleBy)) return 0.3;
      // "Who is the director of X" asks for who holds it now: not "a former director of X" (unless
      // the question asks for a former one).
      if (q.role && !questionWords.has('former') && new RegExp(`\\b(?:${FORMER_WORDS.join('|')})\\s*${q.role}\\b`, 'i').test(`${f.description ?? ''} ${before}`)) return 0.3;
      // A court or a city is no judge; a team may well be who won.
      if (q.kindOf === 'person' && (f.attribute === 'organization' || f.attribute === 'place')) return 0;
      // Two capitalized words read as a person's name may be a term WordNet knows as something
      // else ("Dead Sea", a lake; "White House", a department), or end in a kind of place or
      // institution ("Marlow Hospital").
      if (f.attribute === 'person' && wn && termNotPerson(String(f.value), wn)) return 0.4;
      // "after disappearing off Dunford Ridge": a name a spatial preposition takes, ending in a word
      // WordNet files under places or land forms, is where it happened, not who.
      if (wn && SPATIAL_PREPOSITION_BEFORE.test(before) && landName(String(f.value), wn)) return 0;
      return f.attribute === 'person' ? 1 : f.attribute === 'organization' ? 0.7 : 0.4;
    }
    case 'entity': {
      if (f.kind !== 'entity' || mentionedIn(String(f.value), questionWords, q.typeNoun, aliases)) return 0;
      const wanted = q.typeNoun ?? '';
      // "Where …": a place written before a person ("a Marlow doctor") or after "from" ("a climber
      // from Marlow") says where someone is from, not where it happened.
      if (wanted === 'place' && !q.origin && ((f.subject && wn && personNoun(f.subject, wn)) || /\bfrom\s+$/i.test(before))) return 0.3;
      // (A person is nowhere; an organization is somewhere only by its premises: "Police" is no place.)
      if (wanted === 'place' && f.attribute === 'person') return 0;
      if (wanted === 'place' && f.attribute === 'organization') return 0.4;
      const last = String(f.value).toLowerCase().split(/\s+/).at(-1) ?? '';
      // A name ending in the asked kind is one ("Larkin Hospital" for "which hospital"), however
      // typed; so is one set in apposition after it ("her own perfume line, Velour") or named by
      // it ("a perfume line called Velour", "the boat was identified as Marlin").
      if (last === wanted || last === `${wanted}s` || last === `${wanted}es`) return 1;
      if (wanted && new RegExp(`\\b${wanted}(?:s|es)?(?:,\\s*|\\s+(?:(?:was|is)\\s+)?(?:called|named|dubbed|known as|identified as)\\s+(?:the\\s+)?)$`, 'i').test(before)) return 1;
      // A person is no answer to "what gun" or "which team", a court or a city none to "which
      // judge" — not even when it modifies the kind ("a Texas judge", "County Court judge").
      if (q.kindOf && q.kindOf !== 'person' && f.attribute === 'person') return 0;
      if (q.kindOf === 'person' && (f.attribute === 'organization' || f.attribute === 'place')) return 0;
      // "a famed Marlow store": a place's name before the kind says where it is, not which one.
      if (f.subject === wanted && q.kindOf !== 'place' && wn && placeName(String(f.value), wn)) return 0.3;
      if (f.subject === wanted) return 1;
      // A kin kind ("sedan" for "which SUV"), or a WordNet synonym the name itself opens with
      // ("Mount Sefa" for "which mountain"), is weaker evidence than the kind itself.
      const opener = String(f.value).toLowerCase().split(/\s+/)[0];
      if (f.subject && (synonymsOf(wanted).has(f.subject) || (f.subject === opener && wn?.synonyms(wanted, 'n', 1).includes(f.subject)))) return 0.9;
      // A name that says its own kind ("Mount Sefa", "Larkin Hospital") is of that kind: another
      // one than asked ("which city") unless WordNet files it under the asked kind.
      const own = [opener, String(f.value).toLowerCase().split(/\s+/).at(-1)].includes(f.subject);
      if (own && wanted !== 'place' && wn?.has(f.subject, 'n') && wn.has(wanted, 'n') && !wn.hypernyms(f.subject, 'n', 8, 1).includes(wanted)) return 0.3;
      const cls = TYPE_CLASSES[wanted];
      if (wanted === 'place' && f.attribute === 'place') return 1;
      if (cls && cls === f.attribute) return 0.75;
      if (cls && f.attribute === 'thing') return 0.6;
      // "What car": a place is no car, and a name with nothing saying it is one is only a guess.
      if (q.kindOf === 'thing' && (f.attribute === 'place' || (wn && placeName(String(f.value), wn)))) return 0;
      if (q.kindOf === 'thing') return 0.35;
      return 0.5;
    }
    case 'quote':
      return f.kind === 'quote' && q.speaker && f.attribution && speakerMatch(f.attribution, q.speaker, aliases, roles) ? 1 : 0;
    default:
      return 0;
  }
}

const TYPE_CLASSES: Record<string, string> = table({
  regulator: 'organization', authority: 'organization', watchdog: 'organization', ministry: 'organization',
  department: 'organization', court: 'organization', union: 'organization', manufacturer: 'organization', carmaker: 'organization',
  automaker: 'organization', bank: 'organization', outlet: 'organization', newspaper: 'organization', network: 'organization',
  company: 'organization', firm: 'organization', organization: 'organization', organisation: 'organization', group: 'organization',
  agency: 'organization', party: 'organization', team: 'organization', country: 'place', city: 'place', town: 'place',
  village: 'place', place: 'place', river: 'place', region: 'place', province: 'place', state: 'place', location: 'place',
  person: 'person', official: 'person', man: 'person', woman: 'person', leader: 'person', executive: 'person', ceo: 'person',
});

const LOOSE_SUBJECT = new Set(['temperature', 'speed', 'duration', 'magnitude', 'percent', 'change']);

const LENGTHS = new Set(['length', 'height', 'width', 'depth', 'thickness', 'distance']);

/**
 * How well a figure is of the asked dimension. "How much damage" asks an amount of a thing: a sum
 * of money of that thing is one, a count of other things ("40 damaged cars") is none as such.
 */
function askedFit(q: Question, f: Fact, wn?: WordNet): number {
  const fit = dimensionFit(q.dimension!, f, q.byUnit, wn);
  if (q.dimension !== 'number' || !q.focus) return fit;
  // (Of it by its subject, or by its own words: "200 rounds of ammunition" is an amount of ammo.)
  const ofFocus = f.subject === q.focus || Boolean(q.focusForms?.has(f.subject))
    || labelWords(f).some((w) => w === q.focus || q.focusForms?.has(w));
  if (f.attribute === 'money' && ofFocus) return 1;
  if (f.attribute === 'count' && !ofFocus) return Math.min(fit, OTHER_COUNT);
  return fit;
}

function dimensionFit(wanted: string, f: Fact, byUnit = false, wn?: WordNet): number {
  const implicit = f.description === 'implicit';
  // "a 12-mile trek": the length of a movement (WordNet files "trek", "pursuit" under "motion") is how far it went.
  if (wanted === 'distance' && f.attribute === 'length' && f.subject && wn && wn.hypernyms(f.subject, 'n', 6, 1).some((h) => h === 'motion' || h === 'travel')) return 0.9;
  // "How many yards did he run": a distance in the asked unit's class is what was asked.
  if (byUnit && wanted === 'length' && f.attribute === 'distance') return 1;
  if (wanted === f.attribute && !implicit) return 1;
  if (LENGTHS.has(wanted) && f.attribute === 'length' && implicit) return wanted === 'length' ? 0.9 : wanted === 'distance' ? 0.3 : 0.7;
  if (wanted === 'magnitude' && f.attribute === 'speed') return 0.9;
  // ("How big is the loan", "how big was the crowd": a sum or a count is how big some things are.)
  if (wanted === 'size') return f.attribute === 'magnitude' ? 1 : LENGTHS.has(f.attribute) || f.attribute === 'area' ? 0.8 : f.attribute === 'money' || f.attribute === 'count' ? 0.6 : 0;
  if (wanted === 'number') return f.attribute === 'count' || f.attribute === 'number' ? 1 : f.attribute === 'money' || f.attribute === 'percent' ? 0.6 : 0;
  if (wanted === 'count') return f.attribute === 'number' ? 0.5 : 0;
  if (wanted === 'change') return f.attribute === 'percent' ? 1 : f.attribute === 'money' ? 0.9 : f.attribute === 'count' || f.attribute === 'number' ? 0.7 : 0;
  if (wanted === 'length' && f.attribute === 'distance') return 0.3;
  // "How much of the trade …": a share, or else an amount of it.
  if (wanted === 'percent') return f.attribute === 'money' || f.attribute === 'count' ? 0.7 : 0;
  return 0;
}

function subjectFit(q: Question, f: Fact, questionWords: Set<string>, before: string, wn?: WordNet): number {
  // "the iPhone 3GS's price" does not answer a question about the "iPhone 3G".
  if (f.qualifier && f.qualifier.split(' ').some((w) => !questionWords.has(w) && [...questionWords].some((t) => t.length >= 2 && w !== t && w.startsWith(t) && /\d/.test(t)))) return 0.5;
  // A count of something the question did not name answers nothing when it named a thing to count.
  // ("How many M-16s": the counted thing is the name the count's own words give — "six M 16 rifles".)
  // ("How many yards did Lane run": the unit is the focus, and a figure's subject is whose it is.)
  if (!q.focus || q.byUnit) {
    if (f.subject && questionWords.has(f.subject)) return 1;
    if (!q.unreadCount) return 0.9;
    const counted = new Set(f.label.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    return q.terms.some((t) => t.name && /\p{L}/u.test(t.term) && counted.has(t.term)) ? 1 : 0.4;
  }
  if (f.subject === q.focus) {
    // "How many cargo boats": "two tugboats" counts another kind of boat than "12 cargo boats"
    // (a noun before the counted word names its kind; an adjective, "two new trucks", does not).
    const modifier = q.terms.find((t) => t.term === q.focus)?.modifier;
    if (!modifier || !wn) return 1;
    const words = labelWords(f);
    const own = words[words.findIndex((w) => w.startsWith(q.focus!)) - 1] ?? '';
    return own && own !== modifier && !words.includes(modifier) && wn.has(own, 'n') && !wn.has(own, 'a') ? OTHER_KIND : 1;
  }
  if (q.eventNouns?.has(f.subject) || q.focusForms?.has(f.subject)) return 0.95;
  if (f.kind === 'quantity' && q.focusForms && labelWords(f).some((w) => q.focusForms!.has(w))) return 0.9;
  // "How old is the guy charged with arson": ages belong to people, most often named ones; the
  // sentence's support says which person.
  if (q.dimension === 'age' && q.personFocus && f.subject && !questionWords.has(f.subject)) return 0.85;
  if (synonymsOf(q.focus).has(f.subject)) return 0.9;
  // "The Corsa, the maker's best-selling car, starts at $27,900": the focus named just before the figure.
  if (new RegExp(`\\b${q.focus.replace(/[^\p{L}\p{N}]/gu, '')}`, 'iu').test(before)) return 0.95;
  if (!f.subject) return 0.8;
  if (questionWords.has(f.subject)) return q.dimension === 'count' ? 0.5 : 0.8;
  // A count of something else is another count; a temperature or speed is rarely "of" a noun.
  return q.dimension === 'count' ? 0.4 : LOOSE_SUBJECT.has(q.dimension ?? '') ? 0.8 : 0.6;
}

/** The minute of the day a date fact's clock time gives (17:30 → 1050), if it gives one. */
function minuteOfDay(f: Fact): number | undefined {
  const [h, m] = clockTime(f)?.split(':').map(Number) ?? [];
  return h === undefined ? undefined : h * 60 + m!;
}

/**
 * A clock time whose sentence gives no day: its day is unknown (no weekday either), or only its
 * article's date, inferred.
 */
function dayUnstated(s: Scored): boolean {
  if (clockTime(s.fact) === undefined) return false;
  const value = String(s.fact.value);
  return (!value && !s.fact.description) || (Boolean(s.fact.inferred) && value.slice(0, 10) === s.ref.article.published);
}

/** Whether a clock time names its time zone ("4:30 p.m. ET", "1023 GMT"). */
function zoned(s: Scored): boolean {
  const raw = s.ref.article.raw;
  return TIME_ZONE.test(raw.slice(s.fact.span.start, Math.min(s.ref.sentence.end, s.fact.span.end + 12)));
}
const TIME_ZONE = new RegExp(`\\b(?:${TIME_ZONES})\\b`);

/**
 * Whether a name of several words is no person's: a WordNet term whose commonest sense is not a
 * person, or one whose last word is a kind of building or institution ("Marlow General Hospital").
 */
function termNotPerson(name: string, wn: WordNet): boolean {
  const n = name.toLowerCase();
  if (!n.includes(' ')) return false;
  if (wn.has(n, 'n') && !personNoun(n, wn)) return true;
  return lastWordKinds(n, 6, wn).some((h) => PLACES_OF_PEOPLE.has(h));
}

/** The WordNet kinds of a several-word name's last word ("… Ridge": natural elevation, geological formation, …). */
function lastWordKinds(name: string, depth: number, wn: WordNet): readonly string[] {
  const words = name.toLowerCase().split(/\s+/);
  const last = words.at(-1)!;
  return words.length > 1 && wn.has(last, 'n') ? wn.hypernyms(last, 'n', depth, 1) : [];
}

/** WordNet kinds a name's last word may say it is, which no person is. */
const PLACES_OF_PEOPLE = new Set(['building', 'institution', 'facility', 'establishment', 'organization']);

/**
 * Whether a sentence names someone of an asked surname with another given name, and never the
 * one asked ("Ann Vane" when "Tom Vane" is asked; not "J. Tom Vane", "Mr. Vane", or "Rob" for "Robert").
 */
function namesOtherGiven(text: string, givenNames: Map<string, string>): boolean {
  const lower = text.toLowerCase();
  if (![...givenNames.keys()].some((surname) => lower.includes(surname))) return false;
  let words: string[] | undefined;
  for (const m of text.matchAll(CAPITALIZED_PAIR)) {
    const given = givenNames.get(m[2]!.toLowerCase());
    if (given === undefined || (words ??= lower.split(/[^\p{L}\p{N}'’-]+/u)).includes(given)) continue;
    const first = m[1]!.toLowerCase();
    if (!ROLE_WORDS.has(first) && !first.startsWith(given) && !given.startsWith(first)) return true;
  }
  return false;
}
const CAPITALIZED_PAIR = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}'’-]*)/gu;

/** WordNet kinds that make a noun a place. */
const PLACE_KINDS = ['location', 'region', 'geographical area', 'district', 'point'];

/** Whether WordNet's commonest sense of a name is a place ("Paris", "New York", "Texas"). */
function placeName(name: string, wn: WordNet): boolean {
  const n = name.toLowerCase();
  return wn.has(n, 'n') && wn.hypernyms(n, 'n', 8, 1).some((h) => PLACE_KINDS.includes(h));
}

/** A preposition of place right before a name, of those that seldom take a person. */
const SPATIAL_PREPOSITION_BEFORE = new RegExp(`\\b(?:${SPATIAL_PREPOSITIONS.join('|')})\\s+(?:the\\s+)?$`, 'i');

/** Whether a name of several words ends in a word WordNet files under places or land forms ("… Ridge", "… Valley"). */
function landName(name: string, wn: WordNet): boolean {
  return lastWordKinds(name, 8, wn).some((h) => LAND_KINDS.includes(h));
}
const LAND_KINDS = [...PLACE_KINDS, 'geological formation'];

/** The words of a figure's own label ("200 rounds of ammunition"). */
function labelWords(f: Fact): string[] {
  return f.label.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
}

function compatible(q: Question, a: Scored, b: Scored): boolean {
  const fa = a.fact;
  const fb = b.fact;
  if (fa.kind === 'quantity' && fb.kind === 'quantity') {
    const [qa, qb] = [inCurrency(fa, q.currency), inCurrency(fb, q.currency)];
    return qa.unit === qb.unit && quantitiesCompatible(qa, qb);
  }
  if (fa.kind === 'date' && fb.kind === 'date') {
    // "What time …": two clock times of one day are two answers ("by 5:50 a.m.", "by 6:10 a.m."), unless
    // they are whole quarter hours apart and one names its time zone, as one moment is in two zones
    // ("8:15 p.m. ET", "5:15 p.m."). ("Evacuated at 2:15 p.m." is no report of a blast at 6:45 p.m.)
    if (q.precision === 'time') {
      const [ca, cb] = [minuteOfDay(fa), minuteOfDay(fb)];
      if (ca !== undefined && cb !== undefined && ca !== cb && ((ca - cb) % 15 !== 0 || !(zoned(a) || zoned(b)))) return false;
      // Where a sentence gives no day for its clock time, the time alone agrees.
      if (ca !== undefined && cb !== undefined && (dayUnstated(a) || dayUnstated(b))) return true;
    }
    // "Thursday" in an undated article is that weekday of a day someone dates (a resolved "Thursday"),
    // not any Thursday in history ("on June 3, 1982", a Thursday).
    const unresolved = (f: Fact) => !f.value && Boolean(f.description);
    const dated = unresolved(fa) && fb.value ? b : unresolved(fb) && fa.value ? a : undefined;
    if (dated && !dated.fact.inferred) return false;
    return datesCompatible({ value: String(fa.value), weekday: fa.description }, { value: String(fb.value), weekday: fb.description });
  }
  if (q.intent === 'quote') return similarText(String(fa.value), String(fb.value));
  // "Marlow" the city is not "the Marlow Otters" the team, though one name holds the other.
  // (Person is left out: it is the typing's fallback for any two or three capitalized words.)
  const typed = (t: string) => t === 'organization' || t === 'place';
  if (fa.kind === 'entity' && fb.kind === 'entity' && typed(fa.attribute) && typed(fb.attribute) && fa.attribute !== fb.attribute) return false;
  return namesMatch(a.value, b.value);
}

/** A speaker as asked matches a speaker as written, directly or through a corpus alias ("UN" ~ "United Nations"). */
function speakerMatch(written: string, asked: string, aliases: Record<string, string[]>, roles?: Map<string, string[]>): boolean {
  if (namesMatch(written, asked)) return true;
  if ((own(aliases, asked.toLowerCase()) ?? []).some((alt) => namesMatch(written, alt))) return true;
  // "What did the governor say": a speaker the text describes that way ("the CEO": "chief executive").
  const wanted = asked.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^(the|a|an|of)$/.test(w)).flatMap((w) => ABBREVIATIONS[w] ?? [w]);
  return wanted.length > 0 && (roles?.get(written.toLowerCase()) ?? []).some((d) => {
    const words = d.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return wanted.every((w) => words.includes(w));
  });
}

/** A name the question itself uses is not its answer ("Globex Inc." for "… sued Globex?"). */
function mentionedIn(name: string, questionWords: Set<string>, kind?: string, aliases: Record<string, string[]> = {}): boolean {
  // "World Health Organization" is what a question saying "WHO" already names.
  if ((own(aliases, name.toLowerCase()) ?? []).some((alt) => questionWords.has(alt))) return true;
  const asked = new Set([...questionWords].map(singularWord));
  const all = nameWords(name);
  const words = all.filter((w) => w !== kind && w !== `${kind}s` && !/^(inc|corp|co|ltd|llc|plc|group|company)$/.test(w));
  // "Regulator" for "which regulator": the kind itself is not an answer.
  if (!words.length) return all.length > 0 && kind !== undefined;
  const shared = words.filter((w) => asked.has(w)).length;
  // "Who was Ames's lawyer": "Jose Luis Ames" is the one asked about, by his surname.
  const surname = words.at(-1)!;
  if (words.length > 1 && asked.has(surname) && /\p{Lu}/u.test(name)) return true;
  return shared === words.length || shared / words.length >= 0.5;
}

function isRoleOnly(name: string): boolean {
  return /^(?:(?:chief|executive|operating|financial|officer|vice|president|director|general|senior|deputy|ceo|coo|cfo|minister|prime|secretary)\s*)+$/i.test(name);
}

function similarText(a: string, b: string): boolean {
  const wa = new Set(a.toLowerCase().split(/\W+/).filter((w) => w.length > 2));
  const wb = new Set(b.toLowerCase().split(/\W+/).filter((w) => w.length > 2));
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 0.6 * Math.min(wa.size, wb.size);
}

export type { QTerm };
