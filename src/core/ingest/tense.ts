/**
 * Tense and modality of a time expression, read from the clause that governs it: the verb
 * group of the clause the expression sits in, not whatever verb happens to be a few
 * characters away. A nearby "will" in another clause no longer flips a past weekday, and
 * modal or scheduled clauses ("could be signed on October 3", "is scheduled for August 2",
 * "faces a May 15 deadline", "to last through April") look ahead.
 */
import type { Tok } from './analyze.js';
import type { Tense } from './dates.js';

/** Words that open a new clause: the expression belongs to the clause on its side of them. */
const CLAUSE_OPENERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'whereas', 'because', 'although', 'though',
  'if', 'unless', 'but', 'so', 'where', 'as',
]);
/** Punctuation that ends a clause (commas only when the clause has a verb of its own, see below). */
const HARD_BOUNDARY = /^[;:()\[\]"“”—–]$|^--$/;

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

function isVerb(t: Tok): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

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
  const stops = (t: Tok) => HARD_BOUNDARY.test(t.v) || CLAUSE_OPENERS.has(t.lower) || (!crossCommas && t.v === ',');
  let lo = a;
  while (lo > 0 && !stops(tokens[lo - 1]!)) lo--;
  // The opener itself belongs to the clause it opens ("which will be available on June 17").
  if (lo > 0 && CLAUSE_OPENERS.has(tokens[lo - 1]!.lower)) lo--;
  let hi = b;
  while (hi + 1 < tokens.length && !stops(tokens[hi + 1]!)) hi++;
  return [lo, hi];
}

/** Tense of one clause's verb group, with the expression at [a, b]; undefined when it has no verb. */
function clauseVerbTense(tokens: Tok[], lo: number, hi: number, a: number, b: number): Tense | undefined {
  let sawVerb = false;
  let past = false;
  let presentEvent = false;
  let perfectOrProgressive = false;
  let infinitiveBefore = false;
  let bareInfinitive = false;
  for (let k = lo; k <= hi; k++) {
    if (k >= a && k <= b) continue;
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (FUTURE_AUX.has(t.lower) && (t.pos === 'AUX' || t.pos === 'VERB' || t.lower === 'wo')) return 'future';
    if (SCHEDULE_TO.has(t.lower) && next?.lower === 'to' && tokens[k + 2] && isVerb(tokens[k + 2]!)) return 'future';
    if (SCHEDULE_FOR.has(t.lower) && (next?.lower === 'for' || next?.lower === 'on')) return 'future';
    if (t.lower === 'to' && k < a && next && isVerb(next) && next.lower === next.lemma) {
      // The nearest verb before the expression is an infinitive that looks ahead: "an event to be
      // held on October 12", "expected to last through April", "agreed to extend the truce until
      // Friday" — but not a purpose ("launched an offensive to seize the city on June 6").
      let nearer = false;
      for (let j = k + 2; j < a; j++) if (isVerb(tokens[j]!) && !(next.lower === 'be' && j === k + 2)) nearer = true;
      const passive = next.lower === 'be' && tokens[k + 2] !== undefined && isPastForm(tokens[k + 2]!);
      const until = DEADLINE_PREPS.has(tokens[a - 1]?.lower ?? '');
      if (!nearer && (passive || SCHEDULED_VERBS.has(next.lemma) || until)) infinitiveBefore = true;
      else if (!nearer) bareInfinitive = true;
    }
    if (!isVerb(t)) continue;
    sawVerb = true;
    if (isPastForm(t)) {
      past = true;
      continue;
    }
    if (t.lower === 'has' || t.lower === 'have' || t.lower === "'ve" || t.lower === '’ve') {
      if (tokens.slice(k + 1, Math.min(hi + 1, k + 4)).some((u) => u.pos === 'VERB' && isPastForm(u))) perfectOrProgressive = true;
      continue;
    }
    // "is meeting on Friday", "resumes Monday": a present event with a date is a scheduled one.
    if (t.pos === 'VERB' && t.lower.endsWith('ing') && tokens[k - 1] && ['is', 'are', "'s", '’s', "'re", '’re', 'am'].includes(tokens[k - 1]!.lower)) presentEvent = true;
    else if (t.pos === 'VERB' && !STATIVE.has(t.lemma) && (t.lower === `${t.lemma}s` || t.lower === `${t.lemma}es`)) presentEvent = true;
  }
  if (!sawVerb) {
    const ahead = tokens.slice(lo, hi + 1).some((t) => AHEAD_NOUNS.has(t.lower));
    return ahead ? 'future' : undefined;
  }
  if (past || perfectOrProgressive) return infinitiveBefore ? 'future' : 'past';
  // Without a past verb, any infinitive looks ahead: "the truce is to last through April", "plans to open on Friday".
  if (infinitiveBefore || bareInfinitive) return 'future';
  if (tokens.slice(lo, hi + 1).some((t) => AHEAD_NOUNS.has(t.lower))) return 'future';
  return presentEvent ? 'future' : 'present';
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
