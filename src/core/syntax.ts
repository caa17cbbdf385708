/**
 * The one shallow-syntax layer: wink-nlp tokens → chunks (noun groups, verb groups with tense,
 * negation and modality, prepositions) → relation frames (who did what to whom, where, when,
 * why). Shared by both wings: sentences are read into frames at ingest, and questions are read
 * by the same grammar at answering, so the two line up.
 */
import type { Frame, FrameArg } from './types.js';
import type { Nlp } from './nlp.js';
import { BARE_VERB_BLOCKERS, IRREALIS_GOVERNORS, NEGATIVE_DETERMINERS, NEGATIVE_GOVERNORS, NEGATORS, PARTICLES, PARTITIVES, POSSESSIVES, PREDETERMINERS, ROLE_WORDS, SAYING_VERBS, SUBORDINATORS, TIME_DETERMINERS, TIME_NOUNS } from './lexicon.js';

export interface Tok {
  /** Text as written. */
  v: string;
  lower: string;
  lemma: string;
  pos: string;
  /** wink token type: word, number, punctuation, currency, ... */
  type: string;
  stop: boolean;
  start: number;
  end: number;
}

export type ChunkKind = 'NP' | 'VG' | 'P' | 'WH' | 'CONJ' | 'SUB' | 'COMMA' | 'PUNCT' | 'OTHER';

export interface Chunk {
  kind: ChunkKind;
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** NP: the head token; VG: the main verb (or the auxiliary of a bare copula). */
  head: number;
  /** VG: lemma of the main verb, with its particle ("step down"). */
  lemma?: string;
  neg?: boolean;
  passive?: boolean;
  modal?: boolean;
  /** VG: "to" + verb. */
  inf?: boolean;
  /** VG: an auxiliary with no verb after it ("is", "did"). */
  bare?: boolean;
  tense?: 'past' | 'present' | 'future';
}

const NP_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'X', 'SYM']);
const HEAD_POS = new Set(['NOUN', 'PROPN', 'NUM', 'PRON', 'X', 'SYM']);
const MODALS = new Set(['could', 'would', 'may', 'might', 'should', 'must', 'can', 'ought']);
const FUTURE = new Set(['will', 'shall', "'ll", '’ll', 'wo']);
const WH = new Set(['who', 'whom', 'what', 'which', 'where', 'when', 'why', 'how', 'whose', 'that']);
const BE = new Set(['be', 'get']);

/**
 * A token as read from wink. A class, not an object literal: V8 pretenures a literal's allocation
 * site once the objects it made outlive a scavenge, which the tokens of the article in hand always
 * do, and then every token of a corpus is born in the old generation and dies there (70 MB of
 * garbage there in a 2,000-article ingest). Objects made with `new` have no allocation site to pretenure.
 */
class Token implements Tok {
  constructor(
    public v: string,
    public lower: string,
    public lemma: string,
    public pos: string,
    public type: string,
    public stop: boolean,
    public start: number,
    public end: number,
  ) {}
}

/** Reads `text` with wink-nlp into tokens whose offsets are `base` + offsets into `text`. */
export function readTokens(nlp: Nlp, text: string, base = 0): Tok[] {
  return docTokens(nlp, nlp.readDoc(text), text, base).toks;
}

/**
 * The tokens of a wink document read from `text`, with offsets `base` + offsets into `text`, and
 * the whitespace before each (which holds the line breaks).
 */
export function docTokens(nlp: Nlp, doc: ReturnType<Nlp['readDoc']>, text: string, base = 0): { toks: Tok[]; spaces: string[] } {
  const its = nlp.its;
  const tokens = doc.tokens();
  // Each token's wink lexeme, read once per distinct lexeme (see Lexeme), rather than its value,
  // type, stop flag and lemma read anew for every token of a corpus.
  const ids = tokens.out(its.uniqueId) as number[];
  const contracted = tokens.out(its.contractionFlag) as boolean[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  let lexemes = lexemesOf.get(nlp);
  if (!lexemes) lexemesOf.set(nlp, (lexemes = []));
  const toks: Tok[] = new Array(ids.length);
  let offset = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let x = lexemes[id];
    if (x === undefined) {
      const item = tokens.itemAt(i);
      x = new Lexeme(item.out(its.value), item.out(its.type));
      // Filled up to the id, so the list stays one flat array (ids are dense: wink numbers its lexemes in order).
      while (lexemes.length < id) lexemes.push(undefined);
      lexemes[id] = x;
    }
    const v = x.v;
    offset += spaces[i]!.length;
    // wink's output is lossless; guard anyway so a surprise never yields a wrong snippet.
    if (!text.startsWith(v, offset)) {
      const found = text.indexOf(v, offset);
      if (found >= 0) offset = found;
    }
    const p = pos[i]!;
    let lemma: string;
    let stop: boolean;
    if (contracted[i]) {
      // A contraction's part ("n't", the "it" of "it's") keeps its own lemma and stop flag in the token, not the lexeme.
      const item = tokens.itemAt(i);
      lemma = tokLemma(nlp, item.out(its.lemma as typeof its.value), v, p);
      stop = item.out(its.stopWordFlag) === true;
    } else {
      lemma = x.lemmaOf(p) ?? x.keepLemma(p, tokLemma(nlp, tokens.itemAt(i).out(its.lemma as typeof its.value), v, p));
      stop = x.stop ??= tokens.itemAt(i).out(its.stopWordFlag) === true;
    }
    toks[i] = new Token(v, x.lower, lemma, p, x.type, stop, base + offset, base + offset + v.length);
    offset += v.length;
  }
  // "Police officers chased Mr. Ames", "a man stabbed two guards": a word the tagger read as a
  // noun, between a noun group and the start of another, is a past tense where wink reads it as one
  // after a subject.
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos !== 'NOUN' || !PAST_FORM.test(t.v) || !BEFORE_PAST_FORM.test(toks[i - 1]!.pos) || !AFTER_PAST_FORM.test(toks[i + 1]!.pos)) continue;
    const verb = pastTenseVerb(nlp, t.lower);
    if (verb) toks[i] = new Token(t.v, t.lower, verb, 'VERB', t.type, t.stop, t.start, t.end);
  }
  return { toks, spaces };
}

/**
 * What docTokens reads of one wink lexeme (its.uniqueId): its text and lower case, type and stop
 * flag, and its lemma by part of speech. All of these are wink's for the lexeme alone (outside a
 * contraction), and a corpus holds few lexemes but millions of tokens: read once, the strings are
 * also shared by every token of the lexeme.
 */
class Lexeme {
  readonly lower: string;
  /** Read from the first token of the lexeme outside a contraction. */
  stop?: boolean;
  /** The lemma for the part of speech it was first read with (most lexemes take only one)... */
  private lemmaPos = '';
  private lemma = '';
  /** ...and for any other. */
  private others?: Map<string, string>;

  constructor(
    readonly v: string,
    readonly type: string,
  ) {
    this.lower = lowerCase(v);
  }

  /** The lemma kept for part of speech `pos`, if one is. */
  lemmaOf(pos: string): string | undefined {
    return this.lemmaPos === pos ? this.lemma : this.others?.get(pos);
  }

  /** Keeps `lemma` as the lemma for `pos`, and returns it. */
  keepLemma(pos: string, lemma: string): string {
    if (!this.lemmaPos) {
      this.lemmaPos = pos;
      this.lemma = lemma;
    } else (this.others ??= new Map()).set(pos, lemma);
    return lemma;
  }
}
/** By nlp instance: a lexeme's id is an index into its instance's cache. */
const lexemesOf = new WeakMap<Nlp, (Lexeme | undefined)[]>();

