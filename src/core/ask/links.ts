/**
 * The one link builder every face uses for citations: the original article with a
 * text fragment (WICG Text Fragments, `#:~:text=`) when its URL is known, and always the
 * bot's own viewer (`PUBLIC_URL/sources/<id>?hl=<start>-<end>`).
 * Pure: no I/O.
 */
import type { Article, Citation, Span } from '../types.js';

/** Snippets of at most this many words are linked by `textStart` alone. */
const SHORT_WORDS = 8;
/** How many words `textStart`/`textEnd` (and prefix/suffix context) may grow to. */
const MAX_EDGE_WORDS = 10;
const MAX_CONTEXT_WORDS = 4;

/** Viewer link for an article, optionally highlighting `span`. */
export function viewerUrl(publicUrl: string, id: string, span?: Span): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/sources/${encodeURIComponent(id)}`;
  return span ? `${base}?hl=${span.start}-${span.end}` : base;
}

/**
 * Percent-encodes one text-directive term. Beyond `encodeURIComponent` (which already
 * encodes `,`, `&`, `"`, spaces and non-ASCII as UTF-8), the dash the directive syntax gives
 * meaning to and the characters chat clients and Markdown mangle (`'`, `(`, `)`, `!`, `*`)
 * are encoded too.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(
    /[-!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  );
}

/** Replaces lone surrogates (which `encodeURIComponent` rejects) with U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The parts of a text directive, unencoded. */
export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

/** Serializes a directive as `text=[prefix-,]start[,end][,-suffix]`, every term encoded. */
export function formatTextDirective(d: TextDirective): string {
  const parts: string[] = [];
  if (d.prefix) parts.push(encodeFragmentTerm(d.prefix) + '-');
  parts.push(encodeFragmentTerm(d.textStart));
  if (d.textEnd) parts.push(encodeFragmentTerm(d.textEnd));
  if (d.suffix) parts.push('-' + encodeFragmentTerm(d.suffix));
  return 'text=' + parts.join(',');
}

/**
 * A whitespace-collapsed, lower-cased view of a text, as browsers match text fragments
 * (case-insensitively, across whitespace), with a map back to raw offsets.
 */
interface Folded {
  text: string;
  /** `rawAt[i]` = raw index of folded char i; `rawAt[text.length]` = raw length. */
  rawAt: number[];
}

const foldCache = new Map<string, Folded>();

function fold(raw: string): Folded {
  const cached = foldCache.get(raw);
  if (cached) return cached;
  const folded = foldUncached(raw);
  // Citations of one answer come from a handful of articles; keep the last few.
  if (foldCache.size >= 16) foldCache.delete(foldCache.keys().next().value as string);
  foldCache.set(raw, folded);
  return folded;
}

function foldUncached(raw: string): Folded {
  let text = '';
  const rawAt: number[] = [];
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/\s/.test(c)) {
      if (!inSpace && text.length > 0) {
        text += ' ';
        rawAt.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    rawAt.push(i);
  }
  rawAt.push(raw.length);
  return { text, rawAt };
}

/** Words of a snippet with whitespace collapsed. */
function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/**
 * Where a browser would land for a directive, in folded coordinates: the first match of
 * `[prefix ]textStart[ suffix]`, extended to the first `textEnd` after it. Ignores word
 * boundaries, which only makes the check stricter than a browser's.
 */
function simulate(f: Folded, d: TextDirective): { start: number; end: number } | undefined {
  const lower = (s: string) => words(s).join(' ').toLowerCase();
  const start = lower(d.textStart);
  const end = d.textEnd ? lower(d.textEnd) : undefined;
  const prefix = d.prefix ? lower(d.prefix) + ' ' : '';
  const suffix = d.suffix ? ' ' + lower(d.suffix) : '';
  let from = 0;
  for (;;) {
    const head = f.text.indexOf(prefix + start, from);
    if (head < 0) return undefined;
    const s = head + prefix.length;
    let e = s + start.length;
    if (end !== undefined) {
      const at = f.text.indexOf(end, e);
      if (at < 0) return undefined;
      e = at + end.length;
    }
    if (!suffix || f.text.startsWith(suffix, e)) return { start: s, end: e };
    from = head + 1;
  }
}

/**
 * The shortest text directive that makes a browser highlight exactly `raw[start..end)`:
 * `textStart` alone for short snippets, a few words of `textStart,textEnd` for long ones,
 * with prefix/suffix context only when the text repeats in the article.
 */
