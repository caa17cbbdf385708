/**
 * Tense and modality of a time expression, read from the verb group it attaches to: the
 * nearest finite verb of its own clause (the one before it, else the one after), with that
 * verb's auxiliaries — not whatever verb happens to be a few characters away. A nearby "will" in another clause no longer flips a past weekday, and
 * modal or scheduled clauses ("could be signed on October 3", "is scheduled for August 2",
 * "faces a May 15 deadline", "to last through April") look ahead.
 */
import type { Tok } from '../syntax.js';
import type { Tense } from './dates.js';

/** Words that open a new clause: the expression belongs to the clause on its side of them. */
const CLAUSE_OPENERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'whereas', 'because', 'although', 'though',
  'if', 'unless', 'but', 'so', 'where', 'as',
]);
/** Punctuation that ends a clause; commas end one too, unless the clause would have no verb (see `clauseTense`). */
const HARD_BOUNDARY = new Set([';', ':', '(', ')', '[', ']', '"', '“', '”', '—', '–', '--']);

/** Auxiliaries and modals that put the clause ahead of the time of writing. */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll', 'wo', 'could', 'may', 'might', 'would', 'should', 'must']);
/** "… to" phrases that schedule: "is set to", "are expected to", "was due to". */
const SCHEDULE_TO = new Set(['going', 'set', 'scheduled', 'due', 'expected', 'planned', 'slated', 'poised', 'about', 'likely', 'plan', 'plans', 'aim', 'aims', 'hope', 'hopes', 'intend', 'intends']);
/** "… for" phrases that schedule: "is scheduled for August 2", "was set for Friday". */
const SCHEDULE_FOR = new Set(['set', 'scheduled', 'slated', 'planned', 'due', 'expected', 'timetabled']);
/** Nouns that place their date ahead when the clause is not past: "faces a May 15 deadline". */
const AHEAD_NOUNS = new Set(['deadline', 'target', 'goal', 'schedule', 'forecast', 'outlook', 'plan', 'expiry', 'expiration']);
/** Present-tense verbs that report or describe a state rather than schedule an event. */
const STATIVE = new Set(['be', 'have', 'say', 'tell', 'report', 'add', 'claim', 'state', 'note', 'know', 'remain', 'seem', 'appear', 'mean', 'show', 'think', 'believe', 'want', 'need', 'include', 'contain', 'accord']);
/** Verbs that schedule what follows them: "to begin on Monday", "to last through April". */
const SCHEDULED_VERBS = new Set(['begin', 'start', 'open', 'close', 'end', 'last', 'resume', 'expire', 'run', 'take', 'occur', 'launch', 'arrive', 'finish', 'conclude', 'continue', 'hold', 'meet', 'convene', 'vote', 'decide', 'rule']);
/** Prepositions that make a date a limit ahead of the clause: "until Friday", "through April", "by June". */
const DEADLINE_PREPS = new Set(['until', 'till', 'through', 'by', 'before']);
const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re', 'has', 'have', 'does', 'do']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);

/** A verb form that is past: "entered", "began", "was" (not "entering", "enters"). */
function isPastForm(t: Tok): boolean {
  if (PAST_AUX.has(t.lower)) return true;
  if (t.pos !== 'VERB') return false;
  return t.lower !== t.lemma && !t.lower.endsWith('ing') && !PRESENT_FORMS.has(t.lower) && t.lower !== `${t.lemma}s` && t.lower !== `${t.lemma}es`;
}

/** Index range [first, last] of the tokens inside [start, end) (absolute offsets). */
function tokenRange(tokens: Tok[], start: number, end: number): [number, number] {
  let first = tokens.findIndex((t) => t.end > start);
  if (first < 0) first = tokens.length - 1;
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  return [first, last];
}

/** The clause around tokens [a, b]: up to the nearest clause opener or hard punctuation on each side. */
function clauseAround(tokens: Tok[], a: number, b: number, crossCommas: boolean): [number, number] {
  let lo = a;
  while (lo > 0 && !endsClause(tokens[lo - 1]!, crossCommas)) lo--;
  // The opener itself belongs to the clause it opens ("which will be available on June 17").
  if (lo > 0 && CLAUSE_OPENERS.has(tokens[lo - 1]!.lower)) lo--;
  let hi = b;
  while (hi + 1 < tokens.length && !endsClause(tokens[hi + 1]!, crossCommas)) hi++;
  return [lo, hi];
}

/** Whether a token bounds a clause: hard punctuation, a clause opener, or a comma unless commas are crossed. */
function endsClause(t: Tok, crossCommas: boolean): boolean {
  return HARD_BOUNDARY.has(t.v) || CLAUSE_OPENERS.has(t.lower) || (!crossCommas && t.v === ',');
}

