/**
 * The one term normalizer: sentence terms at ingest and question terms at answering go through
 * the same function, so a word typed in a question matches the word as the text has it.
 */

const PLAIN = /^[\p{Ll}\p{N}]+$/u;

/**
 * Splits hyphenated and dotted forms into parts and keeps the joined form ("u.s.-backed" → us,
 * back, us-backed); a model number's plural also stands for the model ("ak-47s" → ak-47, ak47, …).
 */
export function splitTerm(term: string): string[] {
  if (isWholeTerm(term)) return [term];
  if (MODEL_PLURAL.test(term) && term.length > 2) return [...new Set([...formsOf(term), ...formsOf(term.slice(0, -1))])];
  return formsOf(term);
}

/** Whether splitTerm(term) is [term] alone, as for most words. */
function isWholeTerm(term: string): boolean {
  return PLAIN.test(term) && !(MODEL_PLURAL.test(term) && term.length > 2);
}
const MODEL_PLURAL = /\d[sS]$/;

function formsOf(term: string): string[] {
  if (PLAIN.test(term)) return [term];
  const clean = term.replace(/[’']s$/, '').replace(/[“”"‘’'()[\]]/g, '');
  if (!clean) return [];
  const noDots = clean.replace(/\./g, '');
  const parts = noDots.split(/[-–/]/).filter((p) => p.length > 0);
  // "pre-orders" is also "preorders", as people type it.
  return parts.length > 1 ? [noDots, parts.join(''), ...parts] : [noDots];
}

/**
 * A headline-cased line ("Harbor Crane Operator Charged", "GUNMAN KILLS ONE"): every longer
 * word starts with a capital, so capitals there say nothing about names. (Short words — "into",
 * "on" — are lower-case in some headline styles; a lower-case "charged" makes it running text.)
 */
export function headlineCased(text: string): boolean {
  // Word by word, stopping at the first longer word in lower case: most sentences have one early,
  // and this runs on every sentence of a corpus.
  HEADLINE_WORD.lastIndex = 0;
  let words = 0;
  let long = 0;
  for (let m = HEADLINE_WORD.exec(text); m; m = HEADLINE_WORD.exec(text)) {
    if (words++ === 0 || m[0].length <= 4) continue;
    if (!UPPER_START.test(m[0])) return false;
    long++;
  }
  return words >= 3 && long > 0;
}
const HEADLINE_WORD = /\p{L}[\p{L}'’-]*/gu;
const UPPER_START = /^\p{Lu}/u;