export function textDirectiveFor(raw: string, start: number, end: number): TextDirective {
  // Browsers match directive terms on word boundaries only: widen a span cut mid-word.
  // ("1,200" and "UN's" are one word to a browser, as to ICU's word breaker.)
  const wordChar = (i: number) => i >= 0 && i < raw.length && /[\p{L}\p{N}]/u.test(raw[i]!);
  const joiner = (i: number) => i >= 0 && i < raw.length && /[,.'’]/.test(raw[i]!) && wordChar(i - 1) && wordChar(i + 1);
  const inWord = (i: number) => wordChar(i) || joiner(i);
  while (start > 0 && inWord(start - 1) && inWord(start)) start--;
  while (end < raw.length && inWord(end) && inWord(end - 1)) end++;
  const snippetWords = words(raw.slice(start, end));
  if (snippetWords.length === 0) throw new RangeError(`expected a snippet with text at ${start}-${end}, found only whitespace`);
  const f = fold(raw);
  const target = foldedSpan(f, start, end);
  const hits = (d: TextDirective) => {
    const got = simulate(f, d);
    return got !== undefined && got.start === target.start && got.end === target.end;
  };

  const candidates: TextDirective[] = [];
  if (snippetWords.length <= SHORT_WORDS) {
    candidates.push({ textStart: snippetWords.join(' ') });
  } else {
    const maxK = Math.min(MAX_EDGE_WORDS, Math.floor(snippetWords.length / 2));
    for (let k = 3; k <= maxK; k++) {
      candidates.push({ textStart: snippetWords.slice(0, k).join(' '), textEnd: snippetWords.slice(-k).join(' ') });
    }
    if (candidates.length === 0) candidates.push({ textStart: snippetWords.join(' ') });
  }
  for (const d of candidates) if (hits(d)) return d;

  // The text repeats: disambiguate with words just before and after the snippet.
  const before = words(raw.slice(0, start)).slice(-MAX_CONTEXT_WORDS);
  const after = words(raw.slice(end)).slice(0, MAX_CONTEXT_WORDS);
  const base = candidates[candidates.length - 1]!;
  for (let n = 1; n <= MAX_CONTEXT_WORDS; n++) {
    const prefix = before.slice(-n).join(' ') || undefined;
    const suffix = after.slice(0, n).join(' ') || undefined;
    for (const d of [{ ...base, prefix }, { ...base, suffix }, { ...base, prefix, suffix }]) {
      if ((d.prefix || d.suffix) && hits(d)) return d;
    }
  }
  // Nothing is unique (e.g. a repeated caption): the first occurrence is the best we can do.
  return { ...base, prefix: before.join(' ') || undefined, suffix: after.join(' ') || undefined };
}

/** Maps a raw span to folded coordinates (trimming surrounding whitespace). */
function foldedSpan(f: Folded, start: number, end: number): { start: number; end: number } {
  let s = 0;
  while (s < f.text.length && f.rawAt[s]! < start) s++;
  while (s < f.text.length && f.text[s] === ' ') s++;
  let e = s;
  while (e < f.text.length && f.rawAt[e]! < end) e++;
  while (e > s && f.text[e - 1] === ' ') e--;
  return { start: s, end: e };
}

/** Appends a text directive to a URL, keeping an existing fragment, replacing an old directive. */
export function withTextFragment(url: string, directive: TextDirective): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  let fragment = hash < 0 ? '' : url.slice(hash + 1);
  const old = fragment.indexOf(':~:');
  if (old >= 0) fragment = fragment.slice(0, old);
  return `${base}#${fragment}:~:${formatTextDirective(directive)}`;
}

/** A short, stable label for a source id: its leading `NNN_` part, else its first 16 characters. */
export function shortSourceId(id: string): string {
  const head = id.split('_')[0] ?? id;
  return head.length > 0 && head.length <= 16 ? head : id.slice(0, 16);
}

/** Paragraph (¶, 1-based) of a raw offset: from the article's sentences, else its non-empty line. */
export function paragraphAt(article: Article, offset: number): number {
  const sentence = article.sentences.find((s) => offset >= s.start && offset < s.end)
    ?? [...article.sentences].reverse().find((s) => s.start <= offset);
  if (sentence) return sentence.paragraph;
  // As cleaning counts them: non-empty lines, a reader's paragraphs.
  let paragraph = 0;
  let lineStart = 0;
  for (const line of article.raw.split('\n')) {
    if (lineStart > offset) break;
    if (line.trim() !== '') paragraph++;
    lineStart += line.length + 1;
  }
  return Math.max(paragraph, 1);
}

/**
 * The citation of `article.raw[start..end)`: verbatim snippet, best reader link (original
 * URL + text fragment when known, else the viewer), viewer link, paragraph.
 * Throws RangeError for offsets outside the article or an empty span.
 */
export function citationFor(article: Article, start: number, end: number, publicUrl: string): Citation {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > article.raw.length || start >= end) {
    throw new RangeError(`expected 0 <= start < end <= ${article.raw.length} for article ${article.id}, found ${start}-${end}`);
  }
  const snippet = article.raw.slice(start, end);
  const viewer = viewerUrl(publicUrl, article.id, { start, end });
  const url = article.url && /^https?:\/\//i.test(article.url) && /\S/.test(snippet)
    ? withTextFragment(article.url, textDirectiveFor(article.raw, start, end))
    : viewer;
  return { source: article.id, snippet, url, viewer, start, end, paragraph: paragraphAt(article, start) };
}
