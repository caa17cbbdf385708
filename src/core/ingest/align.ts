/**
 * Alignment across articles: shared wire copy, name aliases ("Islamic State (IS)"),
 * and claims — facts about the same thing grouped by compatible values.
 */
import type { Article, Claim, Fact } from '../types.js';

import { canonical, INITIAL_SKIPS } from '../lexicon.js';
import { groupFacts, quantityReach, uniq } from '../values.js';
import { quantitiesCompatible } from '../values.js';

const SHINGLE = 8;
const SAMPLE_MOD = 12;
const MAX_POSTING_SCAN = 16;
const MAX_WIRE_WITH = 25;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The article body as a sequence of word hashes: FNV-1a (32-bit, over UTF-16 units) of each run of
 * letters and digits (`/[\p{L}\p{N}]+/u`) of the lower-cased text. Hashed while scanning, with no
 * match object or word string per word: this runs on every word of a corpus. Hashes are kept as
 * signed 32-bit integers (the same bits), which V8 stores untagged, where unsigned ones above 2^31
 * are boxed doubles.
 */
function bodyWordHashes(a: Article): number[] {
  const out: number[] = [];
  for (const s of a.sentences) {
    if (asciiWordHashes(a.raw, s.start, s.end, out)) continue;
    const text = a.raw.slice(s.start, s.end).toLowerCase();
    let h = 0;
    let inWord = false;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (isWordChar(cp)) {
        if (!inWord) h = FNV_OFFSET;
        inWord = true;
        for (let k = i; k < i + width; k++) {
          h ^= text.charCodeAt(k);
          h = Math.imul(h, FNV_PRIME);
        }
      } else if (inWord) {
        out.push(h | 0);
        inWord = false;
      }
      i += width;
    }
    if (inWord) out.push(h | 0);
  }
  return out;
}

/**
 * bodyWordHashes for raw[start, end) when it is all ASCII, read in place with capitals folded (the
 * same hashes, without a lower-cased copy of each sentence); false, with nothing added, otherwise.
 * (One pass: the hashes of a sentence that turns out not to be ASCII are taken back.)
 */
function asciiWordHashes(raw: string, start: number, end: number, out: number[]): boolean {
  const before = out.length;
  let h = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0x80) {
      out.length = before;
      return false;
    }
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (!inWord) h = FNV_OFFSET;
      inWord = true;
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
    } else if (inWord) {
      out.push(h | 0);
      inWord = false;
    }
  }
  if (inWord) out.push(h | 0);
  return true;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const nonAsciiWordChar = new Map<number, boolean>();

/** Whether a code point is a letter or a digit (`[\p{L}\p{N}]`), ASCII answered without a regex. */
function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  let known = nonAsciiWordChar.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    nonAsciiWordChar.set(cp, known);
  }
  return known;
}

/** Hash of the `SHINGLE` word hashes starting at `i` (FNV-1a over the hashes), as a signed 32-bit integer. */
function shingleHash(words: number[], i: number): number {
  let h = FNV_OFFSET;
  for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ words[k]!, FNV_PRIME);
  return h | 0;
}

/** Whether a shingle is sampled: its hash, read unsigned, divisible by SAMPLE_MOD (in small-integer arithmetic). */
function sampled(h: number): boolean {
  // u = hi·2^16 + lo, so u mod m = ((hi mod m)·(2^16 mod m) + lo) mod m.
  return (((h >>> 16) % SAMPLE_MOD) * HIGH_HALF_MOD + (h & 0xffff)) % SAMPLE_MOD === 0;
}
const HIGH_HALF_MOD = 2 ** 16 % SAMPLE_MOD;

/**
 * Marks wire copy: the share of each article's sampled 8-word shingles that other
 * articles repeat, and which articles share them. Sampling keeps it linear in corpus size.
 */