/** A token's lemma from wink's: lower case, a plain plural cut (singular), a hyphenated verb's last part read as a verb. */
function tokLemma(nlp: Nlp, winkLemma: string | undefined, v: string, pos: string): string {
  let lemma = singular(lowerCase(winkLemma ?? v), pos);
  // "re-signed", "co-founded": wink leaves a hyphenated verb as written; its last part is the verb.
  if (pos === 'VERB' && lemma === lowerCase(v) && HYPHENATED_VERB.test(lemma)) {
    const cut = lemma.lastIndexOf('-');
    const last = nlp.readDoc(lemma.slice(cut + 1)).tokens().out(nlp.its.lemma as typeof nlp.its.value)[0] as string | undefined;
    if (last) lemma = `${lemma.slice(0, cut + 1)}${last}`;
  }
  return lemma;
}

/** A lower-case word that may be a verb's past form: in -ed (not -eed: "seed", "speed"), or an irregular one ("shot", "took"), not in -s. */
const PAST_FORM = /^(?:[a-z]{2,}[^e]ed|[a-z]{3,}[^s])$/;
// The tags around it (made once, as the other per-token patterns here: a regex literal is a new
// RegExp object each time it is evaluated, and these are, for most nouns of a corpus).
const BEFORE_PAST_FORM = /^(NOUN|PROPN|PRON)$/;
const AFTER_PAST_FORM = /^(DET|PROPN|PRON|NUM)$/;

/** The verb a past form is, as wink reads it after a subject ("they chased it": "chase"), if it reads one. */
function pastTenseVerb(nlp: Nlp, word: string): string | undefined {
  const known = PAST_VERBS.get(word);
  if (known !== undefined) return known || undefined;
  const toks = nlp.readDoc(`They ${word} it.`).tokens();
  const pos = toks.out(nlp.its.pos) as string[];
  const lemma = (toks.out(nlp.its.lemma as typeof nlp.its.value) as string[])[1];
  const verb = pos[1] === 'VERB' && lemma && lemma !== word ? lemma : '';
  if (PAST_VERBS.size >= 10_000) PAST_VERBS.clear();
  PAST_VERBS.set(word, verb);
  return verb || undefined;
}
/** Past forms read so far, each to its verb ('' for none): the same few recur across a corpus. */
const PAST_VERBS = new Map<string, string>();

const HYPHENATED_VERB = /^[a-z]+-[a-z]+(?:ed|es|s|ing)$/;

/**
 * `s.toLowerCase()`, but `s` itself when it has nothing to lower: toLowerCase always makes a new
 * string, and wink's words are mostly lower case already, its lemmas nearly always. The tokens then
 * share wink's strings, and so do the terms and frame heads the table keeps.
 */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A capital, or any non-ASCII character (whose lower case only toLowerCase knows).
    if ((c >= 65 && c <= 90) || c >= 0x80) return s.toLowerCase();
  }
  return s;
}

const NOT_PLURAL = /(ss|us|is|ics|news|ies)$/;

/** wink's lemmatizer misses some plurals ("jihadists"); strip a plain plural -s from nouns. */
export function singular(lemma: string, pos: string): string {
  if (pos !== 'NOUN' || lemma.length < 5 || !lemma.endsWith('s') || NOT_PLURAL.test(lemma)) return lemma;
  return lemma.slice(0, -1);
}

// Patterns of the per-token tests below, made once (see BEFORE_PAST_FORM).
const ARTICLE = /^(a|an|the)$/;
const CAPITALIZED = /^\p{Lu}\p{Ll}/u;
const PAST_AUX = /^(was|were|had|did|got)$/;

/**
 * Known tagger slips, repaired by construction: a participle between a determiner and a noun
 * is an adjective ("the rope-handling gloves"); the parts of a hyphenated word take the part of
 * speech of its last part ("free-agent" is a noun).
 */
