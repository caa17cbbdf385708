/**
 * Names, descriptions, quotes and attributions. wink's lite model tags parts of speech
 * but has no person or organisation types, so names are built from capitalized runs
 * and typed from the words around them (titles, appositives, speech verbs, org words).
 */
import type { Tok } from '../syntax.js';
import { EVENT_WORDS, LOCATIVE_PREPS, ORG_WORDS, PERSON_TITLES, PLACE_OPENERS, PLACE_WORDS, ROLE_WORDS, SPEECH_VERBS, UNITS } from '../lexicon.js';

export type NameType = 'person' | 'organization' | 'place' | 'thing';


export interface FoundName {
  first: number;
  last: number;
  value: string;
  type: NameType;
  /** The common noun this name is an instance of ("dynasty", "river"), lower-case. */
  kindNoun: string;
  description?: string;
}

export interface FoundQuote {
  /** Offsets within the sentence text, inside the quote marks. */
  start: number;
  end: number;
  text: string;
}

const CONNECTORS = new Set(['of', 'de', 'al', 'bin', 'von', 'van', 'da', 'del', 'la', 'le', 'du']);
const CALENDAR = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|(mon|tues|wednes|thurs|fri|satur|sun)day)\.?$/i;
const POSSESSIVE = /^['’]s$/;
const NOT_NAMES = new Set(['i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'you', 'but', 'and', 'or', 'if', 'in', 'on', 'at', 'as', 'for', 'after', 'before', 'when', 'while', 'his', 'her', 'their', 'its', 'our', 'there', 'here', 'what', 'who', 'how', 'why', 'so', 'yet', 'also', 'today', 'yesterday', 'tomorrow']);

// Patterns of the per-token tests, made once: a regex literal inside a function is a new
// RegExp object on every evaluation, and these run on every token of a corpus.
const NAME_TOKEN = /^[A-Z][\w.&'-]*$/;
const CAPS_START = /^[A-Z]{2,}/;
const CAMEL = /^[a-z]+[A-Z]/;

/** Whether `s` starts camel-cased ("iPhone", "eBay"): `/^[a-z]{1,2}[A-Z]/`, read without a regex (this is asked of most tokens). */
function camelStart(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 < 97 || c0 > 122) return false;
  const c1 = s.charCodeAt(1);
  if (c1 >= 65 && c1 <= 90) return true;
  const c2 = s.charCodeAt(2);
  return c1 >= 97 && c1 <= 122 && c2 >= 65 && c2 <= 90;
}

/** Whether `s` starts with an ASCII capital (`/^[A-Z]/`). */
function capitalized(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function nameLike(t: Tok, index: number, firstWord = 0): boolean {
  // The test that turns most tokens away comes first.
  if (!capitalized(t.v) && !camelStart(t.v)) return false;
  if (t.type !== 'word' && t.type !== 'abbreviation' && !NAME_TOKEN.test(t.v)) return false;
  if (NOT_NAMES.has(t.lower) || CALENDAR.test(t.v)) return false;
  if (index <= firstWord && t.pos !== 'PROPN' && !CAPS_START.test(t.v) && !CAMEL.test(t.v)) return false;
  return true;
}

/** A word without its abbreviation dot ("Gov." → "gov"). */
function undotted(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

/** Finds capitalized name runs in a sentence and types them. */
export function findNames(tokens: Tok[]): FoundName[] {
  const out: FoundName[] = [];
  const firstWord = Math.max(0, tokens.findIndex((t) => t.type === 'word'));
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i]!, i, firstWord)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      if (nameLike(n, j + 1)) j++;
      else if (n.v === '-' && n.start === tokens[j]!.end && tokens[j + 2] && tokens[j + 2]!.start === n.end && nameLike(tokens[j + 2]!, j + 2)) j += 2;
      else if (CONNECTORS.has(n.lower) && tokens[j + 2] && nameLike(tokens[j + 2]!, j + 2)) j += 2;
      // "a Ray's Market store", "the Queen's Speech": after an article, one capitalized word, its
      // possessive and another are one name ("Acme's Tim Cook", with no article, is two).
      else if (POSSESSIVE.test(n.v) && i === j && n.start === tokens[j]!.end && /^(a|an|the)$/.test(tokens[i - 1]?.lower ?? '') && tokens[j + 2] && nameLike(tokens[j + 2]!, j + 2)) j += 2;
      else break;
    }
    // "Safety regulators said", "Half the roof fell": a capitalized first word before a lower-case
    // noun or determiner is just capitalized.
    const modifierOnly = i === j && i === firstWord && /^(NOUN|DET)$/.test(tokens[j + 1]?.pos ?? '') && /^[a-z]/.test(tokens[j + 1]!.v) && !/^[A-Z]{2,}$/.test(tokens[i]!.v);
    // "in Week 9", "Day 3", "Year 2": a unit of time and its number are a time, not a name.
    const numbered = i === j && UNITS[tokens[i]!.lower]?.dim === 'duration' && tokens[j + 1]?.type === 'number';
    if (!modifierOnly && !numbered) for (const part of splitAtRoles(tokens, i, j)) out.push(typeName(tokens, part.first, part.last, part.description));
    i = j + 1;
  }
  return out;
}

/** "Acme CEO Jane Doe" → description "Acme CEO" + name "Jane Doe". */
function splitAtRoles(tokens: Tok[], first: number, last: number): { first: number; last: number; description?: string }[] {
  let cut = -1;
  for (let k = first; k < last; k++) if (ROLE_WORDS.has(undotted(tokens[k]!.lower))) cut = k;
  if (cut < 0 || cut === last || ROLE_WORDS.has(undotted(tokens[last]!.lower))) return [{ first, last }];
  // Only split when what follows the role looks like a personal name (1-3 plain words).
  const rest = tokens.slice(cut + 1, last + 1);
  if (rest.length > 3 || rest.some((t) => ORG_WORDS.has(t.lower) || PLACE_WORDS.has(t.lower))) return [{ first, last }];
  return [{ first: cut + 1, last, description: text(tokens, first, cut) }];
}

function typeName(tokens: Tok[], first: number, last: number, roleBefore?: string): FoundName {
  const words = tokens.slice(first, last + 1).map((t) => undotted(t.lower));
  const lastWord = words[words.length - 1]!;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  let type: NameType = 'thing';
  let kindNoun = '';
  let description = roleBefore;
  const appositive = appositiveAfter(tokens, last);

  if (EVENT_WORDS.has(lastWord) && words.length > 1) {
    type = 'thing';
    kindNoun = lastWord;
  } else if (PLACE_WORDS.has(lastWord) && words.length > 1) {
    type = 'place';
    kindNoun = lastWord;
  } else if (words.some((w) => ORG_WORDS.has(w))) {
    type = 'organization';
    kindNoun = words.find((w) => ORG_WORDS.has(w))!;
  } else if (PLACE_OPENERS.has(words[0]!) && words.length > 1) {
    type = 'place';
    kindNoun = words[0]!;
  } else if (before?.v === ',' && roleBeforeComma(tokens, first)) {
    // "The company's chief executive, Tim Cook, said"
    type = 'person';
    description = roleBeforeComma(tokens, first);
  } else if (roleBefore || (before && PERSON_TITLES.has(undotted(before.lower)))) {
    type = 'person';
    if (!roleBefore && before) description = descriptionBefore(tokens, first);
  } else if (/^[A-Z]{2,6}$/.test(tokens[first]!.v) && first === last) {
    type = 'organization';
  } else if (appositive && ROLE_WORDS_IN(appositive)) {
    type = 'person';
  } else if (after && SPEECH_VERBS.has(after.lemma) && after.pos === 'VERB' && words.length >= 2) {
    type = 'person';
  } else if (before && (LOCATIVE_PREPS.has(before.lower) || (before.lower === 'the' && LOCATIVE_PREPS.has(tokens[first - 2]?.lower ?? '')))) {
    type = 'place';
  } else if (words.length >= 2 && words.length <= 3 && before?.lower !== 'the'
    && tokens.slice(first, last + 1).every((t) => /^[A-Z][a-z'’]+$/.test(t.v) && !ROLE_WORDS.has(t.lower))) {
    // Two or three plain capitalized words, no article, no org/place/event word: most often a person.
    type = 'person';
  }
  // A lower-case noun right after the name says what kind of thing it is ("the Tudor dynasty"),
  // as does one right before "of" ("the town of Elm Creek").
  if (after && after.pos === 'NOUN' && /^[a-z]/.test(after.v)) kindNoun = after.lemma;
  else if (after && /^[A-Z]{2,5}s$/.test(after.v)) kindNoun = after.v.slice(0, -1).toLowerCase();
  else if (before?.lower === 'of' && tokens[first - 2]?.pos === 'NOUN' && /^[a-z]/.test(tokens[first - 2]!.v)) kindNoun = tokens[first - 2]!.lemma;
  // A name the fallback took for a person is the kind its noun says: "the Acme Mills company", "the Ames river".
  if (type === 'person' && !description && !roleBefore && ORG_WORDS.has(kindNoun)) type = 'organization';
  else if (type === 'person' && !description && !roleBefore && PLACE_WORDS.has(kindNoun)) type = 'place';
  if (appositive && !description) description = appositive;
  return { first, last, value: text(tokens, first, last), type, kindNoun, description };
}

/** A word of a role phrase: a noun, adjective or name, a capitalized word, a possessive "'s". */
function inPhrase(t: Tok): boolean {
  return t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || /^[A-Z]/.test(t.v) || t.v === "'s" || t.v === '’s';
}

/** "The former Chief Operating Officer, Tim Cook": a role phrase, then a comma, then the name. */
function roleBeforeComma(tokens: Tok[], first: number): string | undefined {
  const end = first - 2;
  let k = end;
  while (k >= 0 && inPhrase(tokens[k]!) && !/^(the|a|an)$/i.test(tokens[k]!.v) && end - k < 8) k--;
  if (k === end) return undefined;
  const phrase = tokens.slice(k + 1, end + 1);
  if (!phrase.some((t) => ROLE_WORDS.has(t.lower))) return undefined;
  return text(tokens, k + 1, end);
}

/** "Italy's interior minister Matteo Salvini": the role phrase before a name. */
function descriptionBefore(tokens: Tok[], first: number): string {
  let k = first - 1;
  while (k > 0) {
    const t = tokens[k - 1]!;
    if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || t.v === "'s" || t.v === '’s' || t.v === '-') k--;
    else break;
  }
  return text(tokens, k, first - 1);
}

function ROLE_WORDS_IN(s: string): boolean {
  return s.toLowerCase().split(/[\s-]+/).some((w) => ROLE_WORDS.has(w));
}

/** ", the US envoy for the coalition," after a name. */
function appositiveAfter(tokens: Tok[], last: number): string | undefined {
  if (tokens[last + 1]?.v !== ',') return undefined;
  const det = tokens[last + 2];
  // "the US envoy …", "a spokesman …", "Acme's chief executive …"
  const possessive = det && /^[A-Z]/.test(det.v) && /^['’]s$/.test(tokens[last + 3]?.v ?? '');
  if (!det || !/^(the|a|an|its|his|her|their)$/.test(det.lower) && !ROLE_WORDS.has(det.lower) && !possessive) return undefined;
  let k = last + 2;
  while (k < tokens.length && k - last < 18 && !/^[,.;:!?)"”]$/.test(tokens[k]!.v)) k++;
  if (k - (last + 2) < 1) return undefined;
  const phrase = tokens.slice(last + 2, k);
  if (!phrase.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return undefined;
  if (phrase.some((t, k) => t.pos === 'VERB' && !/^(commanding|operating|ruling|leading|governing)$/.test(t.lower)
    && !/^(to|’s|'s)$/.test(phrase[k - 1]?.lower ?? '') && !/^(’s|'s)$/.test(t.lower))) return undefined;
  return text(tokens, last + 2, k - 1);
}

function text(tokens: Tok[], first: number, last: number): string {
  let s = '';
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (k > first && t.start > tokens[k - 1]!.end) s += ' ';
    s += t.v;
  }
  return s;
}

/** Quoted passages in a sentence: “…”, "…", ‘…’ (not apostrophes). */
export function findQuotes(sentence: string): FoundQuote[] {
  const out: FoundQuote[] = [];
  const re = /“([^”]{2,})”|"([^"]{2,})"|(?<![\w])‘([^’]{2,}?)’(?![\w])|(?<![\w])'([^']{2,}?)'(?![\w])/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
    const start = m.index + 1;
    const trimmed = inner.replace(/^[\s,]+|[\s,]+$/g, '');
    if (trimmed.split(/\s+/).length < 2) continue;
    const off = inner.indexOf(trimmed);
    out.push({ start: start + off, end: start + off + trimmed.length, text: trimmed });
  }
  return out;
}

export interface FoundAttribution {
  speaker: string;
  /** Token index of the speech verb (or "according"). */
  at: number;
  pronoun: boolean;
}

const PRONOUNS = /^(it|he|she|they|we|i)$/;

/** Who a sentence attributes its claims to: "X said", "according to X", "X reported". */
export function findAttribution(tokens: Tok[], names: FoundName[]): FoundAttribution | undefined {
  for (let k = 0; k < tokens.length - 1; k++) {
    if (tokens[k]!.lower === 'according' && tokens[k + 1]!.lower === 'to') {
      const np = phraseRight(tokens, k + 2);
      if (np) return { speaker: preferName(np, names, tokens), at: k, pronoun: false };
    }
  }
  const order: number[] = [];
  for (let k = 1; k < tokens.length; k++) if (isSpeechVerb(tokens, k)) order.push(k);
  order.sort((a, b) => Number(!CORE_SPEECH.has(tokens[a]!.lemma)) - Number(!CORE_SPEECH.has(tokens[b]!.lemma)) || a - b);
  for (const k of order) {
    let end = k - 1;
    while (end >= 0 && BEFORE_SPEECH_VERB.has(tokens[end]!.lower)) end--;
    if (end < 0) continue;
    if (tokens[end]!.v === ',') {
      // "Jane Doe, the UN envoy …, said": skip back over the appositive.
      let j = end - 1;
      while (j >= 0 && tokens[j]!.v !== ',' && end - j < 20) j--;
      if (j > 0 && tokens[j]!.v === ',' && !QUOTE_MARKS.has(tokens[j - 1]!.v)) end = j - 1;
      else {
        // "“…,” Doe said" is handled above; a quote then comma then verb means an inverted subject after the verb.
        const np = phraseRight(tokens, k + 1);
        if (np) return { speaker: preferName(np, names, tokens), at: k, pronoun: false };
        continue;
      }
    }
    if (QUOTE_MARKS.has(tokens[end]!.v)) {
      const np = phraseRight(tokens, k + 1);
      if (np) return { speaker: preferName(np, names, tokens), at: k, pronoun: PRONOUNS.test(np.text.toLowerCase()) };
      continue;
    }
    const np = phraseLeft(tokens, end);
    if (np) return { speaker: preferName(np, names, tokens), at: k, pronoun: PRONOUNS.test(np.text.toLowerCase()) };
  }
  return undefined;
}

const CORE_SPEECH = new Set(['say', 'tell', 'add', 'tweet', 'write', 'state', 'report', 'announce']);
/** Words between a subject and its speech verb: "Doe also said", "police have reportedly said". */
const BEFORE_SPEECH_VERB = new Set(['also', 'earlier', 'later', 'then', 'has', 'have', 'had', 'was', 'is', 'previously', 'reportedly']);
const QUOTE_MARKS = new Set(['”', '"', '’', "'"]);

function isSpeechVerb(tokens: Tok[], k: number): boolean {
  const t = tokens[k]!;
  // The part of speech first: a string comparison turns most tokens away before a set lookup.
  if ((t.pos !== 'VERB' && t.pos !== 'AUX') || !SPEECH_VERBS.has(t.lemma)) return false;
  // "self-declared capital", "so-called": adjectival uses are not attributions.
  if (tokens[k - 1]?.v === '-') return false;
  const next = tokens[k + 1];
  if (next && (next.pos === 'NOUN' || next.pos === 'PROPN') && t.lower.endsWith('ed') && t.lemma !== 'tell' && t.lemma !== 'call') return false;
  return true;
}

/** Heads that stand for their issuer: "a NATO statement said" is NATO speaking. */
const DOCUMENT_NOUNS = new Set(['statement', 'report', 'release', 'communique', 'announcement', 'post', 'tweet', 'website', 'site', 'account', 'spokesman', 'spokeswoman', 'spokesperson', 'press', 'filing', 'letter', 'blog']);

interface Phrase {
  first: number;
  last: number;
  text: string;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);

function phraseLeft(tokens: Tok[], end: number): Phrase | undefined {
  let k = end;
  let depth = 0;
  while (k >= 0) {
    const t = tokens[k]!;
    if (t.v === ')') depth++;
    else if (t.v === '(') depth--;
    else if (depth === 0 && !NP_POS.has(t.pos) && t.v !== '-' && t.v !== "'s" && t.v !== '’s') break;
    if (depth === 0 && t.pos === 'DET') {
      k--;
      break;
    }
    if (t.pos === 'PRON') {
      if (k === end) k--;
      break;
    }
    k--;
  }
  const first = k + 1;
  if (first > end) return undefined;
  const slice = tokens.slice(first, end + 1);
  if (!slice.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON')) return undefined;
  return { first, last: end, text: text(tokens, first, end) };
}

function phraseRight(tokens: Tok[], start: number): Phrase | undefined {
  let k = start;
  while (k < tokens.length && (NP_POS.has(tokens[k]!.pos) || tokens[k]!.v === '-' || tokens[k]!.lower === 'of') && k - start < 10) k++;
  if (k === start) return undefined;
  let last = k - 1;
  while (last >= start && (tokens[last]!.lower === 'of' || tokens[last]!.pos === 'DET')) last--;
  if (last < start) return undefined;
  return { first: start, last, text: text(tokens, start, last) };
}

/** Within a phrase, the name it contains is the better speaker ("a NATO statement" → "NATO"). */
function preferName(np: Phrase, names: FoundName[], tokens: Tok[]): string {
  const inside = names.filter((n) => n.first >= np.first && n.last <= np.last);
  const head = tokens[np.last]!;
  if (head.pos === 'NOUN' && /^[a-z]/.test(head.v) && !DOCUMENT_NOUNS.has(head.lemma)) {
    return text(tokens, np.first, np.last).replace(/^(the|a|an)\s+/i, '');
  }
  const person = inside.find((n) => n.type === 'person');
  if (person) return person.value;
  if (inside.length) {
    const best = inside.reduce((a, b) => (b.last - b.first > a.last - a.first ? b : a));
    return best.value;
  }
  return text(tokens, np.first, np.last).replace(/^(the|a|an)\s+/i, '');
}
