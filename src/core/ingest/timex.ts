/**
 * Time expressions as TIMEX3: DATE, TIME, DURATION and SET, with values such as `2017`,
 * `2017-06`, `2017-07-02`, `2017-W27`, `2017-SU`, `2015-Q2`, `FY2007`, `197` (the 1970s),
 * `18` (the 19th century), `PRESENT_REF`, `P3Y`, `P1W` (every week) and `2017-07-02T10:30`.
 *
 * The grammar is a table of rows (name, pattern, builder), tried over the whole sentence; the
 * longest match wins where rows overlap. What the rows leave alone — month names, weekdays,
 * "June 6", ISO dates, "last Tuesday" — goes to `findDates` (in-house month reading, then
 * chrono-node). Some rows claim text only to say it is NOT a time ("Black Monday", an index
 * closing "at 1412.55 points"), so that nothing later reads it as one.
 */
import { iso } from '../calendar.js';
import { TIME_ZONES, WEEKDAYS } from '../lexicon.js';
import { capitalize } from '../values.js';
import type { Nlp } from '../nlp.js';
import { analyze } from './analyze.js';
import type { Paragraph } from './clean.js';
import { findDates, humanDate, mayHoldDate, parseIsoLocal, type Tense } from './dates.js';
import { clauseTense } from './tense.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  /** Offsets within the text given to `tagTimex`. */
  start: number;
  end: number;
  /** The expression as written, without a leading preposition. */
  text: string;
  type: TimexType;
  /** TIMEX3 value; `XXXX-XX-XX` when a date cannot be resolved (no article date). */
  value: string;
  /** Tense of the clause that governs the expression. */
  tense: Tense;
  /** Resolved from the article date (or another anchor) rather than stated outright. */
  inferred: boolean;
  /** TIMEX3 modifier: START ("early 2009"), MID, END ("the end of the year"). */
  mod?: 'START' | 'MID' | 'END';
  /** Unresolved weekday's name, so it can still agree with resolved dates. */
  weekday?: string;
}

interface Ctx {
  /** The article date at local noon, if known. */
  dct?: Date;
  /** Tense of the clause around this match (computed on demand). */
  tense: () => Tense;
}

interface Built {
  type: TimexType;
  value: string;
  inferred?: boolean;
  mod?: Timex['mod'];
  /** An unresolved weekday's name. */
  weekday?: string;
  /** Sub-span inside the match (offsets relative to the match start); default: the whole match minus a leading preposition. */
  at?: [number, number];
}

interface Row {
  name: string;
  /**
   * Words one of which the sentence must hold before the pattern is tried (most sentences hold
   * no time word); `#3`/`#4` stand for a run of 3/4 digits, `#clock` for a clock-like number.
   */
  when: string[];
  re: RegExp;
  /** What the match means; `null` claims the text as NOT a time; undefined lets other readers try. */
  build: (m: RegExpExecArray, c: Ctx) => Built | Built[] | null | undefined;
}

// ---------- words ----------

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, 'a dozen': 12, 'a couple of': 2, 'a couple': 2, 'couple of': 2,
};
const VAGUE_COUNTS = ['several', 'a few', 'few', 'many', 'some', 'dozens of', 'hundreds of', 'a number of'];
const NUM = `(?:\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')}|${VAGUE_COUNTS.join('|')})`;

/** Duration units and their TIMEX3 form: [designator, multiplier, is a clock unit]. */
const UNITS: Record<string, [string, number, boolean]> = {
  second: ['S', 1, true], minute: ['M', 1, true], hour: ['H', 1, true], day: ['D', 1, false], night: ['D', 1, false],
  week: ['W', 1, false], fortnight: ['W', 2, false], month: ['M', 1, false], year: ['Y', 1, false],
  decade: ['Y', 10, false], century: ['Y', 100, false],
};
const UNIT = '(second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ies))';

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, final: 4, last: 4,
};
const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|')})`;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const YEAR = '((?:1[5-9]|20)\\d\\d)';
const MONTH_ONLY = new RegExp(`^${MONTH}$`, 'i');
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** First month of each season (northern hemisphere, as TIMEX3 assumes). */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const DAYPARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** Capitalized words that make a weekday a name ("Black Monday", "Good Friday"), not a date. */
const NAMED_DAY_WORDS = 'Black|Cyber|Super|Good|Ash|Holy|Palm|Easter|Bloody|Manic|Giving|Maundy|Shrove|Blue|Small Business';
/** Nouns after a number that show it counts or measures something, so it is not a year. */
const NOT_YEAR_AFTER = '(?:%|percent|per\\s*cent|points?|pts|people|persons|residents|troops|soldiers|fighters|families|homes|houses|jobs|workers|employees|votes|cases|deaths|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|tons?|tonnes?|kg|barrels|units|cars|vehicles|shares|dollars|euros|pounds|yen|[a-z]+\\s+(?:people|troops))\\b';

function numberOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(w)) return Number(w);
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  const [tens, ones] = w.split('-');
  if (tens && ones && tens in NUMBER_WORDS && ones in NUMBER_WORDS) return NUMBER_WORDS[tens]! + NUMBER_WORDS[ones]!;
  return undefined;
}

function unitOf(word: string): [string, number, boolean] {
  const w = word.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  return UNITS[w] ?? UNITS.day!;
}

/** TIMEX3 duration for a count of units; an unknown count ("several years") is `X`. */
function duration(count: number | undefined, unitWord: string): string {
  const [d, mult, clock] = unitOf(unitWord);
  const n = count === undefined ? 'X' : String(Math.round(count * mult * 100) / 100);
  return `P${clock ? 'T' : ''}${n}${d}`;
}

// ---------- calendar arithmetic (local noon dates) ----------