function repair(toks: Tok[]): Tok[] {
  // Copy on write (see owned): the caller's tokens stay as read.
  const out = toks.slice();
  // "According to reports, …": one preposition of two words, not a verb (its phrase is no subject).
  for (let k = 0; k + 1 < out.length; k++) {
    if (out[k]!.lower === 'according' && out[k + 1]!.lower === 'to' && out[k]!.pos !== 'ADP') {
      owned(out, toks, k).pos = 'ADP';
      owned(out, toks, k + 1).pos = 'ADP';
    }
  }
  for (let k = 0; k < out.length; k++) {
    const t = out[k]!;
    // Hyphenated compounds: every part takes the last part's tag.
    if (t.v === '-' && k > 0 && out[k - 1]!.end === t.start && out[k + 1] && out[k + 1]!.start === t.end) {
      let e = k + 1;
      while (out[e + 1]?.v === '-' && out[e + 2] && out[e + 1]!.start === out[e]!.end && out[e + 2]!.start === out[e + 1]!.end) e += 2;
      const last = out[e]!.pos;
      for (let j = k - 1; j <= e; j++) owned(out, toks, j).pos = j === e || out[j]!.v !== '-' ? (last === 'VERB' ? 'ADJ' : last) : 'HYPH';
      // Before no noun it stays a verb ("they were sweet-talking"), unless a determiner opens it
      // ("the soft-spoken, well-liked pastor": adjectives in a row before their noun).
      // ("a 60-day court-ordered stay": a determiner opening the group before other modifiers too,
      // and then a bare verb form after it is the group's noun.)
      let d = k - 2;
      while (d > 0 && (/^(ADJ|NUM|HYPH)$/.test(out[d]!.pos) || out[d]!.v === '-' || out[d - 1]?.v === '-' || out[d + 1]?.v === '-')) d--;
      const opened = out[d]?.pos === 'DET';
      const after = out[e + 1];
      if (last === 'VERB' && opened && after?.pos === 'VERB' && after.lower === after.lemma && !/(ing|ed)$/.test(after.lower)) {
        const n = owned(out, toks, e + 1);
        n.pos = 'NOUN';
      } else if (last === 'VERB' && !HEAD_POS.has(after?.pos ?? '') && !opened) owned(out, toks, e).pos = 'VERB';
    }
  }
  for (let k = 1; k + 1 < out.length; k++) {
    const t = out[k]!;
    if (t.pos === 'VERB' && /(ing|ed)$/.test(t.lower) && /^(DET|ADJ|NUM)$/.test(out[k - 1]!.pos) && /^(NOUN|PROPN|NUM)$/.test(out[k + 1]!.pos)) owned(out, toks, k).pos = 'ADJ';
    // ("according to published reports", "with stolen goods": so is a past participle after a
    // preposition; not a gerund, which takes an object: "for killing two people".)
    else if (t.pos === 'VERB' && t.lower.endsWith('ed') && out[k - 1]!.pos === 'ADP' && /^(NOUN|PROPN)$/.test(out[k + 1]!.pos)) owned(out, toks, k).pos = 'ADJ';
    // "the oil producing states", "to peace keeping forces": a noun + participle compound before its noun.
    if (t.pos === 'VERB' && t.lower.endsWith('ing') && k > 1 && out[k - 1]!.pos === 'NOUN' && /^(ADP|DET)$/.test(out[k - 2]!.pos) && out[k + 1]!.pos === 'NOUN') owned(out, toks, k).pos = 'ADJ';
    // "the back room", "the back of the shop": an article opens a noun group, so an adverb right after
    // it is the group's adjective before a word the tagger read as a verb or noun, else its noun.
    if (t.pos === 'ADV' && out[k - 1]!.pos === 'DET' && /^(the|a|an)$/.test(out[k - 1]!.lower)) {
      const next = out[k + 1]!;
      if (next.pos === 'NOUN' || (next.pos === 'VERB' && !/(ing|ed)$/.test(next.lower))) {
        owned(out, toks, k).pos = 'ADJ';
        if (next.pos === 'VERB') {
          const n = owned(out, toks, k + 1);
          n.pos = 'NOUN';
          n.lemma = n.lower;
        }
      } else if (next.pos === 'ADP' || next.pos === 'PUNCT') owned(out, toks, k).pos = 'NOUN';
    }
    // "in northeast Marlow", "in downtown Dunford": an adverb between a preposition and a name modifies the name.
    if (t.pos === 'ADV' && out[k - 1]!.pos === 'ADP' && out[k + 1]!.pos === 'PROPN' && /^[a-z]/.test(t.v)) owned(out, toks, k).pos = 'ADJ';
  }
  for (let k = 1; k + 1 < out.length; k++) {
    const t = out[k]!;
    // "the most heavily fortified portion": a participle after adverbs that follow a determiner.
    if (t.pos === 'VERB' && /(ing|ed)$/.test(t.lower) && out[k - 1]!.pos === 'ADV' && /^(NOUN|PROPN)$/.test(out[k + 1]!.pos)) {
      let j = k - 1;
      while (j > 0 && out[j]!.pos === 'ADV') j--;
      if (out[j]!.pos === 'DET') owned(out, toks, k).pos = 'ADJ';
    }
    // "by opening two gaps", "by flooring Lowe": an -ing word after a preposition, before its own
    // object, is a verb (not before a day: "after training Monday").
    const u = out[k]!;
    // (The object test last: it is read for the few -ing nouns after a preposition, not for every token.)
    if (u.pos === 'NOUN' && u.lower.endsWith('ing') && out[k - 1]!.pos === 'ADP' && /^(by|after|before|without|while|for)$/.test(out[k - 1]!.lower)
      && (/^(DET|NUM|ADJ|PRON)$/.test(out[k + 1]!.pos) || (out[k + 1]!.pos === 'PROPN' && !TIME_NOUNS.has(out[k + 1]!.lower)))) {
      const w = owned(out, toks, k);
      w.pos = 'VERB';
      w.lemma = gerundBase(w.lower);
    }
  }
  // "called for help", "up for sale": no bare verb follows a preposition other than "to",
  // so one tagged so there is a noun.
  for (let k = 1; k < out.length; k++) {
    const t = out[k]!;
    const p = out[k - 1]!;
    if (t.pos === 'VERB' && t.lower === t.lemma && !/(ing|ed)$/.test(t.lower) && (p.pos === 'ADP' || p.pos === 'SCONJ') && BARE_VERB_BLOCKERS.has(p.lower)) owned(out, toks, k).pos = 'NOUN';
  }
  // "sent several text messages, and": a noun after a quantifier or determiner, then an -s verb that
  // ends the group (a comma, a conjunction, the end), is a compound with a plural noun.
  for (let k = 2; k < out.length; k++) {
    const t = out[k]!;
    const next = out[k + 1];
    if (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && out[k - 1]!.pos === 'NOUN' && /^(DET|ADJ|NUM)$/.test(out[k - 2]!.pos) && (!next || next.pos === 'PUNCT' || next.pos === 'CCONJ')) owned(out, toks, k).pos = 'NOUN';
  }
  // "a fine did", "the wounded were": a word read as an adjective after an article, right before a
  // verb, is the noun group's head; so is one that ends a group after a number ("a $4 million fine,").
  for (let k = 1; k < out.length; k++) {
    if (out[k]!.pos !== 'ADJ') continue;
    const next = out[k + 1];
    if ((ARTICLE.test(out[k - 1]!.lower) && next && /^(AUX|VERB)$/.test(next.pos))
      || (out[k - 1]!.pos === 'NUM' && (!next || next.pos === 'PUNCT' || next.pos === 'CCONJ'))) owned(out, toks, k).pos = 'NOUN';
  }
  // "Ann Manning threw …": a capitalized word right after a name, tagged a verb, with a verb or
  // the clause's end after it, is the name's last word (mid-sentence, a verb is not capitalized);
  // so is a capitalized participle inside a name ("Chief Operating Officer").
  // ("After the game, Cook died …": so is one after a comma, before a lower-case verb — in
  // running text, not a headline's capitals; and one right after "did", before a verb or a name:
  // "why did Cook resign", "did Rob Ames testify"; and one that opens the sentence before a
  // lower-case finite verb: "Felt died at home" — two finite verbs cannot follow each other.)
  for (let k = 0; k + 1 < out.length; k++) {
    const t = out[k]!;
    if (t.pos !== 'VERB' || !CAPITALIZED.test(t.v)) continue;
    const next = out[k + 1]!;
    const before = out[k - 1];
    if (!before) {
      if (!/^\p{Ll}/u.test(next.v) || !(next.pos === 'AUX' || (next.pos === 'VERB' && next.lower !== next.lemma && !next.lower.endsWith('ing')))) continue;
    } else if (before.pos === 'AUX' && before.lemma === 'do') {
      if (!/^(VERB|PROPN)$/.test(next.pos)) continue;
    } else if (before.pos !== 'PROPN') {
      if (before.v !== ',' || !/^(AUX|VERB)$/.test(next.pos) || !/^\p{Ll}/u.test(next.v)) continue;
    } else if (!/^(AUX|VERB|PUNCT)$/.test(next.pos) && !(next.pos === 'PROPN' && t.lower.endsWith('ing'))) continue;
    const name = owned(out, toks, k);
    name.pos = 'PROPN';
    name.lemma = t.lower;
  }
  // Do-support ("did the guards lock the gate", "when did the doors close"): after "do" and its subject,
  // the next word is the bare verb, so one tagged an adjective there is that verb, unless a verb
  // follows it, or a bare word that ends the clause, which makes it the subject's last noun ("did
  // the police chase end", "how far did the fire spread?").
  for (let k = 0; k < out.length; k++) {
    if (out[k]!.pos !== 'AUX' || out[k]!.lemma !== 'do') continue;
    let j = k + 1;
    // (The subject may be a pronoun or a gerund: "when did voting close".)
    if (out[j]?.pos === 'PRON' || (out[j]?.pos === 'VERB' && out[j]!.lower.endsWith('ing'))) j++;
    else {
      if (out[j]?.pos === 'DET') j++;
      while (out[j] && /^(ADJ|NOUN|PROPN|NUM)$/.test(out[j]!.pos) && !(out[j]!.pos === 'ADJ' && /^(NOUN|PROPN)$/.test(out[j - 1]!.pos))) j++;
      if (!/^(NOUN|PROPN)$/.test(out[j - 1]?.pos ?? '')) continue;
    }
    const t = out[j];
    const next = out[j + 1];
    const verbAfter = next?.pos === 'VERB' || (next !== undefined && /^[a-z]+$/.test(next.v) && (!out[j + 2] || out[j + 2]!.pos === 'PUNCT'));
    if (t?.pos === 'ADJ' && !verbAfter && /^[a-z]+$/.test(t.v)) owned(out, toks, j).pos = 'VERB';
  }
  // "The polls will open at seven", "the bank can't open": right after a modal (and "not" or an adverb),
  // a word tagged an adjective is the bare verb, as an adjective there would need "be".
  for (let k = 0; k + 1 < out.length; k++) {
    const m = out[k]!;
    if (m.pos !== 'AUX' || !(MODALS.has(m.lemma) || m.lemma === 'will' || m.lemma === 'shall')) continue;
    let j = k + 1;
    while (out[j] && (out[j]!.pos === 'PART' || out[j]!.pos === 'ADV')) j++;
    const t = out[j];
    if (t?.pos === 'ADJ' && /^[a-z]+$/.test(t.v)) owned(out, toks, j).pos = 'VERB';
  }
  // "How long is the hospital stay": after "be" and a singular noun, a bare verb form cannot agree with
  // it as its verb, so it is the group's last noun.
  for (let k = 3; k < out.length; k++) {
    const t = out[k]!;
    const n = out[k - 1]!;
    if (t.pos !== 'VERB' || t.lower !== t.lemma || /(ing|ed)$/.test(t.lower) || n.pos !== 'NOUN' || n.lower !== n.lemma || /s$/.test(n.lower)) continue;
    let j = k - 1;
    while (j > 0 && /^(NOUN|ADJ)$/.test(out[j]!.pos)) j--;
    if (out[j]!.pos === 'DET' && out[j - 1]?.lemma === 'be') owned(out, toks, k).pos = 'NOUN';
  }
  // "Dunford bank shooting", a headline: an -ing word that ends the clause right after a noun, with
  // no "be" before it to make it a verb, is the compound's noun.
  {
    let last = out.length - 1;
    while (last > 0 && out[last]!.pos === 'PUNCT') last--;
    const t = out[last];
    if (last > 0 && t!.pos === 'VERB' && t!.lower.endsWith('ing') && /^(NOUN|PROPN)$/.test(out[last - 1]!.pos) && !out.some((x) => x.pos === 'AUX')) {
      const n = owned(out, toks, last);
      n.pos = 'NOUN';
      n.lemma = n.lower;
    }
  }
  // Two finite verbs cannot follow each other: the second is a plural noun ("dismissed calls to quit").
  for (let k = 1; k < out.length; k++) {
    const t = out[k]!;
    if (t.pos === 'VERB' && out[k - 1]!.pos === 'VERB' && /[^s]s$/.test(t.lower) && t.lower !== t.lemma) owned(out, toks, k).pos = 'NOUN';
  }
  return out;
}

