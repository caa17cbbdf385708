/**
 * Cleaning: finds page furniture (navigation, captions, credits, duplicated lines,
 * trailing headline blocks, date tokens and datelines) in an article's raw text and
 * sets it aside as spans. Nothing is rewritten, so every offset stays an index into
 * the raw text and every snippet shown later is verbatim.
 */
import type { ArticleMeta, Furniture, FurnitureReason, Span } from '../types.js';
import { parseDateLine } from './dates.js';
import { isCalendarDate } from '../calendar.js';

export interface Paragraph extends Span {
  /** 1-based line number among non-empty lines, as a reader counts ¶. */
  number: number;
}

export interface Cleaned {
  furniture: Furniture[];
  /** Non-empty lines with furniture still inside them (mask before reading). */
  paragraphs: Paragraph[];
  title?: string;
  /** Span of the headline line, when the article starts with one. */
  titleSpan?: Span;
  published?: string;
  publishedFrom: 'date-token' | 'dateline' | 'none';
  outlet?: string;
}

/** Lines that are site navigation or widgets, never article text. */
/** A page's own time stamp line: "Published: …", "Last updated at 13:42 GMT", "Posted on …" with a time or a year. */
const STAMP_LINE = /^(?:last\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s.{0,100}(?:\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b)[^.!?]{0,60}$/i;

const NAVIGATION =
  /^(skip to (main )?content|skip navigation|advertisement|advert|sponsored( content)?|share( this)?( article| story| on \w+)?|sign (up|in)( .*)?|log ?in|subscribe( now)?( .*)?|menu|search|home|follow us( .*)?|read more|print( this)?( article)?|e-?mail( this)?( article)?|comments?( \(\d+\))?|(accept|manage)( all)? cookies|we use cookies.*|close|back to top|listen to (this )?article|watch:? .{0,60}|image copyright.*|copyright ©.*|© .{0,80}|all rights reserved\.?|-{3,}|_{3,}|\*{3,})$/i;

/** A line that opens a trailing block of unrelated links: it and all after are furniture. */
const HEADLINES_BLOCK =
  /^(top stories|top news|partner news|related( stories| articles| news| content| coverage)?|more (stories|news|on this story|from [\w .]{1,40})|most (read|popular|viewed|shared)|recommended( for you)?|you (may|might) (also )?like|trending( now| stories)?|latest( news| stories)?|read (also|next)|see also|also read|editor'?s picks|popular( now| stories)?|don'?t miss|in other news)\s*:?$/i;

/** News agencies and photo credits that appear in parentheses after captions. */
const CREDIT_WORDS =
  /^(?:(?:source|photo|image|picture|credit|file|video)s?\s*:\s*.{1,60}|afp|reuters|ap|ap photo.*|associated press|getty( images)?|epa|efe|xinhua|ani|pti|ians|aap|pa|dpa|anadolu( agency)?|sana|tass|ria novosti|bloomberg|upi|.{0,40}\/(afp|reuters|ap|getty images|epa)|.{1,40} via getty images|shutterstock)$/i;

/** "(Reporting by …; Editing by …)", "Additional reporting by …": the wire's staff credits. */
const CREDIT_LINE = /^\(?(?:(?:additional )?reporting|writing|editing|compiled|produced) by\b.{0,200}\)?$/i;

const CAPTION_PREFIX = /^(?:file photo|photo|image|picture|caption|pictured|above|top|main image)\s*:/i;

/** Finds furniture in the raw text of one article. */
export function clean(raw: string, meta: ArticleMeta = {}): Cleaned {
  const furniture: Furniture[] = [];
  const add = (start: number, end: number, reason: FurnitureReason) => {
    if (end > start) furniture.push({ start, end, reason });
  };
  const lines = splitLines(raw);
  let published: string | undefined;
  let publishedFrom: Cleaned['publishedFrom'] = 'none';
  let outlet: string | undefined;
  let title: string | undefined;
  let titleSpan: Span | undefined;
  const seen = new Set<string>();
  let trailing = false;
  let bodyLinesSeen = 0;
  // Lines with text read so far: a page's time stamp sits among its first few, blank lines aside.
  let linesSeen = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (trailing) {
      add(line.start, line.end, 'headlines');
      continue;
    }
    let start = line.start;
    let text = raw.slice(start, line.end);

    // `date YYYY-MM-DD` token at the start of the article (after any navigation lines).
    if (!published && bodyLinesSeen <= 1 && i < 8) {
      const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i.exec(text);
      if (m) {
        if (isCalendarDate(m[1]!)) {
          published = m[1];
          publishedFrom = 'date-token';
        }
        add(start, start + m[0].length, 'date-token');
        start += m[0].length;
        text = text.slice(m[0].length);
      }
    }
    const trimmed = text.trim();
    if (!trimmed) continue;
    linesSeen++;

    if (HEADLINES_BLOCK.test(trimmed) && bodyLinesSeen > 0) {
      trailing = true;
      add(line.start, line.end, 'headlines');
      continue;
    }
    if (NAVIGATION.test(trimmed) || isMenuLine(trimmed) || CREDIT_LINE.test(trimmed)) {
      add(start, line.end, 'navigation');
      continue;
    }
    // A line that is only a date is a dateline; the first one near the top is the publication date.
    const lineDate = parseDateLine(trimmed);
    // "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: …": a page's time stamps are page furniture.
    if (!lineDate && STAMP_LINE.test(trimmed)) {
      add(start, line.end, 'dateline');
      continue;
    }
    if (lineDate) {
      add(start, line.end, 'dateline');
      if (!published && linesSeen <= 6 && isCalendarDate(lineDate)) {
        published = lineDate;
        publishedFrom = 'dateline';
      }
      continue;
    }
    const key = lineKey(trimmed);
    if (seen.has(key) && trimmed.length > 3) {
      add(start, line.end, 'duplicate');
      continue;
    }
    seen.add(key);

    // Captions inside a line ("FILE PHOTO: … (Source: Reuters)"), possibly repeated.
    const captions = findCaptions(text);
    if (captions.length) {
      for (const c of captions) add(start + c.start, start + c.end, 'caption');
      const rest = removeSpans(text, captions).trim();
      if (!rest) continue;
    }
    // A whole line ending in a credit is a photo caption.
    if (isCaptionLine(trimmed)) {
      add(start, line.end, 'caption');
      continue;
    }

    // Dateline or outlet prefix at the start of the first body line ("DAMASCUS:", "Outlet.net - ").
    if (bodyLinesSeen <= 1) {
      const lead = leadingPrefix(text);
      if (lead) {
        add(start + lead.start, start + lead.end, lead.reason);
        if (lead.outlet) outlet = lead.outlet;
      }
    }

    if (bodyLinesSeen === 0 && !title && looksLikeHeadline(trimmed) && i + 1 < lines.length) {
      title = trimmed;
      const offset = text.indexOf(trimmed);
      titleSpan = { start: start + offset, end: start + offset + trimmed.length };
    }
    bodyLinesSeen++;
  }

  furniture.sort((a, b) => a.start - b.start);
  const paragraphs: Paragraph[] = [];
  const covered = coverage(furniture, raw);
  let n = 0;
  for (const line of lines) {
    if (!/\S/.test(raw.slice(line.start, line.end))) continue;
    n++;
    if (!covered(line)) paragraphs.push(new LineSpan(line.start, line.end, n));
  }
  if (meta.published && isCalendarDate(meta.published)) {
    published = meta.published;
  }
  return {
    furniture,
    paragraphs,
    title: meta.title ?? title,
    titleSpan,
    published,
    publishedFrom: meta.published ? 'none' : publishedFrom,
    outlet: meta.outlet ?? outlet,
  };
}

