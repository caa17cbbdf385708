/**
 * Value helpers both wings share: when two extracted values can be the same claim, and grouping
 * by that. Ingest uses them to align claims across sources; answering, to group an answer's facts.
 */
import { WEEKDAYS } from './lexicon.js';

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

/** Whether two normalized quantities can describe the same value (ranges or within 3%). */
export function quantitiesCompatible(
  a: { value: number; range?: [number, number]; label?: string; unit?: string },
  b: { value: number; range?: [number, number]; label?: string; unit?: string },
): boolean {
  const [al, ah] = a.range ?? [a.value, a.value];
  const [bl, bh] = b.range ?? [b.value, b.value];
  // Converted units round ("80-foot" is 24.4 m): 3%. The same unit stated twice must match.
  const unitOf = (l?: string) => l?.split(' ').filter((w) => !/\d/.test(w)).at(-1);
  // Counts and money are never converted, so they must match as stated.
  const sameUnit = a.unit === 'count' || (a.unit !== undefined && a.unit === a.unit?.toUpperCase() && a.unit.length === 3) || unitOf(a.label) === unitOf(b.label);
  const tol = (sameUnit ? 0.002 : 0.03) * Math.max(Math.abs(a.value), Math.abs(b.value));
  return al - tol <= bh && bl - tol <= ah;
}

/** Greedy clustering: each fact joins the first group whose first member it is compatible with. */
export function groupFacts<T>(items: T[], compatible: (a: T, b: T) => boolean): T[][] {
  const groups: T[][] = [];
  for (const it of items) {
    const g = groups.find((grp) => compatible(grp[0]!, it));
    if (g) g.push(it);
    else groups.push([it]);
  }
  return groups.sort((a, b) => b.length - a.length);
}

/** The distinct items, in first-seen order. */
export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