/**
 * out[k] for writing: copied from toks[k] the first time a rule retags it, so only retagged tokens
 * are copied. The copy is a Token too: tokens of one shape keep the code that reads them monomorphic.
 */
function owned(out: Tok[], toks: Tok[], k: number): Tok {
  const t = toks[k]!;
  if (out[k] === t) out[k] = new Token(t.v, t.lower, t.lemma, t.pos, t.type, t.stop, t.start, t.end);
  return out[k]!;
}

/** The verb of a gerund the tagger read as a noun: "opening" → "open", "running" → "run", "making" → "make". */
function gerundBase(word: string): string {
  const base = word.replace(/ing$/, '');
  if (/([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|zz)$/.test(base)) return base.slice(0, -1);
  if (/[^aeiou][aeiou][kvcszg]$/.test(base)) return `${base}e`;
  return base;
}

/** A sentence as the chunker reads it: its tokens with tagger slips repaired, and its chunks. */
export interface Chunked {
  toks: Tok[];
  chunks: Chunk[];
}

/** Groups tokens into chunks. */
export function chunk(input: Tok[]): Chunked {
  const toks = repair(input);
  const chunks: Chunk[] = [];
  let k = 0;
  const n = toks.length;
  while (k < n) {
    const t = toks[k]!;
    const start = k;
    if (t.pos === 'PUNCT' || t.type === 'punctuation') {
      chunks.push({ kind: t.v === ',' ? 'COMMA' : 'PUNCT', first: k, last: k, head: k });
      k++;
    } else if (WH.has(t.lower) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'ADV' || t.pos === 'SCONJ') && !(t.lower === 'that' && t.pos === 'DET' && isNpTok(toks[k + 1]))) {
      // "which team": a wh-determiner starts a noun group of its own.
      if ((t.lower === 'which' || t.lower === 'what' || t.lower === 'whose') && isNpTok(toks[k + 1]) && toks[k + 1]!.pos !== 'DET') {
        k++;
        while (k < n && isNpTok(toks[k])) k++;
        chunks.push({ kind: 'WH', first: start, last: k - 1, head: headOf(toks, start + 1, k - 1) });
      } else {
        chunks.push({ kind: 'WH', first: k, last: k, head: k, lemma: t.lower });
        k++;
      }
    } else if (t.pos === 'PRON' && !POSSESSIVES.has(t.lower)) {
      chunks.push({ kind: 'NP', first: k, last: k, head: k });
      k++;
    } else if (isNpTok(t)) {
      while (k < n && (isNpTok(toks[k]) || (toks[k]!.lower === 'not' && k > start && toks[k - 1]!.pos === 'DET' && toks[k + 1]?.pos === 'ADJ'))) {
        // A determiner inside a noun group starts a new one ("gave the boy a book").
        // (Not after a predeterminer: "half the roof", "all the men".)
        if (k > start && toks[k]!.pos === 'DET' && toks[k - 1]!.pos !== 'PART' && !(k === start + 1 && PREDETERMINERS.has(toks[start]!.lower))) break;
        // "killed Ann Lowe last summer": after the group's noun, "last" and a time noun are a time of their own.
        if (k > start && TIME_DETERMINERS.has(toks[k]!.lower) && TIME_NOUNS.has(toks[k + 1]?.lower ?? '') && /^(NOUN|PROPN)$/.test(toks[k - 1]!.pos)) break;
        k++;
        // Adjectives in a row with commas or "and" between, before their noun ("the soft-spoken,
        // well-liked pastor", "a tired, cold and hungry man").
        const between = toks[k]?.v === ',' || (toks[k]?.pos === 'CCONJ' && toks[k - 1]!.pos === 'ADJ' && toks.slice(start, k).some((x) => x.v === ','));
        if (between && toks[k - 1]!.pos === 'ADJ' && /^(ADJ|NOUN)$/.test(toks[k + 1]?.pos ?? '') && !toks.slice(start, k).some((x) => HEAD_POS.has(x.pos))) k++;
      }
      // Trailing determiners or adjectives alone are not a head: keep them in the group anyway.
      chunks.push({ kind: 'NP', first: start, last: k - 1, head: headOf(toks, start, k - 1) });
    } else if (t.pos === 'AUX' || t.pos === 'VERB' || (t.pos === 'PART' && (t.lower === 'to' || NEGATORS.has(t.lower)) && /^(VERB|AUX|ADV|PART)$/.test(toks[k + 1]?.pos ?? ''))) {
      let main = -1;
      let neg = false;
      let inf = false;
      let modal = false;
      let future = false;
      let past = false;
      let passive = false;
      let sawBe = false;
      let lastAux = -1;
      while (k < n) {
        const u = toks[k]!;
        if (u.pos === 'AUX' || (u.pos === 'VERB' && main < 0)) {
          if (u.pos === 'AUX') lastAux = k;
          if (u.pos === 'VERB') {
            // "got arrested": get + a participle is a passive of the participle.
            if (u.lemma === 'get' && toks[k + 1]?.pos === 'VERB' && /(ed|en)$/.test(toks[k + 1]!.lower)) {
              sawBe = true;
              k++;
              continue;
            }
            main = k;
            // be + a verb that is not an -ing form is a passive ("was hurt", "were seized").
            if (sawBe && !u.lower.endsWith('ing')) passive = true;
          } else {
            if (MODALS.has(u.lower)) modal = true;
            if (FUTURE.has(u.lower)) future = true;
            if (BE.has(u.lemma)) sawBe = true;
            if (PAST_AUX.test(u.lower)) past = true;
          }
          k++;
          if (main >= 0) break;
        } else if (u.pos === 'PART' && NEGATORS.has(u.lower)) {
          neg = true;
          k++;
        } else if (u.pos === 'PART' && u.lower === 'to') {
          inf = true;
          k++;
        } else if (u.pos === 'ADV' && k + 1 < n && /^(AUX|VERB|ADV|PART)$/.test(toks[k + 1]!.pos)) {
          if (NEGATORS.has(u.lower)) neg = true;
          k++;
        } else break;
      }
      // A bare auxiliary's head is the auxiliary, not a negation after it ("is n't safe").
      const headTok = main >= 0 ? main : lastAux >= 0 ? lastAux : k - 1;
      const h = toks[headTok]!;
      let lemma = h.lemma;
      if (main >= 0 && !past && h.lower !== h.lemma && !h.lower.endsWith('ing') && h.lower !== `${h.lemma}s` && h.lower !== `${h.lemma}es`) past = true;
      // A particle right after the verb belongs to it ("step down", "pulled out").
      const p = toks[k];
      if (main >= 0 && p && PARTICLES.has(p.lower) && (p.pos === 'ADP' || p.pos === 'ADV' || p.pos === 'PART') && !isNpTok(toks[k + 1])) {
        lemma = `${lemma} ${p.lower}`;
        k++;
      }
      if (k === start) k++;
      chunks.push({
        kind: 'VG', first: start, last: k - 1, head: headTok, lemma, neg: neg || undefined, passive: passive || undefined,
        modal: modal || undefined, inf: inf || undefined, bare: main < 0 || undefined, tense: future ? 'future' : past ? 'past' : 'present',
      });
    } else if (t.pos === 'ADP' || (t.pos === 'PART' && t.lower === 'to')) {
      chunks.push({ kind: 'P', first: k, last: k, head: k, lemma: t.lower });
      k++;
    } else if (t.pos === 'CCONJ') {
      chunks.push({ kind: 'CONJ', first: k, last: k, head: k, lemma: t.lower });
      k++;
    } else if (t.pos === 'SCONJ' || SUBORDINATORS.has(t.lower)) {
      chunks.push({ kind: 'SUB', first: k, last: k, head: k, lemma: t.lower });
      k++;
    } else {
      chunks.push({ kind: 'OTHER', first: k, last: k, head: k });
      k++;
    }
  }
  // "… was nearly flawless as the Hawks beat the Otters": "as" before a noun group and its verb
  // opens a clause (that noun group is its subject), not a prepositional phrase.
  for (let i = 0; i + 2 < chunks.length; i++) {
    const c = chunks[i]!;
    if (c.kind === 'P' && c.lemma === 'as' && chunks[i + 1]!.kind === 'NP' && chunks[i + 2]!.kind === 'VG') c.kind = 'SUB';
  }
  return { toks, chunks };
}