/** Auxiliaries, negation and adverbs that sit between a verb and its auxiliaries ("has not yet", "will soon"). */
function inGroup(t: Tok): boolean {
  return t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || FUTURE_AUX.has(t.lower) || t.lower === 'to';
}

/**
 * Tense of the verb group headed by tokens[v], reading its auxiliaries; `undefined` for a
 * purpose infinitive ("to seize the city"), which defers to the verb it hangs from.
 */
function groupTense(tokens: Tok[], v: number, lo: number, a: number): Tense | undefined {
  const verb = tokens[v]!;
  const chain: Tok[] = [];
  for (let j = v - 1; j >= lo && j >= v - 5 && inGroup(tokens[j]!); j--) chain.unshift(tokens[j]!);
  if (chain.some((t) => FUTURE_AUX.has(t.lower))) return 'future';
  const to = chain.findIndex((t) => t.lower === 'to');
  if (to >= 0) {
    // An infinitive ("to begin", "to be held"): "is set to begin", "are expected to last",
    // "an event to be held on October 12" look ahead; a purpose ("to seize the city") defers.
    const at = v - (chain.length - to);
    const governor = tokens[at - 1];
    if (governor && SCHEDULE_TO.has(governor.lower)) return 'future';
    const passive = chain.slice(to + 1).some((t) => t.lower === 'be') && isPastForm(verb);
    const until = DEADLINE_PREPS.has(tokens[a - 1]?.lower ?? '');
    if (passive || SCHEDULED_VERBS.has(verb.lemma) || until) return 'future';
    return undefined;
  }
  if (SCHEDULE_FOR.has(verb.lower) && ['for', 'on'].includes(tokens[v + 1]?.lower ?? '')) return 'future';
  if (isPastForm(verb) || chain.some((t) => PAST_AUX.has(t.lower))) return 'past';
  if (chain.some((t) => ['has', 'have', "'ve", '’ve'].includes(t.lower))) return 'past';
  // "is meeting on Friday", "resumes Monday": a present event with a date is a scheduled one.
  const progressive = verb.lower.endsWith('ing') && chain.some((t) => ['is', 'are', "'s", '’s', "'re", '’re', 'am'].includes(t.lower));
  const simpleEvent = verb.pos === 'VERB' && !STATIVE.has(verb.lemma) && (verb.lower === `${verb.lemma}s` || verb.lower === `${verb.lemma}es`);
  return progressive || simpleEvent ? 'future' : 'present';
}

/** A verb that can head a finite group: not a bare participle ("forces gradually forcing …"). */
function canHead(tokens: Tok[], k: number): boolean {
  const t = tokens[k]!;
  if (t.pos === 'AUX') {
    // An auxiliary heads its group only when no verb follows it ("the deal was in 2009").
    const next = tokens[k + 1];
    return !(next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'PART' || next.pos === 'ADV'));
  }
  if (t.pos !== 'VERB') return false;
  if (t.lower.endsWith('ing')) return tokens[k - 1] !== undefined && inGroup(tokens[k - 1]!);
  return true;
}

/**
 * Tense of the verb group the expression at tokens [a, b] attaches to within the clause
 * [lo, hi]: the nearest verb before it (a purpose infinitive defers to the verb before that),
 * else the first after it. Undefined when the clause has no verb.
 */
function clauseVerbTense(tokens: Tok[], lo: number, hi: number, a: number, b: number): Tense | undefined {
  const ahead = tokens.slice(lo, hi + 1).some((t) => AHEAD_NOUNS.has(t.lower));
  const order: number[] = [];
  for (let k = a - 1; k >= lo; k--) order.push(k);
  for (let k = b + 1; k <= hi; k++) order.push(k);
  for (const k of order) {
    if (!canHead(tokens, k)) continue;
    const t = groupTense(tokens, k, lo, a);
    if (t === undefined) continue;
    return t === 'present' && ahead ? 'future' : t;
  }
  return ahead ? 'future' : undefined;
}

/**
 * Tense of the clause governing the expression at [start, end) (offsets of `tokens`): the
 * verb group of its own clause; when that clause has no verb ("Yesterday, at the conference,
 * Jobs unveiled …"), the clause widened across commas; failing that, the sentence.
 */
export function clauseTense(tokens: Tok[], start: number, end: number): Tense {
  if (!tokens.length) return 'past';
  const [a, b] = tokenRange(tokens, start, end);
  for (const crossCommas of [false, true]) {
    const [lo, hi] = clauseAround(tokens, a, b, crossCommas);
    const t = clauseVerbTense(tokens, lo, hi, a, b);
    if (t) return t;
  }
  return clauseVerbTense(tokens, 0, tokens.length - 1, a, b) ?? 'past';
}
