/**
 * Dates: datelines, and date phrases in sentences resolved against the article's own
 * date, tense-aware. chrono-node finds and parses the phrases; this module decides
 * precision and direction (a past-tense "on Sunday" is the Sunday before).
 */
import { WEEKDAYS } from '../lexicon.js';
import { capitalize } from '../values.js';
import { isImpossibleDate, iso, monthIndex, MONTHS, readDateLine, WEEKDAY_RE } from '../calendar.js';
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

// chrono-node is loaded on first use: answering from a stored table never parses dates, and
// its many modules are a third of a cold start.
const requireChrono = createRequire(import.meta.url);
let chronoModule: typeof Chrono | undefined;
function chrono(): typeof Chrono {
  chronoModule ??= requireChrono('chrono-node') as typeof Chrono;
  return chronoModule;
}

/**
 * Parses a line that is only a date, perhaps with its time and a page's "Published"/"Last updated"
 * label ("June 13, 2005", "23 July 2013 Last updated at 13:42 GMT", "Published on Friday, 27
 * September 2013", "UPDATED 3:09 AM EST Dec 19, 2008", "12 / 16 / 08 1:30 AM EST"); ISO or undefined.
 * Only a full day counts, and nothing but page-stamp words may be left beside it.
 */
export function parseDateLine(line: string): string | undefined {
  const trimmed = line.trim();
  const written = readDateLine(trimmed);
  if (written) return written;
  if (trimmed.length > 80 || !/\d/.test(trimmed)) return undefined;
  // Detokenized pages space their separators ("05 / 02 / 2013", "p. m."): close them up first.
  const text = trimmed.replace(/(\d)\s*([/.])\s*(?=\d)/g, '$1$2').replace(/\b([ap])\.\s?m\b\.?/gi, '$1m');
  const numeric = NUMERIC_DATE.exec(text);
  let rest = text;
  let value: string | undefined;
  if (numeric) {
    value = iso(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
    rest = text.slice(0, numeric.index) + ' ' + text.slice(numeric.index + numeric[0].length);
  } else {
    // Only stamp words may be left beside the date, so a line with any word that is neither a
    // stamp word nor a date's own (a month, a number, "the 5th of") is prose, or a relative day
    // ("yesterday at 5 pm") that names no day of its own: chrono need not read it.
    if (!text.split(SEPARATORS).every((w) => isStampWord(w) || DATE_PART.test(w))) return undefined;
    // Full days only; anything else chrono finds must be a bare clock time ("@ 09:29 pm").
    const found = chrono().casual.parse(text, new Date(Date.UTC(2000, 0, 1)));
    // "on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM": the first is when it was published.
    const days = found.filter((r) => r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('year'));
    const full = (r: (typeof found)[number]) => (['year', 'month', 'day'] as const).every((c) => r.start.isCertain(c));
    const day = days[0];
    if (!day || !days.every(full)) return undefined;
    value = iso(day.start.get('year')!, day.start.get('month')!, day.start.get('day')!);
    for (const r of found.sort((x, y) => y.index - x.index)) rest = rest.slice(0, r.index) + ' ' + rest.slice(r.index + r.text.length);
  }
  return rest.split(SEPARATORS).every(isStampWord) ? value : undefined;
}

const SEPARATORS = /[\s,.:;|@·–()-]+/;
/** A word of a date itself: a month or its abbreviation, a number (an ordinal, "12/16/08"), "of", "the". */
const DATE_PART = new RegExp(`^(?:${MONTHS.map((m) => m.slice(0, 3)).join('|')})[a-z]*$|^\\d[\\d/]*(?:st|nd|rd|th)?$|^(?:of|the)$`, 'i');

/** A word a page's time stamp may hold beside its date: a label, a clock time, a time zone, a weekday, an agency or place code. */
function isStampWord(word: string): boolean {
  return word === '' || STAMP_WORD.test(word) || /^[A-Z]{2,6}$/.test(word);
}

/** "2012.08.08", "2012/08/08": year first, which chrono does not read with dots. */
const NUMERIC_DATE = /(?<![\d.])((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d.])/;
const STAMP_WORD = new RegExp(
  `^(?:first|originally|last|updated|published|posted|modified|created|edited|story|time|on|at|${WEEKDAY_RE}|\\d{1,4}(?::\\d{2}){0,2}(?:[ap]m)?|[ap]m|(?:gmt|utc)(?:[+-][\\d:]*)?|\\+\\d[\\d:]*|\\(?(?:gmt|utc)?[+-]?\\d[\\d:]*\\)?)$`,
  'i',
);

export type Tense = 'past' | 'present' | 'future';

export interface FoundDate {
  /** Offsets within the sentence text. */
  start: number;
  end: number;
  surface: string;
  /** ISO at known precision; empty when it could not be resolved (no article date). */
  value: string;
  /** Resolved relative to the article date rather than stated outright. */
  inferred: boolean;
  /** For an unresolved weekday, its name (to check agreement with resolved dates). */
  weekday?: string;
  /** The tense it was resolved in: that of the clause around the date word its reading window starts from. */
  tense?: Tense;
}

/**
 * chrono's casual English parser without the parsers for clock times, slash formats and
 * "within/later" spans: news dates never need them, and they cost most of the parsing time.
 */
const KEEP = new Set([
  'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeUnitAgoFormatParser',
  'ENYearMonthNameParser', 'ENCasualDateParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser', 'ISOFormatParser',
  'ENYearMonthDayParser',
]);
let trimmedParser: Chrono.Chrono | undefined;
function parser(): Chrono.Chrono {
  if (!trimmedParser) {
    const c = chrono().casual.clone();
    const kept = c.parsers.filter((p) => KEEP.has(p.constructor.name));
    // Should a chrono release rename its parsers, keep them all rather than lose dates.
    if (kept.length >= 6) c.parsers = kept;
    trimmedParser = c;
  }
  return trimmedParser;
}

const chronoCache = new Map<string, Map<string, FoundDate[]>>();
let chronoCached = 0;

/** Cheap gate: does the text contain anything chrono could turn into a date? */
const MAYBE_DATE = /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|July|August|September|October|November|December|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|ago|(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this) (?:week|month|year|night|spring|summer|autumn|fall|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b/;

/**
 * MAYBE_DATE for scanning a text, made once (a `new RegExp` per sentence showed in profiles). Its
 * users run one after the other and each sets lastIndex to 0 before its loop.
 */
const DATE_WORDS = new RegExp(MAYBE_DATE.source, 'g');

const CENTURY = /\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century\b|\b(?:the\s+)?(?:1[0-9]|20)\d0s\b/gi;

const YEAR_AFTER_PREP = /\b(in|since|by|until|till|from|during|through|before|after|early|late|mid|of|to)\s+((?:1[6-9]|20)\d\d)\b(?![-–]\d|,\d|\s*(?:%|percent|per cent))/gi;

const CENTURY_WORDS = /century|0s\b/i;
const FOUR_DIGITS = /\d{4}/;

/** Whether `findDates` can find anything in `text`: a date word, a century or decade, or four digits in a row. */
export function mayHoldDate(text: string): boolean {
  return MAYBE_DATE.test(text) || CENTURY_WORDS.test(text) || FOUR_DIGITS.test(text);
}

/**
 * Finds date phrases in one sentence and resolves them against `published` (ISO),
 * looking back for past tense and forward for future tense.
 */
export function findDates(text: string, published: string | undefined, tenseAt: Tense | ((start: number, end: number) => Tense)): FoundDate[] {
  const out: FoundDate[] = [];
  // chrono's cost grows with the text it reads: hand it only windows around date words.
  for (const w of dateWindows(text)) {
    const windowText = text.slice(w.start, w.end);
    // The tense of the clause around the date word, not of the whole sentence ("will provide aid after Sunday's quake killed …").
    const tense = typeof tenseAt === 'string' ? tenseAt : tenseAt(w.at, w.atEnd);
    // Wire copy repeats the same sentences across articles: parse each window once per date and
    // tense (keyed by those, then by the window's text, which is then the only long key to hash).
    const dateKey = `${published ?? ''}|${tense}`;
    let found = chronoCache.get(dateKey)?.get(windowText);
    if (!found) {
      found = simpleDates(windowText, published, tense) ?? monthDates(windowText, published, tense) ?? [];
      if (!found.length) findChronoDates(windowText, published, tense, found);
      if (chronoCached >= 20_000) {
        chronoCache.clear();
        chronoCached = 0;
      }
      let byText = chronoCache.get(dateKey);
      if (!byText) chronoCache.set(dateKey, (byText = new Map()));
      byText.set(windowText, found);
      chronoCached++;
    }
    for (const f of found) out.push({ ...f, start: f.start + w.start, end: f.end + w.start, tense });
  }
  // Centuries and decades: kept as phrases (no ISO form), so "when was it built" can say them.
  CENTURY.lastIndex = 0;
  for (let m = CENTURY_WORDS.test(text) ? CENTURY.exec(text) : null; m; m = CENTURY.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, surface: m[0], value: '', inferred: false });
  }
  // Bare years after a preposition ("in 2014"), which chrono leaves alone.
  YEAR_AFTER_PREP.lastIndex = 0;
  for (let m = FOUR_DIGITS.test(text) ? YEAR_AFTER_PREP.exec(text) : null; m; m = YEAR_AFTER_PREP.exec(text)) {
    const start = m.index + m[0].length - m[2]!.length;
    if (out.some((o) => start < o.end && start + 4 > o.start)) continue;
    out.push({ start: m.index, end: start + 4, surface: m[0], value: m[2]!, inferred: false });
  }
  // "February 30", "June 31", a year that is not four digits: no such day, so no date.
  return out.filter((d) => !isImpossibleDate(d.value)).sort((a, b) => a.start - b.start);
}

