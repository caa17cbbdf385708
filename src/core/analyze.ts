/**
 * Runs wink-nlp once per paragraph of cleaned text and returns sentences with tokens
 * whose offsets index the raw article text.
 */
import type { Nlp } from './nlp.js';
import type { Paragraph } from './clean.js';
import type { Sentence } from './types.js';

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

export interface AnalyzedSentence {
  sentence: Sentence;
  text: string;
  tokens: Tok[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'X', 'ADV']);

/** Reads the paragraphs of `masked` (raw text with furniture blanked) into sentences. */
export function analyze(masked: string, paragraphs: Paragraph[], nlp: Nlp): AnalyzedSentence[] {
  const its = nlp.its;
  const out: AnalyzedSentence[] = [];
  for (const p of paragraphs) {
    const text = masked.slice(p.start, p.end);
    if (!text.trim()) continue;
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as typeof its.value) as string[];
    const types = doc.tokens().out(its.type) as string[];
    const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
    const toks: Tok[] = [];
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      offset += spaces[i]!.length;
      // wink's output is lossless; guard anyway so a surprise never yields a wrong snippet.
      if (text.slice(offset, offset + v.length) !== v) {
        const found = text.indexOf(v, offset);
        if (found >= 0) offset = found;
      }
      toks.push({
        v,
        lower: v.toLowerCase(),
        lemma: singular((lemmas[i] ?? v).toLowerCase(), pos[i]!),
        pos: pos[i]!,
        type: types[i]!,
        stop: Boolean(stops[i]),
        start: p.start + offset,
        end: p.start + offset + v.length,
      });
      offset += v.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [a, b] of spans) {
      const tokens = toks.slice(a, b + 1).filter((t) => t.type !== 'tabCRLF' && t.v.trim() !== '');
      if (!tokens.length) continue;
      const start = tokens[0]!.start;
      const end = tokens[tokens.length - 1]!.end;
      out.push({
        sentence: { index: out.length, paragraph: p.number, start, end, terms: termsOf(tokens) },
        text: masked.slice(start, end),
        tokens,
      });
    }
  }
  return out;
}

/** wink's lemmatizer misses some plurals ("jihadists"); strip a plain plural -s from nouns. */
function singular(lemma: string, pos: string): string {
  if (pos !== 'NOUN' || lemma.length < 5 || !lemma.endsWith('s') || /(ss|us|is|ics|news|ies)$/.test(lemma)) return lemma;
  return lemma.slice(0, -1);
}

/** Content terms of a token list: lemmas of content words, plus names as written. */
export function termsOf(tokens: Tok[]): string[] {
  const set = new Set<string>();
  // "3G" reads as "3" + "G": keep the joined form too, as people type it.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    if (b.start === a.end && /^[\p{L}\p{N}]+$/u.test(a.v) && /^[\p{L}\p{N}]+$/u.test(b.v)) set.add((a.v + b.v).toLowerCase());
  }
  for (const t of tokens) {
    if (t.type === 'punctuation' || t.type === 'tabCRLF') continue;
    if (!CONTENT_POS.has(t.pos) && !/^[A-Z]/.test(t.v)) continue;
    if (t.stop && !/^[A-Z]{2,}$/.test(t.v)) continue;
    for (const part of splitTerm(t.lemma)) set.add(part);
    if (t.pos === 'PROPN' || /^[A-Z]/.test(t.v)) for (const part of splitTerm(t.lower)) set.add(part);
  }
  return [...set];
}

/** Splits hyphenated and dotted forms into parts and keeps the joined form ("u.s.-backed" → us, back, us-backed). */
export function splitTerm(term: string): string[] {
  const clean = term.replace(/[’']s$/, '').replace(/[“”"‘’'()[\]]/g, '');
  if (!clean) return [];
  const noDots = clean.replace(/\./g, '');
  const parts = noDots.split(/[-–/]/).filter((p) => p.length > 0);
  return parts.length > 1 ? [noDots, ...parts] : [noDots];
}
