/**
 * Runs wink-nlp once per paragraph of cleaned text and returns sentences with tokens
 * whose offsets index the raw article text.
 */
import type { Nlp } from '../nlp.js';
import type { Paragraph } from './clean.js';
import { splitTerm } from '../terms.js';
import { docTokens, singular, type Tok } from '../syntax.js';
import type { Sentence } from '../types.js';
import { LEADING_ABBREVIATIONS } from '../lexicon.js';


export interface AnalyzedSentence {
  sentence: Sentence;
  text: string;
  tokens: Tok[];
}

const MAX_SENTENCE_TOKENS = 600;

/** A token a sentence keeps: not a line break, not blank. */
const kept = (t: Tok): boolean => t.type !== 'tabCRLF' && t.v.trim() !== '';

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'X', 'ADV']);

/**
 * Reads `masked` (raw text with furniture blanked) with one readDoc call and returns its
 * sentences, split at line breaks so that no sentence crosses a paragraph.
 */
export function analyze(masked: string, paragraphs: Paragraph[], nlp: Nlp): AnalyzedSentence[] {
  const its = nlp.its;
  const out: AnalyzedSentence[] = [];
  if (!paragraphs.length || !masked.trim()) return out;
  // Same length as before, so every offset below still indexes the raw text.
  masked = breakBlankLines(masked);
  const doc = nlp.readDoc(masked);
  const { toks, spaces } = docTokens(nlp, doc, masked);
  const paragraphOf = (at: number): Paragraph | undefined => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = paragraphs[mid]!;
      if (at < p.start) hi = mid - 1;
      else if (at >= p.end) lo = mid + 1;
      else return p;
    }
    return undefined;
  };
  const emit = (piece: Tok[]) => {
    // The piece itself when nothing is to be dropped (nearly always): it is a new list, held by nothing else.
    const all = piece.every(kept) ? piece : piece.filter(kept);
    // Text with no sentence punctuation (a scraped page on one line) is read in bounded pieces,
    // so per-sentence work stays linear however the page was broken.
    if (all.length <= MAX_SENTENCE_TOKENS) emitTokens(all);
    else for (let k = 0; k < all.length; k += MAX_SENTENCE_TOKENS) emitTokens(all.slice(k, k + MAX_SENTENCE_TOKENS));
  };
  const emitTokens = (tokensHere: Tok[]) => {
    if (!tokensHere.length) return;
    // The splitter sometimes breaks inside a decimal ("magnitude-6." | "8 quake"): join them back.
    // So does it after a title or "vs." before a name ("Rev." | "Ann Lowe", "Leeds vs." | "New Forest"),
    // on the same line.
    const prev = out[out.length - 1];
    // (Never past the bound on a sentence's length, so joins cannot grow one without end.)
    if (prev && prev.tokens.length + tokensHere.length <= MAX_SENTENCE_TOKENS && (brokenDecimal(prev, tokensHere[0]!) || afterAbbreviation(prev, tokensHere[0]!, masked))) {
      prev.tokens.push(...tokensHere);
      prev.sentence.end = tokensHere[tokensHere.length - 1]!.end;
      prev.text = masked.slice(prev.sentence.start, prev.sentence.end);
      prev.sentence.terms = termsOf(prev.tokens);
      return;
    }
    const p = paragraphOf(tokensHere[0]!.start);
    if (!p) return;
    const start = tokensHere[0]!.start;
    const end = tokensHere[tokensHere.length - 1]!.end;
    out.push({
      sentence: { index: out.length, paragraph: p.number, start, end, terms: termsOf(tokensHere) },
      text: masked.slice(start, end),
      tokens: tokensHere,
    });
  };
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [a, b] of spans) {
    let piece: Tok[] = [];
    for (let i = a; i <= b; i++) {
      const t = toks[i]!;
      // A line break ends a sentence: headings and captions have no full stop.
      if (t.type === 'tabCRLF' ? t.v.includes('\n') : spaces[i]!.includes('\n')) {
        emit(piece);
        piece = [];
      }
      if (t.type !== 'tabCRLF') piece.push(t);
    }
    emit(piece);
  }
  return out;
}


