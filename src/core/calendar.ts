/**
 * Which ISO dates name a real day. `new Date` rolls 2017-02-30 over to March and reads years
 * below 100 as 19xx, so an impossible date from a file or a phrase would quietly become a
 * different, real-looking one. Also the reading of a dateline ("June 13, 2005") and the ISO
 * form of a date: pure functions that loading a corpus (store/) and ingest both use.
 */

const ISO = /^(\d+)(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The earliest year a date may carry: four digits, so 0000 and 0099 are rejected. */
export const MIN_YEAR = 1000;

/** Whether `iso` (`2017`, `2017-06`, `2017-06-30`) is a real day, month or year, in a four-digit year from 1000. */
export function isCalendarDate(iso: string): boolean {
  const m = ISO.exec(iso);
  if (!m || m[1]!.length !== 4) return false;
  const year = Number(m[1]);
  if (year < MIN_YEAR) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A value that has the shape of an ISO date but names no real day ("2017-02-30", "0000",
 * "20170-01-01"). Other forms (an empty value, "2017-W27", "P3Y", and the TIMEX3 decade "197"
 * or century "18") are not judged here.
 */
export function isImpossibleDate(value: string): boolean {
  return /^\d{4}/.test(value) && ISO.test(value) && !isCalendarDate(value);
}

/** Month names, January first. */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A weekday's name or abbreviation, as a regular expression's source ("Tue.", "Thurs", "sunday"). */
export const WEEKDAY_RE = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';

const DATE_LINE = new RegExp(
  `^(?:(?:last\\s+)?(?:updated|published|posted)(?:\\s+on)?:?\\s+)?(?:${WEEKDAY_RE},?\\s+)?(?:(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})\\s+(${MONTH_RE}),?\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?:[,\\s·|–-]+(?:(?:last\\s+)?updated:?\\s*)?(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?\\s?m\\.?)?(?:\\s+[A-Z]{2,5})?)?\\s*$`,
  'i',
);

/**
 * Reads a line that is only a date written in full, perhaps with its time and a page's
 * "Published"/"Last updated" label ("June 13, 2005", "23 July 2013 Last updated at 13:42 GMT",
 * "Published on Friday, 27 September 2013", "2017-07-04"); ISO (not checked against the
 * calendar) or undefined. Ingest reads other shapes of page time stamps on top of this.
 */
export function readDateLine(line: string): string | undefined {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return undefined;
  if (m[7]) return `${m[7]}-${m[8]}-${m[9]}`;
  const monthName = (m[1] ?? m[5])!;
  const day = Number(m[2] ?? m[4]);
  const year = Number(m[3] ?? m[6]);
  const month = monthIndex(monthName);
  if (month < 0 || day < 1 || day > 31) return undefined;
  return iso(year, month + 1, day);
}

/** The index (0 for January) of a month name or its abbreviation ("Sept.", "jun"); -1 for none. */
export function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

/** Zero-padded ISO date at the precision given by which parts are present. */
export function iso(year: number, month?: number, day?: number): string {
  const y = String(year).padStart(4, '0');
  if (month === undefined) return y;
  const m = String(month).padStart(2, '0');
  if (day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}