export function detectWireCopy(articles: Article[]): void {
  const postings = new Map<number, number[]>();
  const perArticle: number[][] = [];
  articles.forEach((a, idx) => {
    const words = bodyWordHashes(a);
    const mine = new Set<number>();
    for (let i = 0; i + SHINGLE <= words.length; i++) {
      const h = shingleHash(words, i);
      if (!sampled(h) || mine.has(h)) continue;
      mine.add(h);
      const list = postings.get(h);
      if (list) list.push(idx);
      else postings.set(h, [idx]);
    }
    perArticle.push([...mine]);
  });
  // Shingles shared with each other article, counted in an array (zeroed again after each article)
  // rather than a Map per article; `touched` keeps the order a Map would have kept.
  const counts = new Int32Array(articles.length);
  articles.forEach((a, idx) => {
    const shingles = perArticle[idx]!;
    if (!shingles.length) return;
    let shared = 0;
    const touched: number[] = [];
    for (const h of shingles) {
      const list = postings.get(h)!;
      if (list.length < 2) continue;
      shared++;
      for (let k = 0; k < list.length && k < MAX_POSTING_SCAN; k++) {
        const other = list[k]!;
        if (other !== idx && counts[other]!++ === 0) touched.push(other);
      }
    }
    const shares = touched.map((other) => [other, counts[other]!] as const);
    for (const other of touched) counts[other] = 0;
    a.wireShare = Math.round((shared / shingles.length) * 100) / 100;
    a.wireWith = shares
      .filter(([other, n]) => n >= Math.max(2, 0.15 * Math.min(shingles.length, perArticle[other]!.length)))
      .sort((x, y) => y[1] - x[1])
      .slice(0, MAX_WIRE_WITH)
      .map(([other]) => articles[other]!.id)
      .sort();
  });
}

/**
 * Aliases defined in the text itself: "World Health Organization (WHO)", "Federal Aviation Administration (FAA)".
 * Returns lower-case alias → expansions, both directions.
 */
/** A dotted abbreviation ("U.S.", "N.Y."). */
const DOTTED = /^(?:\p{Lu}\.)+$/u;