/** A token that can sit in a noun group: nominals, the possessive "'s", a possessive pronoun. */
function isNpTok(t: Tok | undefined): boolean {
  return Boolean(t) && (NP_POS.has(t!.pos) || t!.pos === 'HYPH' || (t!.pos === 'PART' && POSSESSIVE_S.has(t!.lower)) || (t!.pos === 'PRON' && POSSESSIVES.has(t!.lower)));
}
const POSSESSIVE_S = new Set(["'", '’', "'s", '’s']);

function headOf(toks: Tok[], first: number, last: number): number {
  // Before a possessive "'s", the head is what is possessed ("Ellery's agent" → agent).
  for (let k = last; k >= first; k--) if (HEAD_POS.has(toks[k]!.pos)) return k;
  return last;
}

/** A noun group that is a time of its own: "last summer", "this week", "next Tuesday". */
function timeGroup(toks: Tok[], c: Chunk): boolean {
  return TIME_DETERMINERS.has(toks[c.first]!.lower) && TIME_NOUNS.has(toks[c.head]!.lower);
}

/** The argument a noun group (and the coordinated groups after it) stands for. */
function argOf(toks: Tok[], chunks: Chunk[], i: number): { arg: FrameArg; next: number } {
  const c = chunks[i]!;
  let last = c.last;
  let j = i + 1;
  // "grapnels, ladders and rope-handling gloves": a list closed by a conjunction is one argument.
  for (let k = i + 1; k + 1 < chunks.length; k += 2) {
    const sep = chunks[k]!;
    if ((sep.kind !== 'COMMA' && sep.kind !== 'CONJ') || chunks[k + 1]!.kind !== 'NP') break;
    if (sep.kind === 'CONJ' && /^(and|or)$/.test(sep.lemma!) && chunks[k + 2]?.kind !== 'VG') {
      last = chunks[k + 1]!.last;
      j = k + 2;
      break;
    }
  }
  // "Half of the deck", "most of the crew": a partitive is of the noun group after "of", which
  // heads it. (Only when nothing else was joined to it.)
  let headAt = c.head;
  const of = chunks[i + 1];
  if (j === i + 1 && PARTITIVES.has(toks[c.head]!.lower) && of?.kind === 'P' && of.lemma === 'of' && chunks[i + 2]?.kind === 'NP') {
    headAt = chunks[i + 2]!.head;
    last = chunks[i + 2]!.last;
    j = i + 3;
  }
  const start = toks[c.first]!.start;
  const end = toks[last]!.end;
  const head = toks[headAt]!.lemma;
  const name = nameOf(toks, c.first, last);
  // Without a name the argument has no `name` property at all: a smaller object, the same JSON.
  return { arg: name === undefined ? { start, end, head } : { start, end, head, name }, next: j };
}

/**
 * The proper-noun words of toks[first..last] as written, joined by spaces; undefined when there are
 * none. One shared copy of each: a story names the same people and places in thousands of frames.
 */
function nameOf(toks: Tok[], first: number, last: number): string | undefined {
  let name: string | undefined;
  for (let k = first; k <= last; k++) {
    const t = toks[k]!;
    if (t.pos === 'PROPN') name = name === undefined ? t.v : `${name} ${t.v}`;
  }
  if (name === undefined) return undefined;
  const known = NAMES.get(name);
  if (known !== undefined) return known;
  if (NAMES.size >= 100_000) NAMES.clear();
  NAMES.set(name, name);
  return name;
}
const NAMES = new Map<string, string>();

/** Prepositional phrases after chunk `i`, up to a clause boundary. */
function slotsAfter(toks: Tok[], chunks: Chunk[], i: number): { slots: { p: string; arg: FrameArg }[]; end: number } {
  const slots: { p: string; arg: FrameArg }[] = [];
  let j = i;
  while (j < chunks.length) {
    const c = chunks[j]!;
    if (c.kind === 'P' && chunks[j + 1]?.kind === 'NP') {
      const { arg, next } = argOf(toks, chunks, j + 1);
      slots.push({ p: c.lemma!, arg });
      j = next;
    } else if (c.kind === 'COMMA' && chunks[j + 1]?.kind === 'P' && chunks[j + 2]?.kind === 'NP') {
      j++;
    } else if (c.kind === 'OTHER' && toks[c.first]!.pos === 'ADV') {
      j++;
    } else break;
  }
  return { slots, end: j };
}

/** Chunks that may make up the run before a verb that holds its subject; those that may lead it. */
const SUBJECT_RUN = new Set<ChunkKind>(['NP', 'P', 'COMMA', 'CONJ', 'OTHER']);
const SUBJECT_LEAD = new Set<ChunkKind>(['COMMA', 'CONJ', 'OTHER']);