const SIMPLE = /\b(?:(?:on|last|next|this|early|late)\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:night|morning|afternoon|evening))?\b|\b(today|yesterday|tomorrow|tonight)\b|\b(last|next|this)\s+(week|month|year)\b/gi;
const NEEDS_CHRONO = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\d|\bago\b|\bearlier\b|\blater\b/;

/**
 * The commonest news dates — a weekday, today/yesterday, last/next week, month or year — read
 * without chrono. Returns undefined when the window holds anything else, for chrono to parse.
 */
function simpleDates(text: string, published: string | undefined, tense: Tense): FoundDate[] | undefined {
  if (NEEDS_CHRONO.test(text)) return undefined;
  const ref = published ? parseIsoLocal(published) : undefined;
  const out: FoundDate[] = [];
  SIMPLE.lastIndex = 0;
  for (let m = SIMPLE.exec(text); m; m = SIMPLE.exec(text)) {
    const surface = m[0];
    const at = { start: m.index, end: m.index + surface.length, surface };
    if (m[1]) {
      const wanted = WEEKDAYS.indexOf(m[1].toLowerCase());
      const qualifier = /^(last|next|this)\s/i.exec(surface)?.[1]?.toLowerCase();
      if (!ref) {
        out.push({ ...at, value: '', inferred: false, weekday: WEEKDAYS[wanted] });
        continue;
      }
      const forward = qualifier === 'next' || (qualifier !== 'last' && tense === 'future');
      const shift = forward ? ((wanted - ref.getDay() + 7) % 7 || 7) : -((ref.getDay() - wanted + 7) % 7 || (qualifier === 'last' ? 7 : 0));
      const dt = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + shift, 12);
      out.push({ ...at, value: iso(dt.getFullYear(), dt.getMonth() + 1, dt.getDate()), inferred: true });
    } else if (!ref) {
      out.push({ ...at, value: '', inferred: false });
    } else if (m[2]) {
      const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[m[2].toLowerCase() as 'today']!;
      const dt = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + shift, 12);
      out.push({ ...at, value: iso(dt.getFullYear(), dt.getMonth() + 1, dt.getDate()), inferred: true });
    } else {
      const dir = m[3]!.toLowerCase() === 'last' ? -1 : m[3]!.toLowerCase() === 'next' ? 1 : 0;
      const unit = m[4]!.toLowerCase();
      if (unit === 'year') out.push({ ...at, value: iso(ref.getFullYear() + dir), inferred: true });
      else if (unit === 'month') {
        const dt = new Date(ref.getFullYear(), ref.getMonth() + dir, 1, 12);
        out.push({ ...at, value: iso(dt.getFullYear(), dt.getMonth() + 1), inferred: true });
      } else {
        const dt = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + 7 * dir, 12);
        out.push({ ...at, value: iso(dt.getFullYear(), dt.getMonth() + 1, dt.getDate()), inferred: true });
      }
    }
  }
  return out.length ? out : undefined;
}

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const MONTH_DATE = new RegExp(
  `\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b(?![,.]?\\d)` +
  `|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?\\b` +
  `|\\b${MONTH_NAME}\\s+(\\d{4})\\b` +
  `|\\b(?:in|since|by|until|till|from|during|early|late|mid|last|next|this)\\s+${MONTH_NAME}\\b(?!,?\\s*\\d)`,
  'g',
);

