/**
 * Sources as people name them, and how many of them are independent. One naming function
 * for every face (Discord, terminal, viewer, CLI text): the outlet from `sources.json` or the
 * page's own site name, a wire agency's dateline ("LONDON (Reuters) -"), the URL's host, and
 * the article id only as a last resort. Articles that share wire copy count as one report.
 * Pure: works on the fact table's articles.
 */
import type { Article } from './types.js';
import { shortSourceId } from './ask/links.js';

/** News agencies whose copy other outlets carry, as they are written in credits and datelines. */
const AGENCIES: [RegExp, string][] = [
  [/^(?:afp|agence france[- ]presse)$/i, 'AFP'],
  [/^reuters$/i, 'Reuters'],
  [/^(?:ap|associated press)$/i, 'AP'],
  [/^xinhua$/i, 'Xinhua'],
  [/^dpa$/i, 'dpa'],
  [/^efe$/i, 'EFE'],
  [/^ansa$/i, 'ANSA'],
  [/^anadolu(?: agency)?$/i, 'Anadolu'],
  [/^(?:pti|press trust of india)$/i, 'PTI'],
  [/^upi$/i, 'UPI'],
  [/^tass$/i, 'TASS'],
  [/^sana$/i, 'SANA'],
];
const AGENCY_WORDS = 'AFP|Agence France[- ]Presse|Reuters|AP|Associated Press|Xinhua|dpa|EFE|ANSA|Anadolu(?: Agency)?|PTI|Press Trust of India|UPI|TASS|SANA';

/** The agency's usual name for a credit as written, or undefined when it is not an agency. */
export function agencyName(credit: string): string | undefined {
  const c = credit.trim();
  return AGENCIES.find(([re]) => re.test(c))?.[1];
}

/** The host of an http(s) URL without "www.", or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./i, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The agency of a dateline at the start of the body ("WASHINGTON (Reuters) -", "(AFP) —"), read from the dateline furniture. */
function datelineAgency(article: Article): string | undefined {
  for (const f of article.furniture) {
    if (f.reason !== 'dateline' && f.reason !== 'credit') continue;
    const m = /\(([^()]{1,30})\)\s*[-–—:]?\s*$/.exec(article.raw.slice(f.start, f.end));
    const agency = m && agencyName(m[1]!);
    if (agency) return agency;
  }
  return undefined;
}

/**
 * What to call an article's source: its outlet (from `sources.json` or the page's site name),
 * a wire agency named by its dateline, the host of its URL, else its short id.
 */
export function outletName(article: Pick<Article, 'id' | 'raw' | 'outlet' | 'url' | 'furniture'>): string {
  const outlet = article.outlet?.replace(/\s+/g, ' ').trim();
  if (outlet) return outlet;
  return datelineAgency(article as Article) ?? hostOf(article.url) ?? shortSourceId(article.id);
}

/**
 * Names for every article of a corpus, unique: when two articles would get the same name
 * (two pieces from one outlet), each gets its short id after it ("AFP (002)").
 */
export function sourceNamer(articles: Article[]): (id: string) => string {
  const names = new Map(articles.map((a) => [a.id, outletName(a)]));
  const counts = new Map<string, number>();
  for (const n of names.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
  return (id) => {
    const n = names.get(id);
    if (!n) return shortSourceId(id);
    return (counts.get(n) ?? 0) > 1 && n !== shortSourceId(id) ? `${n} (${shortSourceId(id)})` : n;
  };
}

/**
 * Groups of articles that share wire copy, among `articles` only: connected through
 * `wireWith`. Articles with no shared copy are groups of one. Order follows `articles`.
 */
export function wireGroups<T extends Pick<Article, 'id' | 'wireWith'>>(articles: T[]): T[][] {
  const ids = new Set(articles.map((a) => a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const groups: T[][] = [];
  for (const a of articles) {
    if (seen.has(a.id)) continue;
    const group: T[] = [];
    const stack = [a];
    seen.add(a.id);
    while (stack.length) {
      const x = stack.pop()!;
      group.push(x);
      // wireWith may be one-sided; look both ways.
      const links = [...x.wireWith, ...articles.filter((o) => o.wireWith.includes(x.id)).map((o) => o.id)];
      for (const id of links) {
        if (!ids.has(id) || seen.has(id)) continue;
        seen.add(id);
        stack.push(byId.get(id)!);
      }
    }
    groups.push(articles.filter((x) => group.includes(x)));
  }
  return groups;
}

/**
 * The agency whose wire copy a group carries, when its articles credit one: a dateline
 * "(Reuters) -", a bare "(AFP)" credit, or "…, AFP reports". Photo credits that say so
 * ("Source: Reuters", "Photo: AP") don't count. The agency most articles credit wins.
 */
export function wireAgency(group: Pick<Article, 'raw'>[]): string | undefined {
  const votes = new Map<string, number>();
  const credit = new RegExp(`\\((${AGENCY_WORDS})\\)|\\b(${AGENCY_WORDS}) (?:reports|reported|said|says)\\b`, 'g');
  for (const a of group) {
    const named = new Set<string>();
    for (const m of a.raw.matchAll(credit)) {
      const name = agencyName(m[1] ?? m[2] ?? '');
      if (name) named.add(name);
    }
    for (const n of named) votes.set(n, (votes.get(n) ?? 0) + 1);
  }
  let best: string | undefined;
  let most = 0;
  for (const [n, v] of votes) if (v > most) [best, most] = [n, v];
  return best;
}

/** How many independent reports a set of articles makes, and the wire groups among them. */
export interface Independence {
  reports: number;
  wire: { agency?: string; count: number }[];
}

export function independence(articles: Pick<Article, 'id' | 'raw' | 'wireWith'>[]): Independence {
  const groups = wireGroups(articles);
  return {
    reports: groups.length,
    wire: groups.filter((g) => g.length > 1).map((g) => ({ agency: wireAgency(g), count: g.length })),
  };
}

/** "2 independent reports (AFP wire in 4)", or undefined when every article is its own report. */
export function independenceNote(ind: Independence): string | undefined {
  if (!ind.wire.length) return undefined;
  const wires = ind.wire.map((w) => `${w.agency ? `${w.agency} wire` : 'shared wire copy'} in ${w.count}`).join(', ');
  return `${ind.reports} independent report${ind.reports === 1 ? '' : 's'} (${wires})`;
}