/**
 * The subject of the verb group at chunk `v`: the first noun group of the run of noun groups,
 * prepositions and commas before it (so appositions, "X of Y" and coordinated subjects stay
 * inside), after any fronted prepositional phrase ("In Athens, police …"); through a relative
 * pronoun, the noun it stands for ("X, which owns Y").
 */
function subjectBefore(chunks: Chunk[], v: number, toks: Tok[]): number | undefined {
  let j = v - 1;
  while (j >= 0 && chunks[j]!.kind === 'OTHER') j--;
  // "Ames (30-2, 20 KOs) won": a parenthesis between the subject and its verb is passed over.
  if (j > 0 && chunks[j]!.kind === 'PUNCT' && toks[chunks[j]!.first]!.v === ')') {
    let k = j - 1;
    while (k > 0 && !(chunks[k]!.kind === 'PUNCT' && toks[chunks[k]!.first]!.v === '(')) k--;
    if (k > 0 && toks[chunks[k]!.first]!.v === '(') j = k - 1;
  }
  if (j < 0) return undefined;
  if (chunks[j]!.kind === 'WH') {
    let k = j - 1;
    if (chunks[k]?.kind === 'COMMA') k--;
    return k >= 0 && chunks[k]!.kind === 'NP' ? k : undefined;
  }
  if (chunks[j]!.kind !== 'NP' && chunks[j]!.kind !== 'COMMA') return undefined;
  // "Harrison County, Miss., coroner Gary Hargrove said": a noun group right before the verb, after a
  // comma, is the subject; what comes before it only places it.
  if (chunks[j]!.kind === 'NP' && chunks[j - 1]?.kind === 'COMMA' && chunks[j - 2]?.kind === 'NP') {
    let k = j - 2;
    while (k >= 2 && chunks[k - 1]!.kind === 'COMMA' && chunks[k - 2]!.kind === 'NP') k -= 2;
    const names = chunks.slice(k, j - 1).filter((c) => c.kind === 'NP').every((c) => toks[c.head]!.pos === 'PROPN');
    const before = chunks[k - 1];
    if (names && (!before || before.kind === 'CONJ' || before.kind === 'PUNCT' || before.kind === 'SUB' || (before.kind === 'COMMA' && chunks[k - 2]?.kind !== 'NP'))) return j;
  }
  let left = j;
  // ", and he pleaded": a conjunction after a comma joins clauses, so the subject starts after it.
  // (Two noun groups with nothing between them are two clauses' — "told reporters a man walked in":
  // the later one is the subject.)
  while (left > 0 && SUBJECT_RUN.has(chunks[left - 1]!.kind) && !(chunks[left - 1]!.kind === 'CONJ' && chunks[left - 2]?.kind === 'COMMA')
    && !(chunks[left]!.kind === 'NP' && chunks[left - 1]!.kind === 'NP')) left--;
  // Skip fronted prepositional phrases and leading commas or conjunctions.
  let fronted = false;
  for (;;) {
    while (left < j && SUBJECT_LEAD.has(chunks[left]!.kind)) left++;
    if (chunks[left]!.kind !== 'P') break;
    let k = left + 1;
    while (k < j && (chunks[k]!.kind === 'NP' || chunks[k]!.kind === 'P')) k++;
    if (k >= j || chunks[k]!.kind !== 'COMMA') return undefined;
    left = k + 1;
    fronted = true;
  }
  // "In the brief, public hearing, judge Marsh found …": after a fronted phrase, the noun
  // group between the last comma and the verb is the subject; the rest still belongs to the phrase.
  if (fronted && chunks[j]!.kind === 'NP' && chunks[j - 1]?.kind === 'COMMA' && left < j - 1) left = j;
  // "President X, who visited Y on Monday, declared …": the run starts after a relative clause;
  // its subject is the noun the relative pronoun stands for.
  if (left <= j && chunks[left - 1]?.kind === 'VG') {
    let k = left - 1;
    while (k > 0 && chunks[k]!.kind !== 'WH' && chunks[k]!.kind !== 'PUNCT' && chunks[k]!.kind !== 'SUB') k--;
    // (So does a restrictive one, without the comma: "the coach that left the club, Ann Lowe, leads …".)
    const antecedent = chunks[k - 1]?.kind === 'COMMA' ? k - 2 : chunks[k]?.lemma === 'that' ? k - 1 : -1;
    if (chunks[k]?.kind === 'WH' && /^(who|which|that)$/.test(chunks[k]!.lemma ?? '') && chunks[antecedent]?.kind === 'NP') {
      let h = antecedent;
      while (h >= 2 && chunks[h - 1]!.kind === 'P' && chunks[h - 2]!.kind === 'NP' && chunks[h - 1]!.lemma === 'of') h -= 2;
      return h;
    }
  }
  return left <= j && chunks[left]!.kind === 'NP' ? left : undefined;
}

/** Whether the verb group at `v` follows a conjunction, perhaps with adverbs between ("and then grabbed"). */
function coordinated(toks: Tok[], chunks: Chunk[], v: number): boolean {
  let j = v - 1;
  while (j >= 0 && chunks[j]!.kind === 'OTHER' && toks[chunks[j]!.first]!.pos === 'ADV' && chunks[j]!.first === chunks[j]!.last) j--;
  return chunks[j]?.kind === 'CONJ';
}

/**
 * Reads relation frames from one sentence's tokens. Each row of the recognizer table names the
 * construction it reads; rows run over the chunk sequence, one frame per verb group (plus
 * appositions and copulas), with passives turned round so `agent` is always the doer. `chunked`
 * gives the sentence's chunks when the caller has them (or will need them again).
 */
