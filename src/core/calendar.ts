/**
 * Which ISO dates name a real day. `new Date` rolls 2017-02-30 over to March and reads years
 * below 100 as 19xx, so an impossible date from a file or a phrase would quietly become a
 * different, real-looking one.
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