/** The word a text ends with when it ends in an abbreviation's full stop ("… Rev."). */
const LAST_ABBREVIATION = /(?:^|[\s(])([A-Za-z]{1,5})\.$/;

// The two tests below are functions of their own, not closures made for each sentence: under tsx
// (esbuild's keepNames) a closure assigned to a name has its name set by a run-time call each time.

/** Whether the sentence splitter broke a decimal between `prev` and the token `next` ("magnitude-6." | "8 quake"). */
function brokenDecimal(prev: AnalyzedSentence, next: Tok): boolean {
  return next.start === prev.sentence.end && /\d\.$/.test(prev.text) && /^\d/.test(next.v);
}

/** Whether `prev` ends in an abbreviation that leads a name or number (`next`) on the same line ("Rev." | "Ann Lowe"). */
function afterAbbreviation(prev: AnalyzedSentence, next: Tok, masked: string): boolean {
  return /^[A-Z\d]/.test(next.v) && !/\n/.test(masked.slice(prev.sentence.end, next.start))
    && LEADING_ABBREVIATIONS.has(LAST_ABBREVIATION.exec(prev.text)?.[1]?.toLowerCase() ?? '');
}

/**
 * One shared copy of each term string (a 2,000-article table holds hundreds of thousands of terms
 * but only tens of thousands of distinct ones), with the termsOf call that last listed it: one map
 * lookup both interns a term and tells whether its sentence has it already.
 */
class InternedTerm {
  constructor(
    public readonly term: string,
    public listedBy: number,
  ) {}
}
const interned = new Map<string, InternedTerm>();
/**
 * Each word termsOf splits (a lemma, a name in lower case) with its parts, interned: one lookup per
 * word, where splitTerm's tests and a lookup per part were made for every token.
 */
const partsOf = new Map<string, InternedTerm[]>();
let termsCall = 0;

// Patterns of the per-token tests, made once: a regex literal inside a function is a new RegExp
// object on every evaluation, and termsOf runs on every token of a corpus.
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;
const ALL_CAPS = /^[A-Z]{2,}$/;
const CAPITALIZED_PLURAL = /^[A-Z][a-z]{3,}s$/;
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;

/** Content terms of a token list: lemmas of content words, plus names as written. */
export function termsOf(tokens: Tok[]): string[] {
  // Emptied between calls only (and together), so a term listed earlier in this call is still marked as listed.
  if (interned.size > 500_000 || partsOf.size > 500_000) {
    interned.clear();
    partsOf.clear();
  }
  termsCall++;
  const terms: string[] = [];
  // "3G" reads as "3" + "G": keep the joined form too, as people type it.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    // (The second first: most pairs with no space between are a word and its punctuation.)
    if (b.start === a.end && WORD_CHARS.test(b.v) && WORD_CHARS.test(a.v)) addTerm(terms, (a.v + b.v).toLowerCase());
  }
  for (const t of tokens) {
    if (t.type === 'punctuation' || t.type === 'tabCRLF') continue;
    const c = t.v.charCodeAt(0);
    const capital = c >= 65 && c <= 90;
    if (!capital && !CONTENT_POS.has(t.pos)) continue;
    if (t.stop && !ALL_CAPS.test(t.v)) continue;
    addParts(terms, t.lemma);
    // The lemmatizer clips some verbs ("fined" → "fin"): keep the "-e" form too.
    if (t.pos === 'VERB' && t.lower.length === t.lemma.length + 2 && t.lower.endsWith('ed') && t.lower.startsWith(t.lemma)) addTerm(terms, `${t.lemma}e`);
    if (capital || t.pos === 'PROPN') {
      addParts(terms, t.lower);
      // A capitalized plural ("Dealers will …" at a sentence start) also counts as its singular.
      if (CAPITALIZED_PLURAL.test(t.v)) addTerm(terms, singular(t.lower, 'NOUN'));
      if (ACRONYM_PLURAL.test(t.v)) addTerm(terms, t.lower.slice(0, -1));
    }
  }
  // A copy at its length: the table keeps one list per sentence, and a pushed list keeps room for more.
  return terms.slice();
}

/** Adds the parts of a word (splitTerm) to this call's list. */
function addParts(terms: string[], word: string): void {
  let parts = partsOf.get(word);
  if (parts === undefined) {
    parts = splitTerm(word).map(internedTerm);
    partsOf.set(word, parts);
  }
  for (const part of parts) list(terms, part);
}

/** Adds a term to this call's list. */
function addTerm(terms: string[], term: string): void {
  list(terms, internedTerm(term));
}

/** Adds the shared copy of a term to this call's list unless it is there already (first-seen order, as a Set keeps). */
function list(terms: string[], entry: InternedTerm): void {
  if (entry.listedBy === termsCall) return;
  entry.listedBy = termsCall;
  terms.push(entry.term);
}

function internedTerm(term: string): InternedTerm {
  let entry = interned.get(term);
  if (entry === undefined) interned.set(term, (entry = new InternedTerm(term, 0)));
  return entry;
}

/**
 * Lines that hold only blanks (masked furniture) become paragraph breaks for wink: same length,
 * so offsets hold. wink reads blank lines joined by single newlines as one sentence, and its
 * cost grows with the square of a sentence's tokens (20,000 repeated lines: seconds).
 */
function breakBlankLines(text: string): string {
  return text.replace(/\n[^\S\n]+(?=\n)/g, (m) => '\n\n' + m.slice(2));
}