export function readFrames(tokens: Tok[], chunked: () => Chunked = () => chunk(tokens)): Frame[] {
  if (tokens.length < 2 || tokens.length > 200) return [];
  const { toks, chunks } = chunked();
  const frames: Frame[] = [];
  let prev: { frame: Frame; v: number; passive: boolean } | undefined;
  for (let v = 0; v < chunks.length; v++) {
    const c = chunks[v]!;
    if (c.kind === 'NP') {
      const app = apposition(toks, chunks, v);
      if (app) frames.push(app);
      continue;
    }
    if (c.kind !== 'VG') continue;
    // Grown from an empty literal, which has room for four properties in the object itself; `{ verb }`
    // has room for one and keeps the rest in a second, growing array.
    const frame = {} as Frame;
    frame.verb = c.bare ? toks[c.head]!.lemma : c.lemma!;
    if (c.neg) frame.neg = true;
    if (c.modal) frame.modal = true;
    if (c.tense && c.tense !== 'present') frame.tense = c.tense;
    // Subject: the noun group before; a coordinated or infinitival verb shares its neighbour's.
    let subj: FrameArg | undefined;
    const s = subjectBefore(chunks, v, toks);
    // A reduced relative with its agent: "the boy killed by police".
    const reduced = s === v - 1 && !c.bare && c.first === c.head && /(ed|en)$/.test(toks[c.head]!.lower)
      && chunks[v + 1]?.kind === 'P' && chunks[v + 1]!.lemma === 'by';
    if (s !== undefined) subj = argOf(toks, chunks, s).arg;
    // "tied the clerks to a chair, took their keys": a verb right after a comma whose noun
    // groups before it are the earlier verb's object and slots is coordinated with that verb, and
    // shares its subject (the doer, or what a passive's subject undergoes).
    const listed = chunks[v - 1]?.kind === 'COMMA' && !c.inf && prev !== undefined && v - 1 > prev.v + 1
      && chunks.slice(prev.v + 1, v - 1).every((x) => x.kind === 'NP' || x.kind === 'P' || x.kind === 'OTHER');
    if (listed) subj = prev!.passive ? prev!.frame.patient : prev!.frame.agent;
    // "was arrested, charged and jailed": a bare participle coordinated with a passive is one too.
    const elided = (listed || coordinated(toks, chunks, v)) && prev !== undefined && prev.passive
      && !c.bare && c.first === c.head && /(ed|en)$/.test(toks[c.head]!.lower)
      // (With an object or complement after it, it is active: "was arrested and pleaded guilty".)
      && (!chunks[v + 1] || ['P', 'CONJ', 'COMMA', 'PUNCT', 'SUB'].includes(chunks[v + 1]!.kind));
    // "X supported the advance by opening two gaps": a gerund after "by" is done by the clause's doer.
    if (!subj && chunks[v - 1]?.kind === 'P' && chunks[v - 1]!.lemma === 'by' && toks[c.head]!.lower.endsWith('ing') && prev) subj = prev.frame.agent;
    // "Vane is accused of shooting Lowe", "was charged with killing": a gerund right after a passive
    // and its preposition is done by what the passive is said of.
    // (An adverb may come between: "accused of fatally shooting".)
    else if (!subj && prev?.passive && toks[c.head]!.lower.endsWith('ing')) {
      let p = v - 1;
      while (p > prev.v + 1 && chunks[p]!.kind === 'OTHER' && toks[chunks[p]!.first]!.pos === 'ADV') p--;
      // ("for" is often read as a subordinator there: "arrested for robbing".)
      if (p === prev.v + 1 && (chunks[p]!.kind === 'P' || (chunks[p]!.kind === 'SUB' && chunks[p]!.lemma === 'for'))) subj = prev.frame.patient;
    }
    // "dismissed calls to quit": a wish noun before an infinitive is not its subject; the governor's is.
    if (c.inf && s === v - 1 && prev && IRREALIS_GOVERNORS.has(toks[chunks[s]!.head]!.lemma)) subj = prev.frame.agent;
    else if (prev && (coordinated(toks, chunks, v) || c.inf || (chunks[v - 1]?.kind === 'NP' && c.inf))) {
      // (A verb coordinated with an active one shares its subject, never its object: "grabbed a
      // rifle and fired it" — though an infinitive may take the object: "forced them to drive".)
      subj = c.inf || prev.passive ? prev.frame.agent ?? prev.frame.patient : prev.frame.agent;
    }
    if (c.inf && prev) {
      // "dismissed calls to quit", "refused to testify": the governing verb sets the polarity.
      const gov = prev.frame.verb.split(' ')[0]!;
      if (NEGATIVE_GOVERNORS.has(gov) || prev.frame.neg) frame.neg = !frame.neg || undefined;
      else if (IRREALIS_GOVERNORS.has(gov) || prev.frame.modal) frame.modal = true;
      else if (chunks[v - 1]?.kind === 'NP' && IRREALIS_GOVERNORS.has(toks[chunks[v - 1]!.head]!.lemma)) frame.modal = true;
      // "They are likely to be handed over": an adjective that only expects the event.
      else if (chunks[v - 1]?.kind === 'OTHER' && IRREALIS_GOVERNORS.has(toks[chunks[v - 1]!.first]!.lower)) frame.modal = true;
      prev.frame.purpose ??= { start: toks[c.first]!.start, end: toks[c.last]!.end, head: frame.verb };
    }
    // Object and prepositional slots after the verb group.
    let j = v + 1;
    let obj: FrameArg | undefined;
    // "pleaded not guilty": a negator before the complement stays with it.
    const negated = chunks[j]?.kind === 'OTHER' && NEGATORS.has(toks[chunks[j]!.first]!.lower) && chunks[j + 1]?.kind === 'NP' ? chunks[j++]! : undefined;
    // "sold the plant last year": a time of its own ("last year") is no object.
    if (chunks[j]?.kind === 'NP' && timeGroup(toks, chunks[j]!)) j++;
    else if (chunks[j]?.kind === 'NP') {
      const a = argOf(toks, chunks, j);
      obj = negated ? { ...a.arg, start: toks[negated.first]!.start } : a.arg;
      j = a.next;
      if (chunks[j]?.kind === 'NP' && timeGroup(toks, chunks[j]!)) j++;
      // Double object: "gave the boy a book" (not "told reporters a man walked in", where the
      // second noun group is the next clause's subject).
      else if (chunks[j]?.kind === 'NP' && !(chunks[j + 1]?.kind === 'VG' && !chunks[j + 1]!.inf)) {
        frame.slots = [{ p: 'to', arg: obj }];
        const b = argOf(toks, chunks, j);
        obj = b.arg;
        j = b.next;
      }
    }
    const { slots, end } = slotsAfter(toks, chunks, j);
    if (slots.length) frame.slots = [...(frame.slots ?? []), ...slots];
    if (c.bare && BE.has(frame.verb)) {
      // A copula: "X is Y", "X was uninsured".
      frame.verb = 'be';
      if (obj) frame.attr = obj;
      else if (chunks[v + 1]?.kind === 'OTHER' && toks[chunks[v + 1]!.first]!.pos === 'ADJ') {
        const t = toks[chunks[v + 1]!.first]!;
        frame.attr = { start: t.start, end: t.end, head: t.lemma };
      }
      if (subj) frame.agent = subj;
    } else if (c.passive || reduced || elided) {
      if (reduced && s !== undefined) subj = argOf(toks, chunks, s).arg;
      if (subj) frame.patient = subj;
      if (obj) frame.attr = obj;
      const by = frame.slots?.find((x) => x.p === 'by');
      if (by) frame.agent = by.arg;
    } else if (obj && s === undefined && SAYING_VERBS.has(frame.verb) && (chunks[v - 1]?.kind === 'COMMA' || chunks[v - 1]?.kind === 'PUNCT')
      && /^(PROPN|NOUN)$/.test(toks.find((x) => x.start === obj!.start)?.pos ?? '') && (!chunks[j] || chunks[j]!.kind === 'PUNCT' || chunks[j]!.kind === 'COMMA')) {
      // '"He ran," said spokesman Tim Vane': a saying verb after a quote or comma, with no subject
      // before it and a noun group closing the clause after it, has its speaker after it.
      frame.agent = obj;
    } else {
      if (subj) frame.agent = subj;
      if (obj) frame.patient = obj;
    }
    // Cause and time clauses: "because …", "after …", "since …".
    const sub = chunks[end];
    if (sub?.kind === 'SUB' && /^(because|after|since|as|when|so|while|before)$/.test(sub.lemma!)) {
      const stop = clauseEnd(chunks, end + 1);
      frame.cause = { start: toks[sub.first]!.start, end: toks[chunks[stop]!.last]!.end, head: sub.lemma! };
    } else if (chunks[end]?.kind === 'P' && /^(due|because)$/.test(toks[chunks[end]!.first]!.lower)) {
      const stop = clauseEnd(chunks, end + 1);
      frame.cause = { start: toks[chunks[end]!.first]!.start, end: toks[chunks[stop]!.last]!.end, head: 'because' };
    }
    // "the district where the boy was shot": the place (or time) the relative clause happened in.
    const rel = s !== undefined ? chunks[s - 1] : undefined;
    if (rel?.kind === 'WH' && /^(where|when)$/.test(toks[rel.first]!.lower) && chunks[s! - 2]?.kind === 'NP') {
      frame.slots = [...(frame.slots ?? []), { p: toks[rel.first]!.lower === 'where' ? 'in' : 'on', arg: argOf(toks, chunks, s! - 2).arg }];
    }
    // "No guards were hurt", "nobody was injured": a negative subject negates the clause.
    if (s !== undefined && NEGATIVE_DETERMINERS.has(toks[chunks[s]!.first]!.lower)) frame.neg = !frame.neg || undefined;
    // "She had no children", "police have no suspects": so does a negative object.
    else if (obj && !negated && NEGATIVE_DETERMINERS.has(toks.find((x) => x.start === obj!.start)?.lower ?? '')) frame.neg = !frame.neg || undefined;
    if (frame.agent || frame.patient || frame.attr || frame.slots?.length) frames.push(frame);
    prev = { frame, v, passive: Boolean(c.passive || reduced || elided) };
  }
  // "But do we want Ames hosting the gala?": a sentence that asks asserts none of its clauses.
  if (toks[toks.length - 1]?.v === '?') for (const f of frames) f.modal = true;
  return frames;
}

