/**
 * The one term normalizer: sentence terms at ingest and question terms at answering go through
 * the same function, so a word typed in a question matches the word as the text has it.
 */

const PLAIN = /^[\p{Ll}\p{N}]+$/u;

/** Splits hyphenated and dotted forms into parts and keeps the joined form ("u.s.-backed" → us, back, us-backed). */
export function splitTerm(term: string): string[] {
  if (PLAIN.test(term)) return [term];
  const clean = term.replace(/[’']s$/, '').replace(/[“”"‘’'()[\]]/g, '');
  if (!clean) return [];
  const noDots = clean.replace(/\./g, '');
  const parts = noDots.split(/[-–/]/).filter((p) => p.length > 0);
  // "pre-orders" is also "preorders", as people type it.
  return parts.length > 1 ? [noDots, parts.join(''), ...parts] : [noDots];
}