function day(y: number, m: number, d: number): Date {
  return new Date(y, m - 1, d, 12);
}
function isoDay(d: Date): string {
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
function addDays(d: Date, n: number): Date {
  return day(d.getFullYear(), d.getMonth() + 1, d.getDate() + n);
}

/** ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: Date): { year: number; week: number } {
  const thursday = addDays(d, 3 - ((d.getDay() + 6) % 7));
  const jan1 = day(thursday.getFullYear(), 1, 1);
  return { year: thursday.getFullYear(), week: Math.floor(Math.round((thursday.getTime() - jan1.getTime()) / 86_400_000) / 7) + 1 };
}
function weekValue(d: Date): string {
  const w = isoWeek(d);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}
/** Monday of an ISO week. */
export function mondayOf(year: number, week: number): Date {
  const jan4 = day(year, 1, 4);
  return addDays(jan4, (week - 1) * 7 - ((jan4.getDay() + 6) % 7));
}
function quarterOf(d: Date): number {
  return Math.floor(d.getMonth() / 3) + 1;
}
/** Shift by whole units at that unit's precision: the value of "N units ago" / "in N units". */
function shiftedValue(dct: Date, unit: string, n: number): string | undefined {
  const [d, mult, clock] = unitOf(unit);
  if (clock) return isoDay(dct);
  const k = n * mult;
  if (d === 'D') return isoDay(addDays(dct, k));
  if (d === 'W') return weekValue(addDays(dct, 7 * k));
  if (d === 'M') return iso(new Date(dct.getFullYear(), dct.getMonth() + k, 1, 12).getFullYear(), new Date(dct.getFullYear(), dct.getMonth() + k, 1, 12).getMonth() + 1);
  const y = dct.getFullYear() + k;
  if (mult === 10) return String(Math.floor(y / 10));
  if (mult === 100) return String(Math.floor(y / 100));
  return String(y);
}
function dirOf(word: string | undefined): number {
  const w = (word ?? '').toLowerCase().replace(/^the\s+/, '');
  if (/^(last|past|previous|preceding)$/.test(w)) return -1;
  if (/^(next|coming|following|upcoming)$/.test(w)) return 1;
  return 0;
}
/** A month (1-12) without a year: the occurrence on the clause's side of the article date. */
function monthYear(dct: Date, month: number, tense: Tense, dayOfMonth = 1): number {
  const y = dct.getFullYear();
  const candidate = day(y, month, dayOfMonth);
  if (tense !== 'future' && candidate > dct && month !== dct.getMonth() + 1) return y - 1;
  if (tense === 'future' && candidate < dct && month !== dct.getMonth() + 1) return y + 1;
  return y;
}
function monthNumber(name: string): number {
  const n = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.startsWith(n)) + 1;
}
/** A year as written, two-digit forms ("'09", "FY16") read as 1950–2049. */
function fullYear(text: string): number {
  const t = text.replace(/^'/, '');
  if (t.length !== 2) return Number(t);
  return Number(t) < 50 ? 2000 + Number(t) : 1900 + Number(t);
}
/** The weekday before (past) or after (future) the anchor; the anchor itself counts unless "last"/"next". */
function weekdayFrom(anchor: Date, wanted: number, tense: Tense, qualifier?: string): Date {
  const q = qualifier?.toLowerCase();
  const forward = q === 'next' || (q !== 'last' && tense === 'future');
  const shift = forward ? ((wanted - anchor.getDay() + 7) % 7 || 7) : -((anchor.getDay() - wanted + 7) % 7 || (q === 'last' ? 7 : 0));
  return addDays(anchor, shift);
}

const UNRESOLVED = 'XXXX-XX-XX';

// ---------- the grammar ----------

const dateOf = (value: string | undefined, inferred = true, mod?: Timex['mod']): Built => ({ type: 'DATE', value: value ?? UNRESOLVED, inferred: value ? inferred : false, mod });
const modOf = (w: string | undefined): Timex['mod'] => {
  const x = (w ?? '').toLowerCase();
  if (/early|beginning|start|first/.test(x)) return 'START';
  if (/mid|middle/.test(x)) return 'MID';
  if (/late|end|close|last/.test(x)) return 'END';
  return undefined;
};

/** Value of "this/last/next <unit>" (and "the end of the year" …) relative to the article date. */
function relativeUnit(dct: Date | undefined, unit: string, dir: number): string | undefined {
  if (!dct) return undefined;
  const u = unit.toLowerCase();
  if (u === 'week') return weekValue(addDays(dct, 7 * dir));
  if (u === 'weekend') return `${weekValue(addDays(dct, 7 * dir))}-WE`;
  if (u === 'month') {
    const d = new Date(dct.getFullYear(), dct.getMonth() + dir, 1, 12);
    return iso(d.getFullYear(), d.getMonth() + 1);
  }
  if (u === 'quarter') {
    const q = quarterOf(dct) - 1 + dir;
    const y = dct.getFullYear() + Math.floor(q / 4);
    return `${y}-Q${((q % 4) + 4) % 4 + 1}`;
  }
  if (u === 'decade') return String(Math.floor(dct.getFullYear() / 10) + dir);
  if (u === 'century') return String(Math.floor(dct.getFullYear() / 100) + dir);
  if (/fiscal|financial/.test(u)) return `FY${dct.getFullYear() + dir}`;
  return String(dct.getFullYear() + dir);
}

function seasonValue(dct: Date | undefined, season: string, qualifier: string | undefined, tense: Tense, year?: string): string | undefined {
  const code = SEASONS[season.toLowerCase()]!;
  if (year) return `${year}-${code}`;
  if (!dct) return undefined;
  const startMonth = SEASON_START[code]!;
  // The season's occurrence that holds the article date, else the latest one begun before it.
  const m = dct.getMonth() + 1;
  const y = dct.getFullYear();
  const startYearNow = startMonth === 12 && m < 3 ? y - 1 : y;
  const started = day(startYearNow, startMonth, 1) <= dct;
  const current = code === 'WI' ? (m === 12 || m <= 2) : m >= startMonth && m < startMonth + 3;
  const latest = started ? startYearNow : startYearNow - 1;
  const q = (qualifier ?? '').toLowerCase().replace(/^the\s+/, '');
  let year2: number;
  if (q === 'last' || q === 'past' || q === 'previous') year2 = current ? latest - 1 : latest;
  else if (q === 'next' || q === 'coming') year2 = latest + 1;
  else if (q === 'this') year2 = current ? latest : tense === 'future' ? latest + 1 : latest;
  else year2 = current ? latest : tense === 'future' ? latest + 1 : latest;
  return `${year2}-${code}`;
}

function quarterYear(dct: Date, q: number, tense: Tense): number {
  const y = dct.getFullYear();
  const now = quarterOf(dct);
  // A quarter reported on in the past tense has ended; a future one has not begun.
  if (tense !== 'future' && q >= now) return y - 1;
  if (tense === 'future' && q < now) return y + 1;
  return y;
}

/** Year named after "of" in "the second quarter of 2015" / "of last year" / "of fiscal 2015". */
function yearPhrase(dct: Date | undefined, phrase: string | undefined): { year?: number; fiscal: boolean } {
  if (!phrase) return { fiscal: false };
  const p = phrase.toLowerCase();
  const fiscal = /fiscal|financial|fy/.test(p);
  const digits = /(\d{4}|'\d\d)/.exec(p)?.[1];
  if (digits) return { year: fullYear(digits), fiscal };
  if (!dct) return { fiscal };
  return { year: dct.getFullYear() + dirOf(/(last|next|previous|past|coming)/.exec(p)?.[1]), fiscal };
}

const ROWS: Row[] = [
  // --- not times at all ---
  { name: 'a named day ("Black Monday")', when: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], re: new RegExp(`\\b(?:${NAMED_DAY_WORDS})\\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b`, 'g'), build: () => null },
  { name: 'an index level or decimal ("at 1412.55 points")', when: ['#3'], re: /\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d{3,5}\.\d+\b|\b\d{3,5}\s+(?:index\s+)?points\b/gi, build: () => null },
  { name: 'an age ("55-year-old")', when: ['old', 'aged'], re: /\b\d+-(?:year|month|week|day)-old\b|\baged\s+\d+\b/gi, build: () => null },

  // --- present, past and future references ---
  { name: 'a present reference ("now", "currently")', when: ['now', 'currently', 'present', 'moment', 'nowadays', 'days', 'presently', 'date'], re: /\b(?:right\s+now|now|currently|at present|at the moment|nowadays|these days|presently|to date|so far this year)\b/gi, build: (m) => /so far this year/i.test(m[0]) ? undefined : { type: 'DATE', value: 'PRESENT_REF', inferred: false } },
  { name: 'a past reference ("recently", "at the time")', when: ['recent', 'recently', 'lately', 'previously', 'formerly', 'past', 'time', 'then'], re: /\b(?:more\s+|most\s+|until\s+)?(?:recently|lately|previously|formerly|in the past|in recent (?:years|months|weeks|days|times|decades)|at the time|at that time|back then|in years past)\b/gi, build: () => ({ type: 'DATE', value: 'PAST_REF', inferred: false }) },
  { name: 'a future reference ("in the future")', when: ['future', 'coming', 'next', 'come'], re: /\b(?:in the (?:near |distant )?future|in (?:the )?(?:coming|next) (?:few )?(?:years|months|weeks|days)|in years to come)\b/gi, build: () => ({ type: 'DATE', value: 'FUTURE_REF', inferred: false }) },
  { name: 'an unspecified date ("at a later date")', when: ['date', 'time', 'point'], re: /\b(?:a|an|some)\s+(?:later|earlier|future|unspecified|undisclosed|unknown|undetermined|specific)\s+(?:date|time|point)\b/gi, build: () => ({ type: 'DATE', value: UNRESOLVED, inferred: false }) },

  // --- relative to the article date ---
  {
    name: '"N units ago"', when: ['ago', 'now', 'hence'], re: new RegExp(`\\b(${NUM})\\s+${UNIT}s?\\s+(ago|from now|hence|before now)\\b`, 'gi'),
    build: (m, c) => {
      const n = numberOf(m[1]!);
      const sign = /ago|before/i.test(m[3]!) ? -1 : 1;
      if (n === undefined) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', inferred: false };
      return c.dct ? dateOf(shiftedValue(c.dct, m[2]!, sign * n)) : dateOf(undefined);
    },
  },
  {
    name: 'a deictic day ("today", "yesterday morning", "tonight")', when: ['today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning', 'afternoon', 'evening'], re: /\b(today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))(?:\s+(morning|afternoon|evening|night))?\b/gi,
    build: (m, c) => {
      const w = m[1]!.toLowerCase();
      const shift = w.startsWith('yesterday') || w === 'last night' ? -1 : w.startsWith('tomorrow') ? 1 : 0;
      const part = m[2]?.toLowerCase() ?? (w === 'tonight' || w === 'last night' ? 'night' : /this (\w+)/.exec(w)?.[1]);
      if (!c.dct) return { type: part ? 'TIME' : 'DATE', value: UNRESOLVED + (part ? `T${DAYPARTS[part]}` : ''), inferred: false };
      const d = isoDay(addDays(c.dct, shift));
      return part ? { type: 'TIME', value: `${d}T${DAYPARTS[part]}`, inferred: true } : dateOf(d);
    },
  },
  {
    name: 'a weekday with a part of the day ("Friday morning")', when: ['morning', 'afternoon', 'evening', 'night'], re: /\b(?:(last|next|this|early|late)\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(morning|afternoon|evening|night)\b/gi,
    build: (m, c) => {
      const wanted = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      if (!c.dct) return { type: 'TIME', value: `${UNRESOLVED}T${DAYPARTS[m[3]!.toLowerCase()]}`, inferred: false, weekday: WEEKDAYS[wanted] };
      return { type: 'TIME', value: `${isoDay(weekdayFrom(c.dct, wanted, c.tense(), m[1]))}T${DAYPARTS[m[3]!.toLowerCase()]}`, inferred: true };
    },
  },
  {
    name: 'this/last/next week, month, year, weekend, quarter, decade', when: ['week', 'weekend', 'month', 'year', 'quarter', 'decade', 'century'], re: /\b(?:(?:earlier|later)\s+)?(this|last|next|the\s+(?:previous|following|current|same|coming|past|last|latest))\s+(week(?:end)?|month|year|quarter|decade|century|(?:fiscal|financial)\s+year)\b/gi,
    build: (m, c) => {
      const q = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const unit = m[2]!.toLowerCase();
      // "the past week", "the last decade" measure a span back from now; "the last quarter" names one.
      if (/^the (past|last|coming)$/.test(q) && !/quarter|fiscal|financial/.test(unit)) return { type: 'DURATION', value: duration(1, unit === 'weekend' ? 'day' : unit), inferred: false };
      const dir = q === 'the latest' ? -1 : dirOf(q.replace('the ', ''));
      return dateOf(relativeUnit(c.dct, unit, dir));
    },
  },
  {
    name: '"the week of July 10"', when: ['week'], re: new RegExp(`\\bthe\\s+week\\s+of\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?`, 'gi'),
    build: (m, c) => {
      const month = monthNumber(m[1]!);
      const d = Number(m[2]);
      const y = m[3] ? Number(m[3]) : c.dct ? monthYear(c.dct, month, c.tense(), d) : undefined;
      return y === undefined ? dateOf(undefined) : dateOf(weekValue(day(y, month, d)), !m[3]);
    },
  },
  {
    name: 'the start, middle or end of a period ("the end of the year")', when: ['beginning', 'start', 'end', 'middle', 'close', 'turn', 'rest', 'remainder', 'half'],
    re: new RegExp(`\\b(?:the\\s+)?(?:very\\s+)?(beginning|start|end|middle|close|turn|rest|remainder|first\\s+half|second\\s+half)\\s+of\\s+(?:the\\s+|this\\s+|(last|next|the\\s+previous|the\\s+following|the\\s+current)\\s+)?(?:(year|month|week|decade|century|quarter|(?:fiscal|financial)\\s+year)|${YEAR}|${MONTH}(?:\\s+${YEAR})?)\\b`, 'gi'),
    build: (m, c) => {
      const which = m[1]!.toLowerCase();
      const mod = modOf(which);
      const half = /half/.test(which) ? (/first/.test(which) ? 'H1' : 'H2') : undefined;
      if (m[3]) {
        const v = relativeUnit(c.dct, m[3], dirOf(m[2]?.replace(/^the\s+/i, '')));
        if (half && v && /^\d{4}$/.test(v)) return dateOf(`${v}-${half}`);
        return dateOf(v, true, mod);
      }
      if (m[4]) return half ? dateOf(`${m[4]}-${half}`, false) : dateOf(m[4], false, mod);
      const month = monthNumber(m[5]!);
      if (m[6]) return dateOf(iso(Number(m[6]), month), false, mod);
      return c.dct ? dateOf(iso(monthYear(c.dct, month, c.tense()), month), true, mod) : dateOf(undefined);
    },
  },

  {
    name: 'a month of a named year ("January of this year", "March of 2015")', when: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'], re: new RegExp(`\\b${MONTH}\\s+of\\s+(?:${YEAR}|(this|last|next|the\\s+previous|the\\s+following|the\\s+same)\\s+year)\\b`, 'gi'),
    build: (m, c) => {
      const month = monthNumber(m[1]!);
      if (m[2]) return dateOf(iso(Number(m[2]), month), false);
      if (!c.dct) return dateOf(undefined);
      return dateOf(iso(c.dct.getFullYear() + dirOf(m[3]!.replace(/^the\s+/i, '')), month));
    },
  },

  // --- quarters, halves, fiscal years ---
  {
    name: '"the second quarter of 2015", "fourth-quarter"', when: ['quarter'], re: new RegExp(`\\b(?:the\\s+)?(?:(fiscal|financial)\\s+)?(${ORDINAL})[-\\s]quarter\\b(?:\\s+(?:of\\s+)?((?:the\\s+)?(?:fiscal\\s+|financial\\s+)?(?:year\\s+)?(?:${YEAR}|'\\d\\d|(?:this|last|next|the)\\s+(?:fiscal\\s+|financial\\s+)?year)))?`, 'gi'),
    build: (m, c) => {
      const ord = m[2]!.toLowerCase();
      const q = ORDINALS[ord] ?? Number(/\d+/.exec(ord)?.[0]);
      if (!(q >= 1 && q <= 4)) return undefined;
      const { year, fiscal } = yearPhrase(c.dct, m[3]);
      const stated = m[3] && /\d/.test(m[3]);
      const y = year !== undefined && m[3] && !/^(?:the\s+)?(?:fiscal\s+|financial\s+)?year$/i.test(m[3].trim()) ? year : c.dct ? (m[3] ? c.dct.getFullYear() : quarterYear(c.dct, q, c.tense())) : undefined;
      if (y === undefined) return dateOf(undefined);
      return dateOf(`${fiscal || m[1] ? 'FY' : ''}${y}-Q${q}`, !stated);
    },
  },
  {
    name: '"Q1 2009", "2015 Q3"', when: ['q'], re: new RegExp(`\\b(?:Q([1-4])(?:\\s+|\\s*of\\s+|/|-)?(${'(?:1[5-9]|20)\\d\\d'}|'\\d\\d)?|${YEAR}\\s*-?\\s*Q([1-4]))\\b`, 'g'),
    build: (m, c) => {
      const q = Number(m[1] ?? m[4]);
      const yText = m[2] ?? m[3];
      if (yText) return dateOf(`${fullYear(yText)}-Q${q}`, false);
      return c.dct ? dateOf(`${quarterYear(c.dct, q, c.tense())}-Q${q}`) : dateOf(undefined);
    },
  },
  {
    name: '"the first half of 2015"', when: ['half'], re: new RegExp(`\\b(?:the\\s+)?(first|second|1st|2nd)[-\\s]half\\s+of\\s+(?:${YEAR}|(?:the|this|last|next)\\s+year)\\b`, 'gi'),
    build: (m, c) => {
      const h = /^(first|1st)$/i.test(m[1]!) ? 'H1' : 'H2';
      const y = m[2] ? Number(m[2]) : c.dct ? c.dct.getFullYear() + dirOf(/(last|next)/i.exec(m[0])?.[1]) : undefined;
      return y === undefined ? dateOf(undefined) : dateOf(`${y}-${h}`, !m[2]);
    },
  },
  {
    name: 'a fiscal year ("fiscal 2015", "FY2016")', when: ['fy', 'fiscal', 'financial'], re: /\b(?:FY\s?|fiscal\s+(?:year\s+)?|financial\s+year\s+)((?:19|20)\d\d|'?\d\d)\b(?:[-–/](\d\d)\b)?/gi,
    build: (m) => dateOf(`FY${m[2] ? fullYear(m[2]) : fullYear(m[1]!)}`, false),
  },

  // --- seasons ---
  {
    name: 'a season ("last winter", "summer 2012", "the summer of 2012")', when: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    re: new RegExp(`\\b(?:(this|last|next|past|coming|early|late|mid|the|in)[-\\s]+)?(?:(?:this|last|next|past)\\s+)?(spring|summer|autumn|fall|winter)\\b(?:\\s+(?:of\\s+)?${YEAR})?`, 'gi'),
    build: (m, c) => {
      const qualifier = /\b(this|last|next|past|coming)\s+(?:spring|summer|autumn|fall|winter)/i.exec(m[0])?.[1] ?? m[1];
      // Without a qualifier or a year, "spring" and "fall" are as often a water source or a verb.
      if (!m[1] && !m[3] && !/\b(this|last|next|past)\s/i.test(m[0])) return undefined;
      if (/^fall$/i.test(m[2]!) && (!m[1] || /^in$/i.test(m[1])) && !m[3] && !/\b(this|last|next|past)\s/i.test(m[0])) return undefined;
      // "the fall of Rome", "the spring of discontent": an event or a figure, not a season.
      if (!m[3] && /^\s+of\b/i.test(m.input.slice(m.index + m[0].length))) return undefined;
      const v = seasonValue(c.dct, m[2]!, qualifier === 'in' || qualifier === 'the' ? undefined : qualifier, c.tense(), m[3]);
      return dateOf(v, !m[3], modOf(m[1]));
    },
  },

  // --- decades and centuries ---
  {
    name: 'a decade ("the late 1970s", "the \'90s")', when: ['#decade'], re: /\b(?:the\s+)?(?:(early|late|mid)[-\s]?)?((?:1[0-9]|20)\d0|'\d0)'?s\b/gi,
    build: (m, c) => {
      const t = m[2]!;
      let decade: number;
      if (t.startsWith("'")) {
        const dd = Number(t.slice(1));
        const now = c.dct?.getFullYear() ?? 2000;
        decade = 2000 + dd <= now ? 200 + dd / 10 : 190 + dd / 10;
      } else decade = Number(t.slice(0, 3));
      return { type: 'DATE', value: String(decade), inferred: false, mod: modOf(m[1]) };
    },
  },
  {
    name: 'a century ("the 19th century")', when: ['century'], re: new RegExp(`\\b(?:the\\s+)?(?:(early|late|mid)[-\\s]?)?(${ORDINAL})[-\\s]century\\b`, 'gi'),
    build: (m) => {
      const o = m[2]!.toLowerCase();
      const n = ORDINALS[o] ?? Number(/\d+/.exec(o)?.[0]);
      if (!n || o === 'last' || o === 'final') return undefined;
      return { type: 'DATE', value: String(n - 1).padStart(2, '0'), inferred: false, mod: modOf(m[1]) };
    },
  },

  // --- years ---
  {
    name: 'a year range ("2011–2012", "1963-64", "between 2011 and 2012")', when: ['#4'], re: /\b(?:between\s+)?((?:1[5-9]|20)\d\d)(\s*[-–—/]\s*|\s+and\s+|\s+to\s+)((?:1[5-9]|20)\d\d|\d\d)\b(?![-–/.:]\d)/gi,
    build: (m) => {
      const a = Number(m[1]);
      const tail = m[3]!;
      const b = tail.length === 2 ? Math.floor(a / 100) * 100 + Number(tail) : Number(tail);
      // "2011-12" with 12 not the next year is a year-month; "2 and 3" is not a range of years.
      if (b <= a || b - a > 50 || (tail.length === 2 && b !== a + 1 && !/[–—]/.test(m[2]!))) return undefined;
      if (/and|to/i.test(m[2]!) && tail.length === 2) return undefined;
      const lead = m[0].indexOf(m[1]!);
      const second = m[0].length - tail.length;
      return [
        { type: 'DATE', value: String(a), inferred: false, at: [lead, lead + 4] },
        { type: 'DATE', value: String(b), inferred: false, at: [second, m[0].length] },
      ];
    },
  },
  {
    name: 'a year with a modifier of time ("early 2009", "mid-2011")', when: ['#4'], re: new RegExp(`\\b(early|late|mid|the\\s+end\\s+of|the\\s+start\\s+of)[-\\s]${YEAR}\\b(?![-–.,]\\d)`, 'gi'),
    build: (m) => ({ type: 'DATE', value: m[2]!, inferred: false, mod: modOf(m[1]) }),
  },
  {
    name: 'a year after a preposition ("in 2014", "since 1991")', when: ['#4'], re: new RegExp(`\\b(in|since|by|until|till|from|during|through|throughout|before|after|of|to|for|around|circa|as of|as early as|as late as|until late|beginning|starting)\\s+${YEAR}\\b(?![-–.,:/]\\d)(?!\\s*${NOT_YEAR_AFTER})`, 'gi'),
    build: (m) => {
      // After "of", "to", "for", "around" a number is as often a count: "of 2000 soldiers".
      if (/^(of|to|for|around)$/i.test(m[1]!) && !/^(?:19|20)/.test(m[2]!)) return undefined;
      return { type: 'DATE', value: m[2]!, inferred: false };
    },
  },
  {
    name: 'a year modifying a noun ("a 2014 survey", "the 1991 agreement")', when: ['#4'], re: new RegExp(`\\b(?:a|an|the|its|their|his|her|this|that|our|last|next|every)\\s+((?:19|20)\\d\\d)(?:'s)?(?=\\s+[a-z])(?!\\s+${NOT_YEAR_AFTER})`, 'gi'),
    build: (m) => ({ type: 'DATE', value: m[1]!, inferred: false, at: [m[0].indexOf(m[1]!), m[0].indexOf(m[1]!) + 4] }),
  },
  {
    name: 'a year after a name ("WWDC 2005", "Conference 2010")', when: ['#4'], re: /\b([A-Z][A-Za-z]+)\s+((?:19|20)\d\d)\b(?![-–.,:/]\d)(?!\s*(?:%|percent|points))/g,
    build: (m) => {
      if (MONTH_ONLY.test(m[1]!)) return undefined;
      if (/^(No|Number|Nos|Route|Flight|Room|Model|Version|Section|Article|Resolution|Chapter|Page|Windows|Office)$/.test(m[1]!)) return undefined;
      const at = m[0].length - 4;
      return { type: 'DATE', value: m[2]!, inferred: false, at: [at, at + 4] };
    },
  },

  // --- times of day ---
  {
    name: 'a clock time ("10:30 a.m.", "at 9.25pm", "noon")', when: ['#clock', 'noon', 'midday', 'midnight'],
    re: new RegExp(String.raw`\b(?:(?:at|around|about|by|until|before|after|from|since|shortly after|just before)\s+)?(?:(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|a\.?\s?m\b|p\.?\s?m\b)|(\d{1,2})[:.h](\d{2})(?:\s*(?:GMT|UTC|[A-Z]{2,4}T|local time|hours|h)\b|(?=\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|in the (?:morning|afternoon|evening)|at night)\b))|(noon|midday|midnight))(?:\s+(?:${TIME_ZONES}))?`, 'gi'),
    build: (m) => {
      if (!m[1] && !m[4] && !m[6]) return undefined;
      let h: number;
      let min: number;
      if (m[6]) [h, min] = /midnight/i.test(m[6]) ? [24, 0] : [12, 0];
      else {
        h = Number(m[1] ?? m[4]);
        min = Number(m[2] ?? m[5] ?? 0);
        const pm = m[3] && /^p/i.test(m[3]);
        if (m[3]) {
          if (h < 1 || h > 12) return undefined;
          if (pm && h < 12) h += 12;
          if (!pm && h === 12) h = 0;
        }
        if (h > 24 || min > 59) return undefined;
      }
      // The date part is filled from the sentence's own date, else the article date, after all rows ran.
      return { type: 'TIME', value: `${UNRESOLVED}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, inferred: false };
    },
  },

  {
    // Wire copy's 24-hour clock, written without a colon: only with its time zone or "hours" after
    // it, or beside such a time in parentheses ("at 1415 (0915 GMT)"), since "at 2016" is a year.
    name: 'a 24-hour clock time ("0630 GMT", "at 1230 hours")', when: ['#4'],
    re: new RegExp(String.raw`\b(?:(?:at|around|about|by|until|before|after|from|since)\s+)?([01]\d|2[0-3])([0-5]\d)(?:\s*(?:${TIME_ZONES}|hours|hrs)\b|(?=\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:${TIME_ZONES})\b))`, 'g'),
    build: (m) => ({ type: 'TIME', value: `${UNRESOLVED}T${m[1]}:${m[2]}`, inferred: false }),
  },

  // --- durations ---
  {
    name: 'a count of units ("three years", "the next six months", "for two weeks")', when: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries'],
    re: new RegExp(`\\b(?:(?:the|a|an)\\s+)?(?:(?:past|last|next|coming|previous|first|final|following|full|entire|whole|other)\\s+)?(${NUM})\\s+(?:more\\s+|full\\s+|straight\\s+|consecutive\\s+|long\\s+)?${UNIT}s?\\b(?!-old|\\s+old\\b)`, 'gi'),
    build: (m) => {
      const n = numberOf(m[1]!);
      // "a day" alone is as often "one day he said"; a bare "a year" after "a" stays a duration.
      return { type: 'DURATION', value: duration(n, m[2]!), inferred: false };
    },
  },
  {
    name: 'a hyphenated length ("a three-year contract", "decades-long")', when: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries'], re: new RegExp(`\\b(?:(${NUM})-${UNIT}(?:-long)?|${UNIT}s-long)\\b(?!-old)`, 'gi'),
    build: (m) => ({ type: 'DURATION', value: m[1] ? duration(numberOf(m[1]), m[2]!) : duration(undefined, m[3]!), inferred: false }),
  },
  {
    name: 'an unknown count of units ("for years", "over the past decade")', when: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries'], re: new RegExp(`\\b(?:the\\s+)?(past|last|next|coming|previous)\\s+(?:few\\s+|several\\s+|many\\s+)?${UNIT}s?\\b|\\b(?:for|over|within|in)\\s+${UNIT}s\\b`, 'gi'),
    build: (m) => {
      const unit = m[2] ?? m[3]!;
      const plural = /s$/i.test(m[0]) && !/centur(y|ies)$/i.test(unit) ? /s$/i.test(m[0]) : /ies$/i.test(m[0]);
      return { type: 'DURATION', value: duration(plural ? undefined : 1, unit), inferred: false };
    },
  },
  {
    name: 'a period of unknown length ("an undetermined period of time", "the holiday season")', when: ['period', 'season'],
    re: /\b(?:an?\s+|some\s+|the\s+)?(?:(?:undetermined|unspecified|indefinite|unknown|extended|long|short|brief|limited|prolonged|lengthy)\s+period(?:\s+of\s+time)?|period\s+of\s+time|(?:the\s+)?(?:Christmas|New Year|Easter|Thanksgiving|holiday|festive)(?:\s+and\s+(?:Christmas|New Year|Easter|Thanksgiving))?(?:\s+\w+)?\s+(?:period|season))\b/gi,
    build: () => ({ type: 'DURATION', value: 'PXD', inferred: false }),
  },
  {
    name: 'a holiday naming its season ("Christmas sales", "Thanksgiving shopping")', when: ['christmas', 'thanksgiving', 'easter', 'year', 'school'],
    re: /\b(?:Christmas|Thanksgiving|Easter|New Year(?:'s)?|back-to-school)(?=\s+(?:sales|shopping|spending|trading|rush|break|holidays?|quarter|travel)\b)/g,
    build: () => ({ type: 'DURATION', value: 'PXD', inferred: false }),
  },

  // --- sets ---
  {
    name: 'a recurrence ("every week", "each year", "twice a month")', when: ['every', 'each', 'once', 'twice', 'times'], re: /\b(?:(every|each)\s+(other\s+)?(day|night|morning|evening|week|weekend|month|quarter|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(once|twice|three times|\d+ times)\s+(?:a|per|each|every)\s+(day|week|month|year))\b/gi,
    build: (m) => {
      const unit = (m[3] ?? m[5]!).toLowerCase();
      const wd = WEEKDAYS.indexOf(unit);
      if (wd >= 0) return { type: 'SET', value: `XXXX-WXX-${wd === 0 ? 7 : wd}`, inferred: false };
      if (unit === 'weekend') return { type: 'SET', value: 'XXXX-WXX-WE', inferred: false };
      if (unit === 'quarter') return { type: 'SET', value: 'P3M', inferred: false };
      if (unit === 'morning' || unit === 'evening') return { type: 'SET', value: `TMO`.replace('MO', DAYPARTS[unit]!), inferred: false };
      return { type: 'SET', value: duration(m[2] ? 2 : 1, unit === 'night' ? 'day' : unit), inferred: false };
    },
  },
  {
    // Lower case only: "Daily Mail", "The Weekly Standard" are names.
    name: 'a frequency adjective ("annual", "weekly")', when: ['annual', 'annually', 'yearly', 'weekly', 'daily', 'monthly', 'quarterly', 'nightly', 'hourly', 'biennial', 'biannual', 'fortnightly'], re: /\b(annual|annually|yearly|weekly|daily|monthly|quarterly|nightly|hourly|biennial|biannual|fortnightly)\b/g,
    build: (m) => {
      const v: Record<string, string> = { annual: 'P1Y', annually: 'P1Y', yearly: 'P1Y', weekly: 'P1W', daily: 'P1D', monthly: 'P1M', quarterly: 'P3M', nightly: 'P1D', hourly: 'PT1H', biennial: 'P2Y', biannual: 'P6M', fortnightly: 'P2W' };
      return { type: 'SET', value: v[m[1]!]!, inferred: false };
    },
  },
];

/** The grammar's row names, in order (tests name one construction each). */
export const TIMEX_ROWS = ROWS.map((r) => r.name);

/**
 * Each gate word and the rows it opens: a sentence's words are looked up (the letter runs through
 * the trie below), rather than each row asking for each of its words (some 200 per sentence).
 */
const ROWS_OF_WORD = new Map<string, number[]>();
ROWS.forEach((row, r) => {
  for (const w of row.when) {
    const list = ROWS_OF_WORD.get(w);
    if (!list) ROWS_OF_WORD.set(w, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  }
});

/**
 * The gate words that are letter runs, as a trie over a–z in one flat table, so a sentence's runs
 * are looked up as it is scanned: NEXT[state · 26 + letter] is the state after that letter, where
 * state 0 is "no gate word goes on so" (its row is all 0) and state 1 the start of a run;
 * ROWS_AT[state] holds the rows a run ending there opens.
 */
const ROOT = 1;
const ROWS_AT: (number[] | undefined)[] = [undefined, undefined];
const NEXT = (() => {
  const words = [...ROWS_OF_WORD].filter(([word]) => /^[a-z]+$/.test(word));
  const table = new Int32Array(26 * (2 + words.reduce((n, [word]) => n + word.length, 0)));
  for (const [word, rows] of words) {
    let state = ROOT;
    for (let i = 0; i < word.length; i++) {
      const at = state * 26 + word.charCodeAt(i) - 97;
      if (!table[at]) table[at] = ROWS_AT.push(undefined) - 1;
      state = table[at]!;
    }
    ROWS_AT[state] = rows;
  }
  return table;
})();

const DIGITS_3 = /\d{3}/;
const DIGITS_4 = /\d{4}/;
const CLOCK = /\d\s*[ap]\.?\s?m\b|\d[:.h]\d\d/i;
/** How every decade the decade row reads ends ("1970s", "'90s", "1990's"): its gate, where the letter run "s" opened it for every "'s". */
const DECADE_END = /0'?s/i;

/**
 * Which rows' gate words the text holds: its lower-case letter runs (`[a-z]+`), and #3, #4,
 * #clock and #decade (which all need a digit). Undefined when it holds none, as most sentences do.
 */
function openRows(text: string): boolean[] | undefined {
  let open: boolean[] | undefined;
  // ASCII text is lower-cased a letter at a time; other text as a whole, since lower-casing can
  // turn a non-ASCII letter into an ASCII one (the Kelvin sign into "k").
  const lower = NON_ASCII.test(text) ? text.toLowerCase() : text;
  // The trie state of the run read so far (0 once it can be no gate word).
  let state = 0;
  let inRun = false;
  let digit = false;
  for (let i = 0; i <= lower.length; i++) {
    let c = i < lower.length ? lower.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90) c += 32;
    if (c >= 97 && c <= 122) {
      state = NEXT[(inRun ? state : ROOT) * 26 + c - 97]!;
      inRun = true;
    } else if (inRun) {
      if (state) open = markRows(open, ROWS_AT[state]);
      inRun = false;
    }
  }
  if (!digit) return open;
  if (DIGITS_3.test(text)) open = markRows(open, ROWS_OF_WORD.get('#3'));
  if (DIGITS_4.test(text)) open = markRows(open, ROWS_OF_WORD.get('#4'));
  if (CLOCK.test(text)) open = markRows(open, ROWS_OF_WORD.get('#clock'));
  if (DECADE_END.test(text)) open = markRows(open, ROWS_OF_WORD.get('#decade'));
  return open;
}
const NON_ASCII = /[^\x00-\x7f]/;

/** `open` with `rows` marked, made when the first rows are. */
function markRows(open: boolean[] | undefined, rows: number[] | undefined): boolean[] | undefined {
  if (!rows) return open;
  open ??= new Array<boolean>(ROWS.length).fill(false);
  for (const r of rows) open[r] = true;
  return open;
}

const LEADING_PREP = /^(?:on|in|at|by|since|until|till|from|during|through|throughout|before|after|of|to|for|around|about|circa|as of|as early as|as late as|shortly after|just before|until late|beginning|starting|over|within)\s+/i;

interface Claim {
  start: number;
  end: number;
  built: Built | null;
  row: number;
}

/**
 * Tags the time expressions of one sentence (or any short text). `dct` is the article date
 * (ISO); `tenseAt(start, end)` gives the tense of the clause around an expression.
 */
export function tagTimex(text: string, dct: string | undefined, tenseAt: Tense | ((start: number, end: number) => Tense)): Timex[] {
  // Most sentences hold no word any row or date reader starts from: they have nothing to tag, and
  // (as sentences without a time are not kept) nothing to look up.
  const open = openRows(text);
  if (!open && !mayHoldDate(text)) return [];
  // Wire copy repeats sentences across articles: tag each once per article date. (A tense
  // callback reads only the sentence's own tokens, so the same text gives the same tenses.) Keyed
  // by date and tense, then by the text itself: one key joining all three was a new string to
  // build and hash for every sentence.
  const dateKey = `${dct ?? ''}|${typeof tenseAt === 'string' ? tenseAt : ''}`;
  const cached = timexCache.get(dateKey)?.get(text);
  if (cached) return cached.map((t) => ({ ...t }));
  const found = tagUncached(text, dct, tenseAt, open);
  // Sentences without a time are cheap to read again; the bounded cache keeps the ones with one.
  if (!found.length) return found;
  if (timexCached >= TIMEX_CACHE_SIZE) {
    timexCache.clear();
    timexCached = 0;
  }
  let byText = timexCache.get(dateKey);
  if (!byText) timexCache.set(dateKey, (byText = new Map()));
  byText.set(text, found.map((t) => ({ ...t })));
  timexCached++;
  return found;
}

/** Sentences kept tagged: enough for a story's wire copy, small beside the fact table. */
const TIMEX_CACHE_SIZE = 5_000;

const timexCache = new Map<string, Map<string, Timex[]>>();
let timexCached = 0;

type TenseAt = Tense | ((start: number, end: number) => Tense);

/** The tense at [s, e): given outright, or read from the clause there. */
function tenseFor(tenseAt: TenseAt, s: number, e: number): Tense {
  return typeof tenseAt === 'string' ? tenseAt : tenseAt(s, e);
}

function tagUncached(text: string, dct: string | undefined, tenseAt: TenseAt, open: boolean[] | undefined): Timex[] {
  const ref = dct ? parseIsoLocal(dct) : undefined;
  const claims: Claim[] = [];
  ROWS.forEach((row, r) => {
    if (!open?.[r]) return;
    row.re.lastIndex = 0;
    for (let m = row.re.exec(text); m; m = row.re.exec(text)) {
      if (!m[0]) {
        row.re.lastIndex++;
        continue;
      }
      const at = m.index;
      // (A method, not `tense: () => …`, which tsx's keepNames would name by a run-time call for every match.)
      const built = row.build(m, {
        dct: ref,
        tense() {
          return tenseFor(tenseAt, at, at + m![0].length);
        },
      });
      if (built === undefined) continue;
      claims.push({ start: at, end: at + m[0].length, built: Array.isArray(built) ? built[0]! : built, row: r });
      if (Array.isArray(built)) for (const b of built.slice(1)) claims.push({ start: at, end: at + m[0].length, built: b, row: r });
    }
  });
  // Longest claim first; on a tie, the earlier row. Parts of one match (a year range) stay together.
  claims.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.row - b.row || a.start - b.start);
  const kept: Claim[] = [];
  for (const c of claims) {
    const clash = kept.some((k) => c.start < k.end && k.start < c.end && !(k.start === c.start && k.end === c.end && k.row === c.row));
    if (!clash) kept.push(c);
  }
  const out: Timex[] = [];
  for (const c of kept) {
    if (!c.built) continue;
    const b = c.built;
    let s: number;
    let e: number;
    if (b.at) [s, e] = [c.start + b.at[0], c.start + b.at[1]];
    else {
      const lead = LEADING_PREP.exec(text.slice(c.start, c.end))?.[0].length ?? 0;
      [s, e] = [c.start + lead, c.end];
    }
    out.push({ start: s, end: e, text: text.slice(s, e), type: b.type, value: b.value, tense: tenseFor(tenseAt, s, e), inferred: Boolean(b.inferred), mod: b.mod, weekday: b.weekday });
  }
  // What the rows did not claim: month names, weekdays, "June 6", ISO dates, "last Tuesday".
  for (const d of findDates(text, dct, tenseAt)) {
    // Bare years after a preposition are the rows' to read (they know counts from years).
    if (/^[a-z]+\s+\d{4}$/i.test(d.surface) && /^\d{4}$/.test(d.value)) continue;
    if (/centur|\d0s\b/i.test(d.surface) && !d.value) continue;
    const lead = LEADING_PREP.exec(d.surface)?.[0].length ?? 0;
    const s = d.start + lead;
    const e = d.end;
    if (kept.some((k) => d.start < k.end && k.start < d.end)) continue;
    const tense = tenseFor(tenseAt, s, e);
    let value = d.value;
    // Dates near each other share one reading window and its tense; a relative date takes its own clause's.
    if (d.inferred && typeof tenseAt !== 'string' && d.tense !== tense) value = findDates(d.surface, dct, tense)[0]?.value || value;
    out.push({ start: s, end: e, text: text.slice(s, e), type: 'DATE', value: value || UNRESOLVED, tense, inferred: d.inferred, weekday: d.weekday });
  }
  out.sort((a, b) => a.start - b.start);
  anchorTimes(out, ref);
  reanchorQuotes(text, out, ref, tenseAt);
  return out;
}

/** A clock time takes the day of the sentence's own date ("at 10:30 a.m. on Sunday"), else the article date. */
function anchorTimes(found: Timex[], ref: Date | undefined): void {
  for (const t of found) {
    if (t.type !== 'TIME' || !t.value.startsWith(UNRESOLVED + 'T')) continue;
    // The day of a date, or of a part of a day ("9:25 Thursday morning").
    const days = found.filter((d) => d !== t && /^\d{4}-\d{2}-\d{2}(?:T(?:MO|AF|EV|NI))?$/.test(d.value));
    const nearest = days.sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0];
    const clock = t.value.slice(UNRESOLVED.length);
    // "at 9.25 a.m. on Thursday" without an article date: the time keeps the weekday it was given.
    const weekday = found.filter((d) => d.weekday && d.type === 'DATE').sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0];
    if (!nearest && weekday) t.weekday = weekday.weekday;
    if (nearest) {
      t.value = nearest.value.slice(0, 10) + clock;
      t.inferred = nearest.inferred;
    } else if (ref) {
      t.value = isoDay(ref) + clock;
      t.inferred = true;
    }
  }
}

/** Quote spans of a sentence: between “ and ”, or between pairs of straight quotes. */
function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const SPEECH_BEFORE = /\b(?:said|says|told|added|stated|announced|wrote|declared|posted|tweeted|confirmed)\s+(?:on\s+)?$/i;

/**
 * "Today" inside a quote is the day the words were said. When the sentence dates the speech
 * ("…,” he said on Monday), deictic dates in the quote resolve against that day, not the article's.
 */
function reanchorQuotes(text: string, found: Timex[], ref: Date | undefined, tenseAt: TenseAt): void {
  if (!found.length || !ref) return;
  const quotes = quoteSpans(text);
  if (!quotes.length) return;
  const inQuote = (t: Timex) => quotes.some(([s, e]) => t.start >= s && t.end <= e);
  const speechDay = found.find((t) => !inQuote(t) && t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && SPEECH_BEFORE.test(text.slice(Math.max(0, t.start - 24), t.start)));
  if (!speechDay || speechDay.value === isoDay(ref)) return;
  const anchor = parseIsoLocal(speechDay.value)!;
  for (const t of found) {
    if (!inQuote(t) || !/^(?:today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))/i.test(t.text)) continue;
    const redone = tagTimex(t.text, isoDay(anchor), tenseFor(tenseAt, t.start, t.end))[0];
    if (redone) {
      t.value = redone.value;
      t.inferred = true;
    }
  }
}

// ---------- reading values back ----------

/** A point or span on the calendar (a date, a time, a week, a decade …): not a duration, a set or a reference. */
export function isCalendarDate(t: Timex): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && !/_REF$|^P/.test(t.value);
}

/**
 * The ISO date (at its precision) that contains a TIMEX3 value, for the fact table: a week
 * inside one month is that month, a quarter or season its year; '' when none fits (decades,
 * references, durations).
 */
export function isoOfTimex(value: string): string {
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) return value;
  const time = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  if (time) return time[1]!;
  const week = /^(\d{4})-W(\d{2})/.exec(value);
  if (week) {
    const mon = mondayOf(Number(week[1]), Number(week[2]));
    const sun = addDays(mon, 6);
    if (mon.getMonth() === sun.getMonth()) return iso(mon.getFullYear(), mon.getMonth() + 1);
    return mon.getFullYear() === sun.getFullYear() ? String(mon.getFullYear()) : '';
  }
  const coarse = /^(?:FY)?(\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?$/.exec(value) ?? /^FY(\d{4})-Q[1-4]$/.exec(value);
  if (coarse) return coarse[1]!;
  return '';
}

const SEASON_NAMES: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const DAYPART_NAMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };
const ORDINAL_WORDS = ['', 'first', 'second', 'third', 'fourth'];

/** A TIMEX3 value as people read it: "the week of 10 July 2017", "summer 2012", "Q1 2009", "the 1970s". */
export function humanTimex(value: string): string {
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) return humanDate(value);
  let m = /^(\d{4}-\d{2}-\d{2})T(?:(\d{2}:\d{2})|(MO|AF|EV|NI))$/.exec(value);
  if (m) return `${humanDate(m[1]!)}, ${m[2] ?? DAYPART_NAMES[m[3]!]}`;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const mon = mondayOf(Number(m[1]), Number(m[2]));
    const first = m[3] ? addDays(mon, 5) : mon;
    return `the ${m[3] ? 'weekend' : 'week'} of ${first.getDate()} ${capitalize(MONTH_NAMES[first.getMonth()]!)} ${first.getFullYear()}`;
  }
  m = /^(FY)?(\d{4})-Q([1-4])$/.exec(value);
  if (m) return m[1] ? `Q${m[3]} of fiscal ${m[2]}` : `Q${m[3]} ${m[2]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `the ${ORDINAL_WORDS[Number(m[2])]} half of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASON_NAMES[m[2]!]} ${m[1]}`;
  m = /^FY(\d{4})$/.exec(value);
  if (m) return `fiscal ${m[1]}`;
  if (/^\d{3}$/.test(value)) return `the ${value}0s`;
  if (/^\d{2}$/.test(value)) {
    const n = Number(value) + 1;
    const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
    return `the ${n}${suffix} century`;
  }
  if (value === 'PRESENT_REF') return 'now';
  if (value === 'PAST_REF') return 'the past';
  if (value === 'FUTURE_REF') return 'the future';
  m = /^P(T?)(\d+(?:\.\d+)?|X)([YMWDHS])$/.exec(value);
  if (m) {
    const names: Record<string, string> = { Y: 'year', M: m[1] ? 'minute' : 'month', W: 'week', D: 'day', H: 'hour', S: 'second' };
    const unit = names[m[3]!]!;
    return m[2] === 'X' ? `${unit}s` : `${m[2]} ${unit}${m[2] === '1' ? '' : 's'}`;
  }
  if (value.startsWith(UNRESOLVED)) return 'an unspecified date';
  return value;
}

/**
 * Tags a whole text: reads it with wink-nlp (sentences, POS) and takes each expression's
 * tense from the clause that governs it. Offsets are into `text`.
 */
export function tagText(text: string, dct: string | undefined, nlp: Nlp): Timex[] {
  const paragraphs: Paragraph[] = [];
  const lines = /[^\n]+/g;
  for (let m = lines.exec(text); m; m = lines.exec(text)) if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length, number: paragraphs.length + 1 });
  const out: Timex[] = [];
  for (const s of analyze(text, paragraphs, nlp)) {
    const base = s.sentence.start;
    for (const t of tagTimex(s.text, dct, (a, b) => clauseTense(s.tokens, base + a, base + b))) {
      out.push({ ...t, start: t.start + base, end: t.end + base });
    }
  }
  return out;
}