const SPACE_RUNS = /\s+/g;
const UNUSUAL_SPACE = /\s\s|[^\S ]/;

/** A line as compared for duplicates: lower case, each run of whitespace one space. */
function lineKey(line: string): string {
  const lower = line.toLowerCase();
  // Most lines hold single spaces only; they need no second copy.
  return UNUSUAL_SPACE.test(lower) ? lower.replace(SPACE_RUNS, ' ') : lower;
}

/** Replaces furniture with spaces (newlines kept) so NLP offsets equal raw offsets. */
export function maskFurniture(raw: string, furniture: Furniture[]): string {
  if (!furniture.length) return raw;
  // Parts joined once: tens of thousands of `+=` leave a deep string for the collector to walk.
  const parts: string[] = [];
  let pos = 0;
  for (const f of furniture) {
    if (f.start < pos) continue;
    parts.push(raw.slice(pos, f.start), blank(raw.slice(f.start, f.end)));
    pos = f.end;
  }
  parts.push(raw.slice(pos));
  return parts.join('');
}

/** The text with every character but newlines made a space. */
function blank(text: string): string {
  return text.split('\n').map((line) => ' '.repeat(line.length)).join('\n');
}

/**
 * A line, or a paragraph with its ¶ number (0 for a plain line). A class, not an object literal, for
 * the reason Token is one (syntax.ts): V8 pretenured the literal sites, so the lines of every article
 * died in the old generation (5 MB of garbage there in a 2,000-article ingest).
 */