/** Last chunk of the clause starting at `from` (up to a full stop, semicolon or dash). */
function clauseEnd(chunks: Chunk[], from: number): number {
  let k = from;
  while (k + 1 < chunks.length && chunks[k + 1]!.kind !== 'PUNCT') k++;
  return Math.min(k, chunks.length - 1);
}

/**
 * Apposition in either order: "Jane Doe, the agency's director," and "the agency's director,
 * Jane Doe," become a copula frame (be) with the name as agent and the description as attr.
 */
function apposition(toks: Tok[], chunks: Chunk[], i: number): Frame | undefined {
  if (chunks[i + 1]?.kind === 'COMMA' && chunks[i + 2]?.kind === 'P') return affiliation(toks, chunks, i);
  if (chunks[i + 1]?.kind !== 'COMMA' || chunks[i + 2]?.kind !== 'NP') return undefined;
  const after = chunks[i + 3];
  // A second description coordinated with the first, closed by a comma ("X, a pastor and former
  // mayor, spoke").
  const coordinated = after?.kind === 'CONJ' && chunks[i + 4]?.kind === 'NP' && (chunks[i + 5]?.kind === 'COMMA' || chunks[i + 5]?.kind === 'PUNCT');
  // What follows is the end of the apposition, or the description running on ("the chairman of X").
  if (after && !coordinated && after.kind !== 'COMMA' && after.kind !== 'PUNCT' && !(after.kind === 'P' && /^(of|for|at|in)$/.test(after.lemma ?? ''))) return undefined;
  // "In Athens, riot police …": after a preposition, only a description with its article ("of Ed
  // Snider, the chairman of …") is an apposition; otherwise the second group starts the clause.
  if (chunks[i - 1]?.kind === 'P' && !/^(the|a|an)$/i.test(toks[chunks[i + 2]!.first]!.v)) return undefined;
  const a = chunks[i]!;
  const b = chunks[i + 2]!;
  const isName = (c: Chunk) => toks[c.head]!.pos === 'PROPN';
  // A description is a common-noun group, or a capitalized title ("Chief Public Relations Officer").
  // (A determiner alone — "another, Ed, was …" — describes nothing.)
  const isDesc = (c: Chunk) => toks[c.head]!.pos === 'NOUN' || (toks[c.first]!.pos === 'DET' && c.last > c.first) || ROLE_WORDS.has(toks[c.head]!.lower);
  let name: Chunk | undefined;
  let desc: Chunk | undefined;
  const title = (c: Chunk) => ROLE_WORDS.has(toks[c.head]!.lower);
  if (isName(a) && isDesc(b) && (!isName(b) || (title(b) && !title(a)))) [name, desc] = [a, b];
  else if (isDesc(a) && (!isName(a) || title(a)) && isName(b) && !title(b)) [name, desc] = [b, a];
  if (!name || !desc) return undefined;
  // A description may run on with "of …" ("the president of the club").
  let descLast = desc === b && coordinated ? chunks[i + 4]!.last : desc.last;
  let k = chunks.indexOf(desc) + 1;
  while (chunks[k]?.kind === 'P' && chunks[k + 1]?.kind === 'NP' && /^(of|for|at|in)$/.test(chunks[k]!.lemma!)) {
    descLast = chunks[k + 1]!.last;
    k += 2;
  }
  return {
    verb: 'be',
    agent: { start: toks[name.first]!.start, end: toks[name.last]!.end, head: toks[name.head]!.lemma, name: nameOf(toks, name.first, name.last) ?? '' },
    attr: { start: toks[desc.first]!.start, end: toks[descLast]!.end, head: toks[desc.head]!.lemma },
    apposition: true,
  };
}

/**
 * A prepositional apposition: a name, then a phrase of where the person is from or works, set
 * off by commas ("Jo Ames, from the county council, said"; "Mr Ames, of Mill Lane, denied it").
 */
function affiliation(toks: Tok[], chunks: Chunk[], i: number): Frame | undefined {
  const name = chunks[i]!;
  const p = chunks[i + 2]!;
  const np = chunks[i + 3];
  if (toks[name.head]!.pos !== 'PROPN' || !/^(from|of|with|at)$/.test(toks[p.first]!.lower) || np?.kind !== 'NP' || chunks[i + 4]?.kind !== 'COMMA') return undefined;
  // Not a list or a place after a preposition ("In Marlow, of all places, …").
  if (i > 0 && chunks[i - 1]!.kind !== 'COMMA' && chunks[i - 1]!.kind !== 'PUNCT' && chunks[i - 1]!.kind !== 'CONJ' && chunks[i - 1]!.kind !== 'SUB') return undefined;
  return {
    verb: 'be',
    agent: { start: toks[name.first]!.start, end: toks[name.last]!.end, head: toks[name.head]!.lemma, name: nameOf(toks, name.first, name.last) ?? '' },
    attr: { start: toks[p.first]!.start, end: toks[np.last]!.end, head: toks[np.head]!.lemma },
    apposition: true,
  };
}

/** Whether chunk `c` ends a sentence or clause (";", ".", "!", "?"). */
function sentenceEnd(toks: Tok[], c: Chunk): boolean {
  return c.kind === 'PUNCT' && /^[;.!?]$/.test(toks[c.first]!.v);
}

/**
 * What a time expression dates: the event noun it premodifies ("an April 2007 shooting", "the
 * Nov. 30 escape"), else the verb group of its clause — the nearest before it ("was captured
 * Monday", "born on March 29, … ; died December 19"), or, when it opens its clause ("A jury on
 * Tuesday convicted …", "On Monday, police arrested …"), the first after it. Token indices are
 * the expression's first and last; the answer is a lemma, or undefined in a verbless fragment.
 * `chunked` is `chunk(tokens)` when the caller has it already.
 */
export function dateAnchor(tokens: Tok[], first: number, last: number, chunked: Chunked = chunk(tokens)): string | undefined {
  const { toks, chunks } = chunked;
  const at = chunks.findIndex((c) => c.first <= first && first <= c.last);
  if (at < 0) return undefined;
  const own = chunks[at]!;
  if (own.kind === 'NP' && own.head > last && toks[own.head]!.pos === 'NOUN' && /^\p{L}[\p{L}-]+$/u.test(toks[own.head]!.v)) return toks[own.head]!.lemma;
  for (let k = at - 1; k >= 0 && !sentenceEnd(toks, chunks[k]!); k--) if (chunks[k]!.kind === 'VG') return verbLemma(toks, chunks[k]!);
  for (let k = at + 1; k < chunks.length && !sentenceEnd(toks, chunks[k]!); k++) if (chunks[k]!.kind === 'VG') return verbLemma(toks, chunks[k]!);
  return undefined;
}

function verbLemma(toks: Tok[], c: Chunk): string {
  return c.bare ? toks[c.head]!.lemma : c.lemma ?? toks[c.head]!.lemma;
}
