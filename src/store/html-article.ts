/**
 * A web page's HTML → the article in it, as plain text plus metadata. Mozilla's Readability
 * (the engine of Firefox's reader view) picks the article out of navigation, ads and related
 * links, over linkedom's DOM: no browser, no network, no scripts run.
 *
 * The text returned is what gets stored and shown: a title line, a byline line when the page
 * names one, then one paragraph per block, separated by blank lines. Every offset the engine
 * keeps indexes that stored text, so snippets stay verbatim.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isCalendarDate } from '../core/calendar.js';
import type { ArticleMeta } from '../core/types.js';

export interface HtmlArticle {
  /** Title, byline and paragraphs, blank-line separated; what the corpus stores. */
  text: string;
  /** What the page says about itself: title, site name as outlet, canonical URL, published date. */
  meta: ArticleMeta;
  byline?: string;
}

/** A page that cannot be turned into an article; the message is a plain sentence for people. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

export const NOT_AN_ARTICLE = 'that page is not an article (no run of paragraphs found in it)';

/** Below this much prose a page is a list, a form or a stub, not an article. */
const MIN_PROSE_CHARS = 250;
/** A block counts as prose from this length on, when it also reads as a sentence. */
const MIN_PROSE_BLOCK = 60;

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'hr', 'br', 'address',
]);
/** Never article text: media, their captions (credits are page furniture), and anything executable. */
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'figure', 'figcaption', 'picture', 'img', 'svg', 'video', 'audio', 'iframe', 'button', 'form', 'input', 'select', 'textarea']);

/**
 * Extracts the article from `html`. `pageUrl` (where the page came from, if known) resolves a
 * relative canonical link. Throws ArticleError when the page holds no article.
 */