class LineSpan implements Paragraph {
  constructor(
    public start: number,
    public end: number,
    public number = 0,
  ) {}
}

function splitLines(raw: string): Span[] {
  const out: Span[] = [];
  for (let start = 0; ; ) {
    const i = raw.indexOf('\n', start);
    out.push(new LineSpan(start, i < 0 ? raw.length : i));
    if (i < 0) return out;
    start = i + 1;
  }
}

/**
 * Whether a line is furniture: every non-blank character of it inside furniture spans. The
 * spans (sorted by start) are merged once into disjoint ones, so each line costs a binary
 * search and its own length, never a scan of all the furniture.
 */
function coverage(sorted: Furniture[], raw: string): (line: Span) => boolean {
  const merged: Span[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else if (f.end > f.start) merged.push({ start: f.start, end: f.end });
  }
  return (line) => {
    // The first merged span that ends after the line starts.
    let lo = 0;
    let hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (merged[mid]!.end <= line.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= merged.length || merged[lo]!.start >= line.end) return false;
    let pos = line.start;
    for (let i = lo; i < merged.length && merged[i]!.start < line.end; i++) {
      if (/\S/.test(raw.slice(pos, merged[i]!.start))) return false;
      pos = Math.max(pos, merged[i]!.end);
    }
    return !/\S/.test(raw.slice(pos, line.end));
  };
}

function findCaptions(text: string): Span[] {
  const out: Span[] = [];
  const re = /(?:FILE PHOTO|PHOTO|Photo|IMAGE|Image|Picture|Caption)\s*:[^]*?\((?:Source|Photo|Image|Credit)s?\s*:[^()]{1,60}\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function removeSpans(text: string, spans: Span[]): string {
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.start);
    pos = s.end;
  }
  return out + text.slice(pos);
}

function isCaptionLine(line: string): boolean {
  if (CAPTION_PREFIX.test(line)) return true;
  // "… where 14 homes burned. Photo: Kara Whitfield/Getty Images"
  if (/(?:^|[.!?]\s+)(?:photo|image|picture|photograph)s?(?: by)?:\s*[^.!?]{2,60}$/i.test(line)) return true;
  const m = /\(([^()]{1,60})\)\s*$/.exec(line);
  if (!m) return false;
  return CREDIT_WORDS.test(m[1]!.trim());
}

function leadingPrefix(text: string): { start: number; end: number; reason: FurnitureReason; outlet?: string } | undefined {
  const lead = /^\s*/.exec(text)![0].length;
  const rest = text.slice(lead);
  // "DAMASCUS:" / "WASHINGTON (Reuters) -" / "LONDON, June 5 (AFP) —"
  const dateline = /^([A-Z][A-Z.'\- ]{2,30}(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?)\s*(?:\(([^()]{1,30})\))?\s*(?::|[-–—])\s+/.exec(rest);
  if (dateline && /[A-Z]{3}/.test(dateline[1]!)) {
    return { start: lead, end: lead + dateline[0].length, reason: 'dateline' };
  }
  // "(Reuters) - " wire credit at the start.
  const credit = /^\(([^()]{1,30})\)\s*[-–—]\s+/.exec(rest);
  if (credit && CREDIT_WORDS.test(credit[1]!)) return { start: lead, end: lead + credit[0].length, reason: 'credit' };
  // "Outlet.net - " site name at the start.
  const site = /^([A-Z][\w-]*(?:\.[A-Za-z]{2,6})+)\s+[-–—]\s+/.exec(rest);
  if (site) return { start: lead, end: lead + site[0].length, reason: 'credit', outlet: site[1] };
  return undefined;
}

const MENU_SEPARATOR = /\s+[|•·]\s+/;

/** "OUTLET | World | Europe | Economy": a site menu, three or more short items between bars. */
function isMenuLine(line: string): boolean {
  // Most lines have no separator at all: no need to split them.
  if (!MENU_SEPARATOR.test(line)) return false;
  const items = line.split(MENU_SEPARATOR);
  return items.length >= 3 && items.every((x) => x.split(/\s+/).length <= 3 && !/[.!?]$/.test(x));
}

function looksLikeHeadline(line: string): boolean {
  return line.length <= 200 && !/[.!?:;,]["”’']?$/.test(line) && /[A-Za-z]/.test(line) && line.split(/\s+/).length >= 3;
}