/**
 * Month-name dates ("June 6", "6 June 2017", "September 2003", "in March") read without chrono.
 * Undefined when the window holds date words these forms do not cover.
 */
function monthDates(text: string, published: string | undefined, tense: Tense): FoundDate[] | undefined {
  if (/\bago\b|\bearlier\b|\blater\b|\bbefore\b|\bafter\b|\d{4}-\d{2}|\d{1,2}\/\d{1,2}/.test(text)) return undefined;
  const ref = published ? parseIsoLocal(published) : undefined;
  const out: FoundDate[] = [];
  MONTH_DATE.lastIndex = 0;
  for (let m = MONTH_DATE.exec(text); m; m = MONTH_DATE.exec(text)) {
    const monthName = m[1] ?? m[5] ?? m[7] ?? m[9];
    const day = Number(m[2] ?? m[4] ?? 0) || undefined;
    const yearText = m[3] ?? m[6] ?? m[8];
    const month = monthIndex(monthName!) + 1;
    if (month < 1 || (day !== undefined && (day < 1 || day > 31))) continue;
    // The preposition of "in March" is not part of the date as written.
    const lead = /^(?:in|since|by|until|till|from|during)\s+/i.exec(m[0])?.[0].length ?? 0;
    const at = { start: m.index + lead, end: m.index + m[0].length, surface: m[0].slice(lead) };
    if (yearText) {
      out.push({ ...at, value: day ? iso(Number(yearText), month, day) : iso(Number(yearText), month), inferred: false });
      continue;
    }
    if (!ref) {
      out.push({ ...at, value: '', inferred: false });
      continue;
    }
    // Without a year: the occurrence on the tense's side of the article date ("last"/"next" say which).
    const rel = /^(last|next)\s/i.exec(m[0])?.[1]?.toLowerCase();
    let y = ref.getFullYear();
    const candidate = new Date(y, month - 1, day ?? 1, 12);
    const forward = rel === 'next' || (rel !== 'last' && tense === 'future');
    if (!forward && candidate > ref) y -= 1;
    if (forward && candidate < ref) y += 1;
    if (rel === 'last' && candidate.getFullYear() === ref.getFullYear() && candidate.getMonth() === ref.getMonth()) y -= 1;
    out.push({ ...at, value: day ? iso(y, month, day) : iso(y, month), inferred: true });
  }
  // Any other date word left in the window is chrono's to read.
  const covered = (i: number) => out.some((o) => i >= o.start - 12 && i <= o.end);
  DATE_WORDS.lastIndex = 0;
  for (let t = DATE_WORDS.exec(text); t; t = DATE_WORDS.exec(text)) if (!covered(t.index)) return undefined;
  return out.length ? out : undefined;
}

