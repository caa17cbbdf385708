/**
 * Value helpers both wings share: when two extracted values can be the same claim, and grouping
 * by that. Ingest uses them to align claims across sources; answering, to group an answer's facts.
 */
import type { Fact } from './types.js';
import { NAME_ABBREVIATIONS, own, PERSON_TITLES, WEEKDAYS } from './lexicon.js';

/** Weekday name of a full ISO date, or undefined for coarser precision. */
export function weekdayOf(isoDate: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return undefined;
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** Whether two date values (ISO at any precision, or a weekday for unresolved ones) can be the same day. */
export function datesCompatible(a: { value: string; weekday?: string }, b: { value: string; weekday?: string }): boolean {
  if (a.value && b.value) return a.value.startsWith(b.value) || b.value.startsWith(a.value);
  const wa = a.value ? weekdayOf(a.value) : a.weekday;
  const wb = b.value ? weekdayOf(b.value) : b.weekday;
  return wa !== undefined && wa === wb;
}

/** The clock time a date fact gives ("17:30"), if it gives one. */
export function clockTime(f: Fact): string | undefined {
  return /T(\d\d:\d\d)$/.exec(f.timex ?? '')?.[1];
}

/**
 * A quantity fact as the asker wants it: a sum of money in the asked currency when the text
 * converts it so ("€5 million ($5.4 million)" asked in dollars is $5.4 million), else as written.
 */
export function inCurrency(f: Fact, currency?: string): { value: number; unit?: string; label: string; range?: [number, number] } {
  if (currency && f.unit !== currency && f.converted?.unit === currency) return { value: f.converted.value, unit: currency, label: f.converted.label };
  return { value: f.value as number, unit: f.unit, label: f.label, range: f.range };
}

/** Whether two normalized quantities can describe the same value (ranges or within 3%). */
export function quantitiesCompatible(
  a: { value: number; range?: [number, number]; label?: string; unit?: string },
  b: { value: number; range?: [number, number]; label?: string; unit?: string },
): boolean {
  const [al, ah] = a.range ?? [a.value, a.value];
  const [bl, bh] = b.range ?? [b.value, b.value];
  // Converted units round ("80-foot" is 24.4 m): 3%. The same unit stated twice must match.
  // Counts and money are never converted, so they must match as stated.
  const sameUnit = a.unit === 'count' || (a.unit !== undefined && a.unit === a.unit?.toUpperCase() && a.unit.length === 3) || unitOf(a.label) === unitOf(b.label);
  const tol = (sameUnit ? 0.002 : 0.03) * Math.max(Math.abs(a.value), Math.abs(b.value));
  return al - tol <= bh && bl - tol <= ah;
}

/** The unit word of a quantity's label: its last word without a digit ("80-foot wall" → "wall"). */
function unitOf(label?: string): string | undefined {
  return label?.split(' ').filter((w) => !/\d/.test(w)).at(-1);
}

/** Every value a quantity compatible with `q` could hold lies in some overlap with this interval (3% either side; see quantitiesCompatible). */
export function quantityReach(q: { value: number; range?: [number, number] }): [number, number] {
  const [l, h] = q.range ?? [q.value, q.value];
  const tol = REACH_TOLERANCE * Math.abs(q.value);
  return [Math.min(l, h, q.value) - tol, Math.max(l, h, q.value) + tol];
}
// Above quantitiesCompatible's widest tolerance (3%), so rounding never hides a match.
const REACH_TOLERANCE = 0.031;

/**
 * Greedy clustering: each fact joins the first group whose first member it is compatible with.
 *
 * With `reach` — an interval per item such that compatible items always have overlapping
 * intervals — group heads are found through value buckets instead of by
 * trying every group, so thousands of distinct values cost linear time; the groups are the
 * same as without it.
 */
export function groupFacts<T>(items: T[], compatible: (a: T, b: T) => boolean, reach?: (t: T) => [number, number]): T[][] {
  const groups: T[][] = [];
  if (!reach) {
    for (const it of items) {
      const g = groups.find((grp) => compatible(grp[0]!, it));
      if (g) g.push(it);
      else groups.push([it]);
    }
    return groups.sort((a, b) => b.length - a.length);
  }
  // Group numbers by bucket; heads whose interval spans too many buckets are tried for every item.
  const buckets = new Map<string, number[]>();
  const wide: number[] = [];
  for (const it of items) {
    const keys = bucketKeys(reach(it));
    // The first compatible head: groups are numbered in creation order, so the smallest number wins.
    let best = -1;
    if (keys) {
      // Each list is in creation order, so a list is done once it reaches the best so far.
      for (const list of [...keys.map((k) => buckets.get(k) ?? []), wide]) {
        for (const g of list) {
          if (best >= 0 && g >= best) break;
          if (compatible(groups[g]![0]!, it)) best = g;
        }
      }
    } else {
      for (let g = 0; g < groups.length && best < 0; g++) if (compatible(groups[g]![0]!, it)) best = g;
    }
    if (best >= 0) {
      groups[best]!.push(it);
      continue;
    }
    const g = groups.push([it]) - 1;
    if (!keys) wide.push(g);
    else for (const k of keys) (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(g);
  }
  return groups.sort((a, b) => b.length - a.length);
}

/**
 * The buckets (an eighth of a power of two wide, by sign) an interval touches; undefined when it
 * touches too many, or is not finite, to index. Heads of incompatible groups lie apart by their
 * tolerance, so a bucket holds a bounded number of them however many facts there are.
 */
function bucketKeys([lo, hi]: [number, number]): string[] | undefined {
  if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  if (lo <= 0 && hi >= 0) return lo === 0 && hi === 0 ? ['0'] : undefined;
  const sign = hi < 0 ? '-' : '+';
  const a = Math.floor(BUCKETS_PER_DOUBLING * Math.log2(Math.min(Math.abs(lo), Math.abs(hi))));
  const b = Math.floor(BUCKETS_PER_DOUBLING * Math.log2(Math.max(Math.abs(lo), Math.abs(hi))));
  if (b - a > MAX_BUCKETS) return undefined;
  const keys: string[] = [];
  for (let e = a; e <= b; e++) keys.push(sign + e);
  return keys;
}
const BUCKETS_PER_DOUBLING = 8;
const MAX_BUCKETS = 16;

/** The distinct items, in first-seen order. */
export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Names match when one's words contain the other's ("Doe" ~ "Jane Doe"; "Rob Ames" ~ "Robert Ames"). */
export function namesMatch(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return false;
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  // A given name may be shortened ("Rob Ames" is "Robert Ames"); a surname never is.
  const shortened = (w: string, i: number) => i < small.length - 1 && w.length >= 3
    && big.slice(0, -1).some((b) => b.length >= 3 && (b.startsWith(w) || w.startsWith(b)));
  return small.every((w, i) => big.includes(w) || shortened(w, i));
}

/** The words of a name, lower-case, without articles, titles or plural -s. */
export function nameWords(s: string): readonly string[] {
  // Agreement compares every name of the candidate sentences with the answer's: the same few
  // hundred names, many times over, per question.
  let words = NAME_WORDS.get(s);
  if (!words) {
    if (NAME_WORDS.size >= 20_000) NAME_WORDS.clear();
    words = s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w && !/^(the|a|an|of)$/.test(w) && !PERSON_TITLES.has(w))
      .map((w) => own(NAME_ABBREVIATIONS, w) ?? singularWord(w));
    NAME_WORDS.set(s, words);
  }
  return words;
}
const NAME_WORDS = new Map<string, readonly string[]>();

/** "Model X SUVs" and "Model X SUV" are one name. */
export function singularWord(w: string): string {
  return w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w;
}

/** A word with its first letter in upper case ("when" → "When", "june" → "June"). */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