export function findAliases(articles: Article[], facts: Fact[] = []): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const s = map.get(a) ?? new Set<string>();
    s.add(b);
    map.set(a, s);
  };
  const re = /((?:[A-Z][\p{L}'’.-]*\s+(?:(?:of|for|and|in|the)\s+)?){0,6}[A-Z][\p{L}'’.-]*)\s+\(([A-Z][A-Za-z]{1,7}(?: [A-Z][A-Za-z]{1,10}){0,2})\)/gu;
  for (const a of articles) {
    for (const s of a.sentences) {
      const text = a.raw.slice(s.start, s.end);
      if (!/\([A-Z]/.test(text)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const acronym = m[2]!;
        const words = m[1]!.split(/\s+/);
        // The name starts at its first word whose initial is the acronym's first letter.
        const letters = acronym.replace(/[^A-Z]/g, '');
        const from = words.findIndex((w) => w[0] === letters[0]);
        if (from < 0) continue;
        const tail = words.slice(from);
        const full = tail.join(' ').toLowerCase();
        const short = acronym.toLowerCase();
        if (full === short || tail.length < 2 && letters.length > 1) continue;
        add(short, full);
        add(full, short);
      }
    }
  }
  // Initials of multi-word names ("United Nations" → "un"; a dotted abbreviation gives its letters:
  // "U.S. Coast Guard" → "uscg"), unless the text defines them otherwise.
  const defined = new Set(map.keys());
  const seen = new Set<string>();
  for (const f of facts) {
    if (f.kind !== 'entity' || typeof f.value !== 'string' || seen.has(f.value)) continue;
    seen.add(f.value);
    const words = f.value.split(/\s+/).filter((w) => !INITIAL_SKIPS.has(w.toLowerCase()));
    if (words.length < 2 || words.length > 5 || !words.every((w) => /^[A-Z][a-z]/.test(w) || DOTTED.test(w))) continue;
    const initials = words.map((w) => (DOTTED.test(w) ? w.replace(/\./g, '') : w[0]!).toLowerCase()).join('');
    if (defined.has(initials)) continue;
    add(initials, words.map((w) => w.replace(/\./g, '')).join(' ').toLowerCase());
  }
  return Object.fromEntries([...map.entries()].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Whether two articles cover the same story: they share wire copy, or a good part of
 * their vocabulary. Only such articles can disagree with each other.
 */
export function relatedArticles(articles: Article[]): (a: string, b: string) => boolean {
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Each article's distinct terms as a sorted list of numbers, one number per term of the corpus:
  // two lists are intersected in one merge, where a Set of strings per article cost a hash per
  // lookup and some kilobytes each.
  const numbers = new Map<string, number>();
  const terms = new Map<string, Int32Array>();
  const termsOf = (id: string) => {
    let t = terms.get(id);
    if (!t) {
      const list: number[] = [];
      for (const s of byId.get(id)?.sentences ?? []) {
        for (const term of s.terms) {
          let n = numbers.get(term);
          if (n === undefined) numbers.set(term, (n = numbers.size));
          list.push(n);
        }
      }
      t = distinctSorted(list);
      terms.set(id, t);
    }
    return t;
  };
  // By the smaller id, then the other: alignClaims asks about the same pairs thousands of times,
  // and a joined key would be a new string for each.
  const cache = new Map<string, Map<string, boolean>>();
  return (a, b) => {
    if (a === b || byId.get(a)?.wireWith.includes(b)) return true;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let row = cache.get(lo);
    if (!row) cache.set(lo, (row = new Map()));
    let v = row.get(hi);
    if (v === undefined) {
      const ta = termsOf(a);
      const tb = termsOf(b);
      v = sharedCount(ta, tb) / Math.max(1, Math.min(ta.length, tb.length)) >= 0.3;
      row.set(hi, v);
    }
    return v;
  };
}

/** The distinct numbers of a list, ascending. */
function distinctSorted(list: number[]): Int32Array {
  const sorted = Int32Array.from(list).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** How many numbers two ascending lists of distinct numbers have in common. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/**
 * Whether two figures qualify the same thing: "Acme Motors" and "Acme" do, "iPhone 3GS" and
 * "iPhone" do not (a model code sets them apart); an unqualified figure goes with either.
 */
export function qualifiersAgree(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (!small.every((w) => big.includes(w))) return false;
  return big.filter((w) => !small.includes(w)).every((w) => !/\d/.test(w));
}

/** Groups quantity facts by what they measure and clusters compatible values. */
export function alignClaims(facts: Fact[], related: (a: string, b: string) => boolean = () => true, published: Record<string, string | undefined> = {}): Claim[] {
  // A fact without a stated time is placed at its article's date, else at the corpus's usual year.
  const years = Object.values(published).filter((d): d is string => Boolean(d)).map((d) => d.slice(0, 4)).sort();
  const usualYear = years[Math.floor(years.length / 2)];
  // Two facts can disagree only when they are of the same year (or one has none).
  const yearOf = (f: Fact) => (f.time ?? published[f.article] ?? usualYear)?.slice(0, 4);
  // "measured it at magnitude 7.0" names no event: it is the story's usual one ("the quake").
  const magnitudeSubjects = new Map<string, number>();
  for (const f of facts) if (f.attribute === 'magnitude' && f.subject) magnitudeSubjects.set(canonical(f.subject), (magnitudeSubjects.get(canonical(f.subject)) ?? 0) + 1);
  const usualEvent = [...magnitudeSubjects.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const byKey = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.kind !== 'quantity' || (!f.subject && f.attribute !== 'magnitude')) continue;
    const key = `${f.attribute}|${f.subject ? canonical(f.subject) : usualEvent}|${f.unit ?? ''}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const claims: Claim[] = [];
  for (const [key, list] of byKey) {
    const [attribute, subject] = key.split('|') as [string, string, string];
    const groups = groupFacts(list, (a, b) => quantitiesCompatible(
      { value: a.value as number, range: a.range, label: a.label, unit: a.unit },
      { value: b.value as number, range: b.range, label: b.label, unit: b.unit },
    ), (f) => quantityReach({ value: f.value as number, range: f.range }));
    if (new Set(list.map((f) => f.article)).size < 2 && groups.length < 2) continue;
    // A differing value from an unrelated article is another story's figure, not a disagreement.
    const main = groups[0]!;
    // Two values in one article are two things that article counts, not sources disagreeing.
    // Up to 50 (article, qualifier) pairs of each group are tried against 50 of the main one: each
    // fact's year is read once, not once per pair.
    const mainKeys = firstDistinct(main, (m) => `${m.article}|${m.qualifier ?? ''}`, 50);
    const mainYears = mainKeys.map(yearOf);
    const kept = [main, ...groups.slice(1).filter((g) => firstDistinct(g, (f) => `${f.article}|${f.qualifier ?? ''}`, 50).some((f) => {
      const year = yearOf(f);
      return mainKeys.some((m, i) => m.article !== f.article && qualifiersAgree(m.qualifier, f.qualifier)
        && (!mainYears[i] || !year || mainYears[i] === year) && related(m.article, f.article));
    }))];
    if (kept.length < groups.length) groups.splice(0, groups.length, ...kept);
    claims.push({
      id: `claim:${key}`,
      kind: 'quantity',
      attribute,
      subject,
      groups: groups.map((g) => ({ value: g[0]!.label, facts: g.map((f) => f.id), sources: uniq(g.map((f) => f.article)) })),
    });
  }
  // Each claim's source count once, not once per comparison.
  const sources = new Map(claims.map((c) => [c, sourcesOf(c)]));
  return claims.sort((a, b) => sources.get(b)! - sources.get(a)!);
}

function sourcesOf(c: Claim): number {
  return new Set(c.groups.flatMap((g) => g.sources)).size;
}

/** The first item for each key, in order, up to `limit` items (the rest of the list is not read). */
function firstDistinct<T>(xs: T[], key: (x: T) => string, limit: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of xs) {
    if (out.length >= limit) break;
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