function dateWindows(text: string): { start: number; end: number; at: number; atEnd: number }[] {
  const windows: { start: number; end: number; at: number; atEnd: number }[] = [];
  DATE_WORDS.lastIndex = 0;
  for (let m = DATE_WORDS.exec(text); m; m = DATE_WORDS.exec(text)) {
    let start = Math.max(0, m.index - 24);
    let end = Math.min(text.length, m.index + m[0].length + 24);
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end, at: m.index, atEnd: m.index + m[0].length });
  }
  return windows;
}

function findChronoDates(text: string, published: string | undefined, tense: Tense, out: FoundDate[]): void {
  const ref = published ? parseIsoLocal(published) : undefined;
  const results = parser().parse(text, ref ?? new Date(2000, 0, 1, 12), { forwardDate: false });
  for (const r of results) {
    const s = r.start;
    // chrono may fold a preceding count into the date ("rose to 22 on Wednesday").
    const lead = /^\d+\s+(?=on\b|in\b|at\b)/i.exec(r.text)?.[0].length ?? 0;
    // "Tuesday night": keep the part of the day chrono leaves out.
    const daypart = /^\s+(night|morning|afternoon|evening)\b/i.exec(text.slice(r.index + r.text.length))?.[0] ?? '';
    const surface = (r.text.slice(lead) + daypart).replace(/[,\s]+$/, '');
    const index = r.index + lead;
    const lower = surface.toLowerCase();
    if (!s.isCertain('day') && !s.isCertain('weekday') && !s.isCertain('month') && !s.isCertain('year')) continue;
    if (/^\d{1,2}$/.test(surface) || /^(?:at|on|in)?\s*\d{1,2}(?::\d\d)?\s*(?:am|pm)?$/i.test(surface)) continue;
    const relative = /\b(today|yesterday|tomorrow|tonight|ago|last|next|this|earlier|later)\b/i.test(lower);
    const yearStated = s.isCertain('year') && !relative;
    if (!ref && !yearStated) {
      const wd = s.isCertain('weekday') && !s.isCertain('day') ? WEEKDAYS[s.get('weekday') ?? -1] : undefined;
      out.push({ start: index, end: index + surface.length, surface, value: '', inferred: false, weekday: wd });
      continue;
    }
    let y = s.get('year')!;
    let m = s.get('month')!;
    let d = s.get('day')!;
    let precision: 'day' | 'month' | 'year' = s.isCertain('day') ? 'day' : s.isCertain('month') ? 'month' : 'year';
    if (ref && s.isCertain('weekday') && !s.isCertain('day')) {
      const wanted = s.get('weekday')!;
      const shift = tense === 'future' ? ((wanted - ref.getDay() + 7) % 7 || 7) : -((ref.getDay() - wanted + 7) % 7);
      const dt = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + shift, 12);
      [y, m, d] = [dt.getFullYear(), dt.getMonth() + 1, dt.getDate()];
      precision = 'day';
    } else if (ref && !s.isCertain('year') && s.isCertain('month')) {
      // A month (and day) without a year: the occurrence on the tense's side of the article date.
      y = ref.getFullYear();
      const candidate = new Date(y, m - 1, s.isCertain('day') ? d : 1, 12);
      if (tense !== 'future' && candidate > ref) y -= 1;
      if (tense === 'future' && candidate < ref) y += 1;
    } else if (/\bweeks?\b/i.test(lower)) {
      precision = 'day';
    }
    const value = precision === 'day' ? iso(y, m, d) : precision === 'month' ? iso(y, m) : iso(y);
    out.push({ start: index, end: index + surface.length, surface, value, inferred: !yearStated });
  }
}

/** Parses `YYYY[-MM[-DD]]` as a local noon date (noon keeps day arithmetic clear of DST edges). */
export function parseIsoLocal(isoDate: string): Date | undefined {
  // An article's date is parsed for each of its sentences: the local-time arithmetic is done once
  // per date, and each caller gets its own Date.
  let time = localNoons.get(isoDate);
  if (time === undefined) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(isoDate);
    if (!m) return undefined;
    time = new Date(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1, 12).getTime();
    if (localNoons.size >= 10_000) localNoons.clear();
    localNoons.set(isoDate, time);
  }
  return new Date(time);
}
const localNoons = new Map<string, number>();

/** Human form of an ISO date at its precision: "2 July 2017", "June 2017", "2014". */
export function humanDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const month = m ? MONTHS[Number(m) - 1]! : undefined;
  if (d && month) return `${capitalize(WEEKDAYS[parseIsoLocal(isoDate)!.getDay()]!)}, ${Number(d)} ${capitalize(month)} ${y}`;
  if (month) return `${capitalize(month)} ${y}`;
  return y ?? isoDate;
}