export function htmlToArticle(html: string, pageUrl?: string): HtmlArticle {
  const { document } = parseHTML(html);
  // Readability rewrites the document it reads; metadata is read first, from the untouched page.
  const found = pageMetadata(document, pageUrl);
  let parsed: ReturnType<Readability<string[]>['parse']>;
  try {
    parsed = new Readability<string[]>(document as unknown as Document, { serializer: (node) => blocksOf(node) }).parse();
  } catch {
    throw new ArticleError(NOT_AN_ARTICLE);
  }
  const blocks = (parsed?.content ?? []).filter((b) => b.length > 0);
  const prose = blocks.filter((b) => b.length >= MIN_PROSE_BLOCK && /[.!?…"”’)]$|[.!?] /.test(b)).reduce((n, b) => n + b.length, 0);
  if (!parsed || prose < MIN_PROSE_CHARS) throw new ArticleError(NOT_AN_ARTICLE);

  // A <title> often carries the site's name after the headline; the page's one <h1> is the headline itself.
  const title = headline(clean(parsed.title) ?? found.title, found.h1);
  const byline = clean(parsed.byline) ?? found.byline;
  // The article body often repeats the headline as its first block; keep it once, as the title line.
  if (title && blocks[0] && sameText(blocks[0], title)) blocks.shift();
  if (byline && blocks[0] && sameText(blocks[0].replace(/^by\s+/i, ''), byline.replace(/^by\s+/i, ''))) blocks.shift();
  const head = [title, byline ? (/^by\b/i.test(byline) ? byline : `By ${byline}`) : undefined].filter((s): s is string => Boolean(s));
  const text = [...head, ...blocks].join('\n\n') + '\n';

  const meta: ArticleMeta = {};
  if (title) meta.title = title;
  const outlet = clean(parsed.siteName) ?? found.siteName;
  if (outlet) meta.outlet = outlet;
  if (found.url) meta.url = found.url;
  const published = isoDate(found.published) ?? isoDate(clean(parsed.publishedTime));
  if (published) meta.published = published;
  return { text, meta, ...(byline ? { byline } : {}) };
}

/** The text blocks under `root`, in reading order: one string per paragraph, whitespace collapsed. */
function blocksOf(root: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buf = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      buf += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toLowerCase();
    if (SKIP_TAGS.has(tag) || (tag.startsWith('amp-') && tag !== 'amp-fit-text')) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(n.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

interface PageMetadata {
  title?: string;
  h1?: string;
  byline?: string;
  siteName?: string;
  url?: string;
  published?: string;
}

/** Metadata from meta tags, JSON-LD and `<time>`, read before Readability touches the page. */
function pageMetadata(document: ReturnType<typeof parseHTML>['document'], pageUrl?: string): PageMetadata {
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      for (const el of Array.from(document.querySelectorAll('meta'))) {
        const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
        const content = clean(el.getAttribute('content'));
        if (name === key && content) return content;
      }
    }
    return undefined;
  };
  const ld = jsonLd(document);
  const canonical =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? metaContent('og:url') ?? ld.url ?? undefined;
  const time = Array.from(document.querySelectorAll('time[datetime]'))
    .map((t) => t.getAttribute('datetime') ?? '')
    .find((d) => isoDate(d));
  const h1s = Array.from(document.querySelectorAll('h1'));
  return {
    h1: h1s.length === 1 ? clean(h1s[0]!.textContent) : undefined,
    title: metaContent('og:title', 'twitter:title') ?? ld.headline ?? clean(document.querySelector('title')?.textContent),
    byline: metaContent('author', 'article:author') ?? ld.author,
    siteName: metaContent('og:site_name', 'application-name') ?? ld.publisher,
    url: httpUrl(canonical, pageUrl),
    // The first that is a real date: a page's broken meta tag should not hide its <time>.
    published: [
      metaContent('article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.date', 'sailthru.date'),
      ld.datePublished,
      time,
    ].find((d) => isoDate(d)),
  };
}

interface LdFields {
  headline?: string;
  author?: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
}

const ARTICLE_TYPES = /article|posting|report|newsarticle|blogposting/i;

/** The first JSON-LD object that describes an article (inside @graph or arrays too). */
function jsonLd(document: ReturnType<typeof parseHTML>['document']): LdFields {
  const candidates: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      candidates.push(o);
      if (o['@graph']) collect(o['@graph']);
    }
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources of metadata remain.
    }
  }
  const typeOf = (o: Record<string, unknown>) => [o['@type']].flat().map(String).join(' ');
  const o = candidates.find((c) => ARTICLE_TYPES.test(typeOf(c))) ?? candidates.find((c) => c.datePublished);
  if (!o) return {};
  const name = (v: unknown): string | undefined => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(name).filter(Boolean).join(', ') || undefined;
    if (v && typeof v === 'object') return clean(String((v as Record<string, unknown>).name ?? '')) ?? undefined;
    return undefined;
  };
  return {
    headline: name(o.headline),
    author: name(o.author),
    publisher: name(o.publisher),
    datePublished: name(o.datePublished) ?? name(o.dateCreated),
    url: name(o.url) ?? name(o.mainEntityOfPage && typeof o.mainEntityOfPage === 'object' ? (o.mainEntityOfPage as Record<string, unknown>)['@id'] : o.mainEntityOfPage),
  };
}

/**
 * `YYYY-MM-DD` from an ISO timestamp (the publisher's own calendar date) or another date string,
 * else undefined; a day that does not exist (`2017-02-30`, `0000-00-00`) is no date, as everywhere.
 */
export function isoDate(s: string | undefined | null): string | undefined {
  if (!s) return undefined;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(s);
  if (iso) return isCalendarDate(iso[1]!) ? iso[1] : undefined;
  if (!/\b(1[89]|20)\d{2}\b/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function httpUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function clean(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

function headline(title: string | undefined, h1: string | undefined): string | undefined {
  if (!title || !h1) return title ?? h1;
  return title.length > h1.length && title.toLowerCase().startsWith(h1.toLowerCase()) ? h1 : title;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}
