/**
 * Quantity extraction: numbers with their units, hedges and what they measure,
 * normalized so that `1,200-meter`, `1.2 km` and `1,200-metre` are one value.
 */
import { singular, type Tok } from '../syntax.js';
import {
  CURRENCIES, CURRENCY_SYMBOL, DIMENSION_WORDS, HEDGES, MULTIPLIERS, NUMBER_WORDS, PERSON_PRONOUNS, RATE_WORDS, SIZE_VERBS, TALLY_NOUNS, UNITS,
  type Hedge, type UnitDef,
} from '../lexicon.js';

export interface FoundQuantity {
  /** Token indices [first, last] of the whole expression (hedge to unit or counted noun). */
  first: number;
  last: number;
  attribute: string;
  /** Explicit: the text names the dimension ("5 km long"); implicit: inferred from the unit. */
  explicit: boolean;
  value: number;
  unit: string;
  range?: [number, number];
  approx: boolean;
  subject: string;
  label: string;
  qualifier?: string;
  /** money: what the amount is counted per ("season" in "$5 million per season"). */
  per?: string;
  /** money: the same amount in another currency, as the text converts it in parentheses. */
  converted?: { value: number; unit: string; label: string };
  /** Token index of the total in "N of the M things", read as a count of its own. */
  totalAt?: number;
}

const CALENDAR_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(mon|tues|wednes|thurs|fri|satur|sun)day$/i;
const WORD_NUMBERS = new Map(Object.entries(NUMBER_WORDS));
const NUMERIC = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const GLUED = /^(\d+(?:\.\d+)?)([a-z%]+)$/i;

/** Finds quantities in one sentence's tokens; `skip` marks token indices already used by dates. */
export function findQuantities(tokens: Tok[], skip: Set<number>): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  const used = new Set<number>(skip);
  for (let i = 0; i < tokens.length; i++) {
    // Most tokens start no quantity: tell them apart before readQuantity, whose inner closures
    // cost an allocation on every call.
    if (!startsQuantity(tokens, i) || used.has(i)) continue;
    const q = readQuantity(tokens, i, used);
    // A figure too large for a number ("10^400", 400 digits) is no figure at all.
    if (!q || !Number.isFinite(q.value) || (q.range && !q.range.every(Number.isFinite))) continue;
    for (let k = q.first; k <= q.last; k++) used.add(k);
    // "five of the seven counts": the total is a count of its own.
    if (q.totalAt !== undefined) used.delete(q.totalAt);
    out.push(q);
  }
  return out;
}

const MAGNITUDE_GLUED = /^magnitude-(\d+)$/i;
/** "foot-1" in "6-foot-1": the tokenizer keeps the inches with the unit. */
const FEET_INCHES = /^(?:foot|feet|ft)-(\d|1[01])$/;

/** Whether a quantity can start at this token: a number, "a" before "hundred" or "million", or a glued "magnitude-6". */
function startsQuantity(tokens: Tok[], i: number): boolean {
  const t = tokens[i]!;
  // (The glued magnitude's first letter is looked at before its pattern is run.)
  const c = t.v.charCodeAt(0);
  return parseNumber(t) !== undefined || ((c === 109 || c === 77) && MAGNITUDE_GLUED.test(t.v)) || anMultiplier(tokens, i) || hyphenHalf(tokens, i) !== undefined;
}

/** "7-1/2" (one token, or "7-1", "/", "2"): seven and a half, and the token it ends at. */
function hyphenHalf(tokens: Tok[], i: number): { value: number; end: number } | undefined {
  // (Most tokens start with no digit: told apart before the patterns run.)
  const c = tokens[i]!.v.charCodeAt(0);
  if (c < 48 || c > 57) return undefined;
  const one = /^(\d+)-1\/2$/.exec(tokens[i]!.v);
  if (one) return { value: Number(one[1]) + 0.5, end: i };
  const m = /^(\d+)-1$/.exec(tokens[i]!.v);
  return m && tokens[i + 1]?.v === '/' && tokens[i + 2]?.v === '2' ? { value: Number(m[1]) + 0.5, end: i + 2 } : undefined;
}

/**
 * The end of a half after a whole number ("six and a half", "6 1/2", "3½"), if one follows token
 * i; "4-1/2" is a half already read with its number.
 */
function halfAfter(tokens: Tok[], i: number): number | undefined {
  const hyphened = hyphenHalf(tokens, i);
  if (hyphened) return hyphened.end;
  const a = tokens[i + 1];
  if (a?.v === '½' || a?.v === '1/2') return i + 1;
  if (a?.lower === 'and' && tokens[i + 2]?.lower === 'a' && tokens[i + 3]?.lower === 'half') return i + 3;
  return undefined;
}

/** "a hundred", "a million": the article stands for one. */
function anMultiplier(tokens: Tok[], i: number): boolean {
  // (Compared, not matched: this is asked of every token.)
  const a = tokens[i]!.lower;
  return (a === 'a' || a === 'an') && /^(hundred|thousand|million|billion|trillion)$/.test(tokens[i + 1]?.lower ?? '');
}

function parseNumber(t: Tok): { value: number; glued?: string } | undefined {
  const c = t.v.charCodeAt(0);
  if (c < 48 || c > 57) {
    const w = WORD_NUMBERS.get(t.lower);
    return w !== undefined && t.lower !== 'hundred' ? { value: w } : undefined;
  }
  if (NUMERIC.test(t.v)) return { value: Number(t.v.replace(/,/g, '')) };
  const g = GLUED.exec(t.v);
  if (g && /^(st|nd|rd|th|s)$/i.test(g[2]!)) return undefined;
  if (g) return { value: Number(g[1]), glued: g[2]!.toLowerCase() };
  const w = NUMBER_WORDS[t.lower];
  if (w !== undefined && t.lower !== 'hundred') return { value: w };
  return undefined;
}

/** A number written with an exponent: "1e308", "2.5e6" (one token after the digits), "10^6". */
function readPower(tokens: Tok[], i: number): { value: number; last: number; text: string } | undefined {
  const t = tokens[i]!;
  const a = tokens[i + 1];
  if (!NUMERIC.test(t.v) || !a || a.start !== t.end) return undefined;
  const base = Number(t.v.replace(/,/g, ''));
  const e = /^e([+-]?\d{1,4})$/i.exec(a.v);
  if (e) return { value: Number(`${base}e${e[1]}`), last: i + 1, text: t.v + a.v };
  const b = tokens[i + 2];
  if (a.v === '^' && b && b.start === a.end && /^\d{1,4}$/.test(b.v)) return { value: base ** Number(b.v), last: i + 2, text: `${t.v}^${b.v}` };
  return undefined;
}

function readQuantity(tokens: Tok[], i: number, used: Set<number>): FoundQuantity | undefined {
  const t = tokens[i]!;
  // "magnitude-6.8" reaches us as "magnitude-6", ".", "8".
  const magnitudeGlued = MAGNITUDE_GLUED.exec(t.v);
  if (magnitudeGlued) {
    const frac = tokens[i + 1]?.v === '.' && /^\d+/.test(tokens[i + 2]?.v ?? '') && tokens[i + 1]!.start === t.end ? /^\d+/.exec(tokens[i + 2]!.v)![0] : undefined;
    const written = frac ? `${magnitudeGlued[1]}.${frac}` : magnitudeGlued[1]!;
    const end = frac ? i + 2 : i;
    return { first: i, last: end, attribute: 'magnitude', explicit: true, value: Number(written), unit: 'magnitude', approx: false,
      subject: nounAfter(tokens, end) ?? '', label: `magnitude ${written}` };
  }
  const hyphened = hyphenHalf(tokens, i);
  const num = hyphened !== undefined ? { value: hyphened.value } : parseNumber(t) ?? (anMultiplier(tokens, i) ? { value: 1 } : undefined);
  if (!num) return undefined;
  // "six and a half years", "6 1/2 weeks": a whole number and a half.
  const half = hyphened !== undefined || (Number.isInteger(num.value) && !num.glued) ? halfAfter(tokens, i) : undefined;
  if (half !== undefined && hyphened === undefined) num.value += 0.5;
  // "61 / 2 weeks", "24/7": a number after a slash after a number is a fraction's or a code's, no count of its own.
  if (tokens[i - 1]?.v === '/' && tokens[i - 2] && /^\d/.test(tokens[i - 2]!.v)) return undefined;
  // "10^6" and "1e308": the exponent belongs to the number, and "6" after "^" is no count of its own.
  if (tokens[i - 1]?.v === '^' && tokens[i - 1]!.end === t.start) return undefined;
  const power = readPower(tokens, i);
  if (power) num.value = power.value;
  // Part of a name or model ("Windows 7", "Model 3", "Expo 2020"): a number right after a proper noun with nothing after.
  const prev = tokens[i - 1];
  let value = num.value;
  let last = power?.last ?? half ?? i;
  let first = i;
  // "minus 17 degrees", "minus-20 degree temperatures": below zero ("plus or minus 3" is a margin,
  // "10 minus 3" arithmetic).
  const minusAt = prev?.lower === 'minus' ? i - 1 : prev?.v === '-' && prev.end === t.start && tokens[i - 2]?.lower === 'minus' && tokens[i - 2]!.end === prev.start ? i - 2 : -1;
  const below = minusAt >= 0 && !/^(or|and|plus)$/.test(tokens[minusAt - 1]?.lower ?? '') && !/^\d/.test(tokens[minusAt - 1]?.v ?? '');
  if (below) {
    value = -value;
    first = minusAt;
  }

  // Currency before the number: "$", "US$", "US $", "£".
  let currency: string | undefined;
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const c = CURRENCIES[tokens[k]!.lower];
    if (c && (tokens[k]!.type === 'currency' || /^[a-z]{1,2}\$$/.test(tokens[k]!.lower))) {
      currency = c;
      first = k;
      // ("US $", "A$5": a country's letters before the dollar sign; "a $5 fee" is the article.)
      if (k > 0 && /^(US|A|C|NZ|HK|S)$/.test(tokens[k - 1]!.v) && (tokens[k - 1]!.v === 'US' || tokens[k - 1]!.end === tokens[k]!.start) && c === 'USD') {
        first = k - 1;
        if (tokens[k - 1]!.lower !== 'us') currency = (tokens[k - 1]!.lower.toUpperCase() + 'D').replace('AD', 'AUD');
      }
      break;
    }
  }

  // Multiplier after: "3.5 million", "$5bn", glued "5m" with a currency.
  let multiplierWord = '';
  let numAsDigits = false;
  // ("$4.5-million", "a three-million-euro haul": the multiplier after a hyphen.)
  const n = half ?? i;
  const m = tokens[n + 1]?.v === '-' && tokens[n + 1]!.start === tokens[n]!.end && tokens[n + 2] && MULTIPLIERS[tokens[n + 2]!.lower] && tokens[n + 2]!.start === tokens[n + 1]!.end ? n + 2 : n + 1;
  const next = tokens[m];
  if (next && MULTIPLIERS[next.lower] && !used.has(m)) {
    value *= MULTIPLIERS[next.lower]!;
    multiplierWord = next.lower;
    last = m;
    // "three hundred billion": a larger multiplier after "hundred" multiplies again (shown "300 billion").
    const more = tokens[m + 1];
    if (next.lower === 'hundred' && more && (MULTIPLIERS[more.lower] ?? 0) > 100 && !used.has(m + 1)) {
      value *= MULTIPLIERS[more.lower]!;
      multiplierWord = more.lower;
      num.value *= 100;
      numAsDigits = true;
      last = m + 1;
    }
  } else if (num.glued && (currency ? /^(m|bn|b|k|mn)$/.test(num.glued) : /^(bn|mn)$/.test(num.glued))) {
    value *= num.glued === 'k' ? 1e3 : /^(m|mn)$/.test(num.glued) ? 1e6 : 1e9;
    multiplierWord = num.glued === 'k' ? 'thousand' : /^(m|mn)$/.test(num.glued) ? 'million' : 'billion';
  } else if (currency && next && next.start === t.end && /^(m|mn|bn|b|k)$/i.test(next.v)) {
    // "£38m" reaches us as "£", "38", "m".
    const unitWord = next.lower;
    value *= unitWord === 'k' ? 1e3 : /^(m|mn)$/.test(unitWord) ? 1e6 : 1e9;
    multiplierWord = unitWord === 'k' ? 'thousand' : /^(m|mn)$/.test(unitWord) ? 'million' : 'billion';
    last = i + 1;
  }
  // Shown as written ("7.0", "1,200"), so a figure reads as the sources gave it.
  // (A number word before a multiplier in digits: "three-million-euro" reads "€3 million".)
  const written = power ? power.text : numAsDigits || half !== undefined || (multiplierWord && /^[a-z]/i.test(t.v) && !anMultiplier(tokens, i)) ? displayNumber(num.value) : /^\d/.test(t.v) ? (num.glued ? t.v.slice(0, t.v.length - num.glued.length) : t.v) : t.lower;
  const numText = written + (multiplierWord ? ` ${multiplierWord}` : '');

  // Hedge before the number (before any currency).
  const hedge = findHedge(tokens, first);
  if (hedge) first = hedge.first;

  // Unit after: skip a hyphen; glued units ("16GB", "5km").
  let unit: UnitDef | undefined;
  let unitEnd = last;
  // "6-foot-1", "5 feet 4 inches": a height in feet and inches.
  let inches: number | undefined;
  const gluedRaw = GLUED.exec(t.v)?.[2] ?? '';
  const temperature = /^[CF]$/.test(gluedRaw);
  const glued = !multiplierWord && num.glued && (temperature || (!(gluedRaw.length <= 2 && /^[A-Z]$/.test(gluedRaw)) && !/^[cf]$/.test(gluedRaw))) ? UNITS[num.glued] : undefined;
  if (glued) unit = glued;
  else {
    let k = last + 1;
    if (tokens[k]?.v === '-') k++;
    const w = tokens[k];
    const w2 = tokens[k + 1];
    if (w && (w.lower === 'square' || w.lower === 'sq') && w2 && UNITS[w2.lower]?.dim === 'length') {
      const base = UNITS[w2.lower]!;
      unit = { dim: 'area', base: 'm2', factor: base.factor * base.factor, abbr: `${base.abbr}²` };
      unitEnd = k + 1;
    } else if (w && !multiplierWord && (FEET_INCHES.test(w.lower) || (UNITS[w.lower]?.abbr === 'ft' && w2 && /^\d{1,2}$/.test(w2.v) && Number(w2.v) < 12))) {
      unit = UNITS.ft;
      const glued = FEET_INCHES.exec(w.lower);
      inches = Number(glued ? glued[1] : w2!.v);
      unitEnd = glued ? k : k + 1;
      if (UNITS[tokens[unitEnd + 1]?.lower ?? '']?.abbr === 'in') unitEnd++;
    } else if (w && (w.lower === 'per' && w2?.lower === 'cent')) {
      unit = UNITS['%'];
      unitEnd = k + 1;
    } else if (w && !currency && multiplierWord && w.lower === 'pounds') {
      // "4.2 million pounds" is money; "100 pounds" on its own is a weight.
      currency = 'GBP';
      unitEnd = k;
    } else if (w && UNITS[w.lower] && !/^[cf]$/i.test(w.v) && !(w.v.length <= 2 && /[A-Z]/.test(w.v) && !/^(GB|MB|TB|KM|MW)$/.test(w.v)) && (w.start > tokens[k - 1]!.end || w.v.length > 2 || /^[a-z%]/.test(w.v))) {
      unit = UNITS[w.lower];
      unitEnd = k;
      // "90 miles an hour", "40 km per hour": a length per time is a speed.
      const per = tokens[k + 1];
      const time = tokens[k + 2] ? UNITS[tokens[k + 2]!.lower] : undefined;
      if (unit!.dim === 'length' && per && RATE_WORDS.has(per.lower) && time?.dim === 'duration' && time.factor < 1) {
        // (Miles or kilometres an hour are speed units the lexicon already has.)
        const each = time.factor * 24 === 1 ? 'h' : time.abbr.replace(/s$/, '');
        unit = UNITS[unit!.abbr === 'mi' && each === 'h' ? 'mph' : `${unit!.abbr}/${each}`]
          ?? { dim: 'speed', base: 'km/h', factor: (unit!.factor / 1000) / (time.factor * 24), abbr: `${unit!.abbr}/${each}` };
        unitEnd = k + 2;
      }
    } else if (w && !currency && CURRENCIES[w.lower] && w.type !== 'currency' && w.lower !== 'pounds') {
      currency = CURRENCIES[w.lower];
      unitEnd = k;
    }
  }
  if (unit) last = Math.max(last, unitEnd);
  else if (currency && unitEnd > last) last = unitEnd;

  // "(USD)" after a money amount.
  if (currency && tokens[last + 1]?.v === '(' && CURRENCIES[tokens[last + 2]?.lower ?? ''] && tokens[last + 3]?.v === ')') last += 3;

  // A parenthetical conversion right after ("5 kilometers (3.1 miles)") belongs to this quantity.
  let conversionEnd = last;
  let converted: FoundQuantity['converted'];
  if ((unit || currency) && tokens[last + 1]?.v === '(') {
    const close = tokens.findIndex((x, k) => k > last + 1 && x.v === ')');
    if (close > 0 && close - last <= 6 && tokens.slice(last + 2, close).some((x) => parseNumber(x))) {
      // ("five million euros ($5.4 million)": the amount in another currency, kept for who asks in it.)
      const at = tokens.findIndex((_, k) => k > last + 1 && k < close && startsQuantity(tokens, k));
      const inner = currency && at > 0 ? readQuantity(tokens, at, new Set()) : undefined;
      if (inner?.attribute === 'money' && inner.unit !== currency && inner.last < close) converted = { value: inner.value, unit: inner.unit, label: inner.label };
      conversionEnd = close;
      for (let k = last + 1; k <= close; k++) used.add(k);
    }
  }

  const approx = hedge !== undefined;
  if (currency) {
    // "$5 million per season", "$5 a share": a rate, not a total.
    const per = rateAfter(tokens, conversionEnd);
    const label = `${hedge ? hedge.text + ' ' : ''}${CURRENCY_SYMBOL[currency] ?? currency + ' '}${numText.replace(/^an? /, '1 ')}${per ? ` per ${per}` : ''}`;
    const found = finish('money', true, value, currency, label, per ? conversionEnd + 2 : conversionEnd, nounAfter(tokens, conversionEnd, true) ?? ofNoun(tokens, conversionEnd) ?? amountVerb(tokens, first) ?? subjectBefore(tokens, first));
    if (per) found.per = per;
    if (converted) found.converted = converted;
    return found;
  }
  if (unit) {
    const normalized = (value + (inches ?? 0) / 12) * unit.factor;
    const label = `${hedge ? hedge.text + ' ' : ''}${numText} ${unit.abbr}${inches !== undefined ? ` ${inches} in` : ''}`;
    let attribute: string = unit.dim;
    let explicit = true;
    let subject = '';
    // "N-year-old", "N years old", "aged N" → age.
    if (unit.dim === 'duration') {
      // "six years and eight months" is one span of time.
      const and = tokens[unitEnd + 1];
      const n2 = tokens[unitEnd + 2] ? parseNumber(tokens[unitEnd + 2]!) : undefined;
      const u2 = tokens[unitEnd + 3] ? UNITS[tokens[unitEnd + 3]!.lower] : undefined;
      if (and?.lower === 'and' && n2 && u2?.dim === 'duration' && u2.factor < unit.factor) {
        const end = unitEnd + 3;
        const words = `${numText} ${unit.abbr} and ${tokens[unitEnd + 2]!.v} ${u2.abbr}`;
        return finish('duration', true, value * unit.factor + n2.value * u2.factor, unit.base, `${hedge ? hedge.text + ' ' : ''}${words}`, end, subjectBefore(tokens, first));
      }
      const after = tokens[conversionEnd + 1];
      const after2 = tokens[conversionEnd + 2];
      if (after?.lower === 'old' || (after?.v === '-' && after2?.lower === 'old')) {
        const end = after.lower === 'old' ? conversionEnd + 1 : conversionEnd + 2;
        // "a 15-year-old boy", "37-year-old Jane Doe": the age belongs to the noun or name after it.
        const owner = tokens[end + 1] && /^(NOUN|PROPN)$/.test(tokens[end + 1]!.pos) ? nameOrNounAt(tokens, end + 1) : undefined;
        return finish('age', true, value, 'year', `${numText} years`, end, owner ?? subjectBefore(tokens, first));
      }
      if (isDateLike(tokens, conversionEnd)) return undefined;
    }
    if (unit.dim === 'length') {
      const dim = dimensionAfter(tokens, conversionEnd) ?? dimensionBefore(tokens, first);
      if (dim) {
        attribute = dim.attribute;
        if (dim.consumed) conversionEnd = dim.consumed;
      } else {
        attribute = 'length';
        explicit = false;
      }
      // "a 1,200-meter bridge", "30-metre spans": the noun the measure modifies.
      if (tokens[unitEnd - 1]?.v === '-' || tokens[i + 1]?.v === '-') subject = nounAfter(tokens, conversionEnd) ?? '';
    }
    if (!subject) subject = explicit && unit.dim === 'length' ? sentenceSubject(tokens) : nounAfter(tokens, conversionEnd, true) ?? (unit.dim === 'area' ? sentenceSubject(tokens) : subjectBefore(tokens, first));
    return finish(attribute, explicit, normalized, unit.base, label, conversionEnd, subject);
  }

  // Magnitude: "a magnitude 6.8 earthquake", "magnitude-7.0", "6.8-magnitude", "a 6.8 magnitude quake".
  const b1 = tokens[first - 1]?.lower;
  const b2 = tokens[first - 2]?.lower;
  // A later decimal in a sentence about magnitude ("… while the USGS put it at 6.8") is one too.
  const magnitudeBefore = /^\d{1,2}\.\d$/.test(t.v) && tokens.slice(Math.max(0, i - 14), i).some((x) => x.lower === 'magnitude');
  // "measuring 4.9 on the Richter scale": a reading on a named scale is a magnitude.
  const onScale = tokens[last + 1]?.lower === 'on' && tokens[last + 2]?.lower === 'the' && tokens.slice(last + 3, last + 6).some((x) => x.lower === 'scale');
  if (onScale) return finish('magnitude', true, value, 'magnitude', `magnitude ${numText}`, last, subjectBefore(tokens, first));
  // "a 4.2 quake": a fraction is no count of the noun after it, but a rating of it.
  if (!Number.isInteger(value) && (b1 === 'a' || b1 === 'an') && tokens[last + 1]?.pos === 'NOUN' && !multiplierWord && !currency) {
    return finish('magnitude', true, value, 'magnitude', `magnitude ${numText}`, last, nounAfter(tokens, last) ?? '');
  }
  if (b1 === 'magnitude' || (b1 === '-' && b2 === 'magnitude') || tokens[i + 1]?.lower === 'magnitude' || (tokens[i + 1]?.v === '-' && tokens[i + 2]?.lower === 'magnitude') || magnitudeBefore) {
    const end = tokens[i + 1]?.lower === 'magnitude' ? i + 1 : tokens[i + 2]?.lower === 'magnitude' ? i + 2 : last;
    const start = b1 === 'magnitude' ? first - 1 : b1 === '-' ? first - 2 : first;
    // Only the noun a magnitude qualifies ("a magnitude 6.8 earthquake") says what it measures.
    const q = finish('magnitude', true, value, 'magnitude', `magnitude ${numText}`, end, nounAfter(tokens, end) ?? '');
    if (!hedge) q.first = start;
    return q;
  }

  // Age in apposition: "Jane Doe, 56, said": a bare whole number set off by commas after a name.
  // (Or after a described person: "the retired singer, 61, said": a noun its determiner opens.)
  const described = tokens[first - 2]?.pos === 'NOUN' && /^[a-z]/.test(tokens[first - 2]!.v) && tokens.slice(Math.max(0, first - 5), first - 2).some((x) => x.lower === 'the');
  if (!hedge && !currency && !multiplierWord && Number.isInteger(value) && value > 0 && value < 120 && /^\d+$/.test(t.v)
    && tokens[first - 1]?.v === ',' && (tokens[first - 2]?.pos === 'PROPN' || described) && /^[,)]$/.test(tokens[i + 1]?.v ?? '')) {
    return finish('age', true, value, 'year', `${numText} years`, i, tokens[first - 2]!.lemma);
  }

  const bareWhole = !hedge && !currency && !multiplierWord && Number.isInteger(value) && value > 0 && value < 120 && /^\d+$/.test(t.v);
  const clauseEnds = !tokens[i + 1] || /^[.,;)]$|^(when|and|but|at)$/.test(tokens[i + 1]!.lower);
  // Age as a person's copula complement: "She was 83.", "Doe is 56 and lives …" (a pronoun or a name, then "be").
  const subject = tokens[first - 2];
  if (bareWhole && clauseEnds && tokens[first - 1]?.lemma === 'be' && subject && (PERSON_PRONOUNS.has(subject.lower) || subject.pos === 'PROPN')) {
    return finish('age', true, value, 'year', `${numText} years`, i, subject.pos === 'PROPN' ? subject.lemma : '');
  }
  // Age at death: "died at 91", "dies at 85" (a bare number after "at" and a form of "die").
  if (bareWhole && clauseEnds && tokens[first - 1]?.lower === 'at' && tokens[first - 2]?.lemma === 'die') {
    return finish('age', true, value, 'year', `${numText} years`, i, subjectBefore(tokens, first));
  }

  // Age: "aged 56", "at the age of 56".
  const before1 = tokens[first - 1]?.lower;
  const before3 = tokens.slice(Math.max(0, first - 3), first).map((x) => x.lower).join(' ');
  if (before1 === 'aged' || before3 === 'the age of' || before3.endsWith('age of')) {
    return finish('age', true, value, 'year', `${numText} years`, last, subjectBefore(tokens, first));
  }

  // "3G", "4S": a digit glued to letters is a model name, not a count.
  const glue = tokens[i + 1];
  if (glue && glue.start === t.end && /^[A-Za-z]{1,3}$/.test(glue.v) && !UNITS[glue.lower] && !MULTIPLIERS[glue.lower]) return undefined;
  // A year or a number inside a name is not a quantity.
  if (/^\d{4}$/.test(t.v) && value >= 1000 && value <= 2100) return undefined;
  // A number right after a name is part of it ("iPhone 4", "Windows 7", "Boeing 737").
  if (prev && /^[A-Z]|^[a-z]+[A-Z]/.test(prev.v) && prev.pos !== 'VERB' && (prev.pos === 'PROPN' || /^[a-z]+[A-Z]/.test(prev.v) || !tokens[i + 1]?.lower.match(/^[a-z]/))) return undefined;
  if (tokens[i + 1]?.v === '-' && tokens[i + 2] && /^(year|month|day|week|hour|minute)s?$/.test(tokens[i + 2]!.lower)) return undefined;
  if (tokens[i + 1]?.lower === 'percent' || tokens[i + 1]?.v === '%') {
    return finish('percent', true, value, '%', `${numText}%`, i + 1, subjectBefore(tokens, first));
  }

  // Counts: a number followed by a noun phrase ("300 UN peacekeepers", "two small boats").
  // "one more crash" is a figure of speech, not a count.
  if (!/^\d/.test(t.v) && /^(more|less|other|another|last)$/.test(tokens[last + 1]?.lower ?? '')) return undefined;
  // How often something happened: "married three times", "stabbed 12 times" (not a multiplier:
  // "three times larger", "three times as many", "three times the size").
  const times = tokens[last + 1];
  const after = tokens[last + 2];
  if (times && /^times?$/.test(times.lower) && value < 1000 && !(after && (/^(as|the|that|more|less|over|higher|lower|bigger|larger|smaller)$/.test(after.lower) || /er$/.test(after.lower) && after.pos === 'ADJ'))) {
    return finish('count', true, value, 'count', `${hedge ? hedge.text + ' ' : ''}${numText} ${times.lower}`, last + 1, 'time');
  }
  const counted = countedNoun(tokens, last);
  if (counted) {
    const label = `${hedge ? hedge.text + ' ' : ''}${numText} ${counted.phrase}`;
    return { ...finish('count', true, value, 'count', label, counted.last, counted.head), totalAt: counted.totalAt };
  }
  // "… and 40 are women": a bare number as the subject of a copula counts the noun after it.
  const be = tokens[last + 1];
  const noun = tokens[last + 2];
  if (be?.lemma === 'be' && noun?.pos === 'NOUN' && /^[a-z]/.test(noun.v) && /^\d/.test(t.v) && !/^(NOUN|ADP)$/.test(tokens[last + 3]?.pos ?? '')) {
    return finish('count', true, value, 'count', `${hedge ? hedge.text + ' ' : ''}${numText} ${noun.v}`, last + 2, noun.lemma);
  }
  // People counted by what happened to them: "612 injured", "killed 148", "injured more than 600".
  const nextTok = tokens[last + 1];
  // ("Nine dead in flood": a number word too, when no noun follows — "two injured men" is a count of men.)
  if (nextTok && CASUALTY.test(nextTok.lower) && (/^\d/.test(t.v) || !/^(NOUN|PROPN)$/.test(tokens[last + 2]?.pos ?? ''))) {
    return finish('count', true, value, 'count', `${hedge ? hedge.text + ' ' : ''}${numText} ${nextTok.lower}`, last + 1, 'people');
  }
  const verbBefore = tokens[first - 1];
  if (verbBefore && CASUALTY_VERB.test(verbBefore.lower) && /^\d/.test(t.v)) {
    return finish('count', true, value, 'count', `${hedge ? hedge.text + ' ' : ''}${numText} ${participle(verbBefore.lower)}`, last, 'people');
  }

  // A bare figure a count noun leads up to: "the death toll rose to 22", "the number of dead reached 40".
  let about = subjectBefore(tokens, first);
  const rose = RISE.test(tokens[first - 1]?.lower ?? '') || (/^(to|at)$/.test(tokens[first - 1]?.lower ?? '') && RISE.test(tokens[first - 2]?.lower ?? ''));
  // "The death toll from a quake a day before rose to 10": what rose is the tally the clause opened with.
  if (rose) {
    for (let k = first - 1; k >= 0; k--) {
      if (TALLY_NOUNS.has(tokens[k]!.lemma)) {
        about = tokens[k]!.lemma;
        break;
      }
    }
  }
  if ((TALLY_NOUNS.has(about) || rose) && /^\d/.test(t.v)) {
    return finish('count', true, value, 'count', `${hedge ? hedge.text + ' ' : ''}${numText}`, last, about);
  }
  return undefined;

  function finish(attribute: string, explicit: boolean, v: number, unitName: string, label: string, end: number, subject: string): FoundQuantity {
    return {
      first, last: Math.max(end, last), attribute, explicit, value: v, unit: unitName, range: rangeFor(v, hedge?.kind),
      approx, subject, label: below ? `minus ${label}` : label, qualifier: qualifierBefore(tokens, first),
    };
  }
}

const HEDGE_WORDS = HEDGES.map(([phrase, kind]) => [phrase.split(' '), kind] as const);

const RISE = /^(rise|rises|rose|risen|rising|climb|climbs|climbed|jump|jumps|jumped|increase|increased|reach|reached|reaches|stand|stands|stood|hit|passed|topped|exceeded|surpassed)$/;
const CASUALTY = /^(injured|wounded|killed|dead|missing|hurt|displaced|evacuated|arrested|detained|rescued|hospitalized|hospitalised|homeless|stranded|trapped)$/;
const CASUALTY_VERB = /^(killed|killing|kills|kill|injured|injuring|injures|injure|wounded|wounding|wounds|wound|displaced|displacing|evacuated|evacuating|rescued|rescuing|arrested|arresting|detained|detaining)$/;

/** "killing" → "killed": how a count of people after a verb is shown. */
function participle(verb: string): string {
  if (verb.endsWith('ed')) return verb;
  const stem = verb.replace(/ing$/, '').replace(/s$/, '');
  return stem.endsWith('e') ? `${stem}d` : `${stem}ed`;
}

function findHedge(tokens: Tok[], at: number): { first: number; kind: Hedge; text: string } | undefined {
  for (const [words, kind] of HEDGE_WORDS) {
    const first = at - words.length;
    if (first < 0) continue;
    if (wordsAt(tokens, first, words)) {
      const text = tokens.slice(first, at).map((t) => t.v).join(' ');
      return { first, kind, text: text.toLowerCase() };
    }
  }
  return undefined;
}

/** Whether tokens[first…] read `words` (lower case). A loop, not `every`: this runs for each hedge before each figure. */
function wordsAt(tokens: Tok[], first: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[first + k]!.lower !== words[k]) return false;
  return true;
}

/** The range a hedge implies around a value. */
function rangeFor(v: number, hedge: Hedge | undefined): [number, number] | undefined {
  const range = ((): [number, number] | undefined => {
    switch (hedge) {
      case 'about': return [v * 0.95, v * 1.05];
      case 'below': return [v * 0.85, v];
      case 'above': return [v, v * 1.5];
      case 'upto': return [v * 0.5, v];
      default: return undefined;
    }
  })();
  // (Below zero the bounds come out the other way round: "about minus 20".)
  return range && range[0] > range[1] ? [range[1], range[0]] : range;
}

function dimensionAfter(tokens: Tok[], end: number): { attribute: string; consumed?: number } | undefined {
  const w = tokens[end + 1];
  if (!w) return undefined;
  const dim = DIMENSION_WORDS[w.lower];
  if (dim && dim !== 'age') return { attribute: dim, consumed: end + 1 };
  if (w.lower === 'in' && tokens[end + 2] && DIMENSION_WORDS[tokens[end + 2]!.lower]) {
    return { attribute: DIMENSION_WORDS[tokens[end + 2]!.lower]!, consumed: end + 2 };
  }
  return undefined;
}

function dimensionBefore(tokens: Tok[], first: number): { attribute: string; consumed?: number } | undefined {
  // "a length of 5 km", "stretching 5 km", "measuring 3 m in height" (the last is handled after).
  const w1 = tokens[first - 1]?.lower;
  const w2 = tokens[first - 2]?.lower;
  if (w1 === 'of' && w2 && DIMENSION_WORDS[w2]) return { attribute: DIMENSION_WORDS[w2]! };
  if (w1 === 'stretching' || w1 === 'stretches' || w1 === 'spanning' || w1 === 'spans') return { attribute: 'length' };
  if (w1 === 'rising' || w1 === 'rises' || w1 === 'towering') return { attribute: 'height' };
  // "fell about 300 metres", "drove 30 miles": a length right after a verb of the clause is how far
  // it went, unless the verb says a size ("measures", "stands", "covers").
  const verb = tokens[first - 1];
  if (verb?.pos === 'VERB' && !SIZE_VERBS.has(verb.lemma)) return { attribute: 'distance' };
  // "followed the van for 12 miles": "for" and a length after the clause's verb and object is how far it
  // went, unless the clause says a size ("the road runs for 30 miles").
  if (w1 === 'for') {
    for (let k = first - 2; k >= 0; k--) {
      const t = tokens[k]!;
      if (SIZE_VERBS.has(t.lemma) || t.pos === 'PUNCT') return undefined;
      if (t.pos === 'VERB' || k === 0) return { attribute: 'distance' };
    }
  }
  return undefined;
}

/** "three years ago", "two days later": a point in time, not a span. */
function isDateLike(tokens: Tok[], last: number): boolean {
  const after = tokens[last + 1]?.lower;
  return after === 'ago' || after === 'later' || after === 'earlier';
}

const POSSESSIVE_S_WORDS = new Set(["'s", '’s', "'", '’']);

/** "per season", "a year", "each": the unit an amount is counted per, ending the noun group. */
function rateAfter(tokens: Tok[], end: number): string | undefined {
  const p = tokens[end + 1];
  const n = tokens[end + 2];
  if (!p || !n || !RATE_WORDS.has(p.lower) || n.pos !== 'NOUN' || /^(NOUN|PROPN)$/.test(tokens[end + 3]?.pos ?? '')) return undefined;
  return n.lemma;
}

/** "€90 million of damage", "$2 million worth of gems": the noun an amount is the amount of. */
function ofNoun(tokens: Tok[], end: number): string | undefined {
  let k = end + 1;
  if (tokens[k]?.lower === 'worth') k++;
  if (tokens[k]?.lower !== 'of') return undefined;
  if (tokens[k + 1]?.pos === 'DET' || tokens[k + 1]?.pos === 'PRON') k++;
  // "of Norway's external trade": past the possessor.
  else if (tokens[k + 1]?.pos === 'PROPN' && POSSESSIVE_S_WORDS.has(tokens[k + 2]?.lower ?? '')) k += 2;
  return nounAfter(tokens, k);
}

/** The noun a measure modifies: skip adjectives and hyphens, take the head noun. */
function nounAfter(tokens: Tok[], end: number, requireAdjacent = false): string | undefined {
  let k = end + 1;
  if (tokens[k]?.v === '-') k++;
  let head: string | undefined;
  for (let n = 0; n < 4 && k < tokens.length; n++, k++) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN') head = t.lemma;
    else if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.v === '-') {
      if (head) break;
      if (t.pos === 'PROPN' && requireAdjacent) continue;
    } else break;
  }
  return head;
}

/** Name-like: capitalized, camel-cased ("iPhone") or a model code with digits ("3GS", "A320"). */
function nameish(t: Tok): boolean {
  return (t.pos === 'PROPN' || /^[a-z]+[A-Z]|^\d+[A-Za-z]+$/.test(t.v)) && /^[A-Za-z\d]/.test(t.v)
    && !/^(US|U\.S\.)$/.test(t.v) && !CALENDAR_WORD.test(t.v);
}

/** The nearest name shortly before a quantity: what the measured thing belongs to. */
function qualifierBefore(tokens: Tok[], first: number): string | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 8); k--) {
    const t = tokens[k]!;
    if (t.v === ',' || t.v === ';' || t.v === '—') break;
    if (nameish(t) && k > 0) {
      let j = k;
      while (j > 0 && (nameish(tokens[j - 1]!) || /^\d+$/.test(tokens[j - 1]!.v)) && k - j < 3) j--;
      // Joined as written: "iPhone 3GS" stays "iphone 3gs", not "iphone 3 gs".
      return tokens.slice(j, k + 1).map((x, n) => (n > 0 && x.start > tokens[j + n - 1]!.end ? ' ' : '') + x.lower).join('');
    }
  }
  return undefined;
}

/** Head of the sentence's first noun phrase: what "X is 5 km long" measures. */
function sentenceSubject(tokens: Tok[]): string {
  let head = '';
  for (const t of tokens) {
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t.lemma;
    else if (head) break;
    else if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PUNCT') break;
  }
  return head;
}

/** "fined £4.2m", "raised $5bn": the verb right before an amount says what it is. */
function amountVerb(tokens: Tok[], first: number): string | undefined {
  // Skip an object in between: "fined the firm 4.2 million pounds".
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    const t = tokens[k]!;
    // A reduced relative clause ("a reward totaling $20,000", "a deal valued at $2 billion"): the
    // amount is the noun's, the participle only links them.
    // (The sentence's first word is capitalized whatever it is: "Fines totaling $20,000".)
    const noun = tokens[k - 1];
    const opening = k - 1 === 0 && noun?.pos === 'PROPN' && /^[A-Z][a-z]+$/.test(noun.v);
    if (t.pos === 'VERB' && /(?:ing|ed)$/.test(t.lower) && (noun?.pos === 'NOUN' || opening) && k === first - 1 - (tokens[first - 1]?.pos === 'ADP' ? 1 : 0)) return opening ? singular(noun!.lower, 'NOUN') : noun!.lemma;
    if (t.pos === 'VERB') return t.lower === `${t.lemma}ed` ? `${t.lemma}e` : t.lemma;
    if (t.pos !== 'PROPN' && t.pos !== 'PRON') return undefined;
  }
  return undefined;
}

/** The nearest noun before a quantity: what a money amount or bare count is about. */
/** The head of the name or noun group starting at `k`: the last word of a run of names, else the noun. */
function nameOrNounAt(tokens: Tok[], k: number): string {
  let e = k;
  while (tokens[e + 1] && tokens[e + 1]!.pos === tokens[k]!.pos && tokens[e + 1]!.pos === 'PROPN') e++;
  // "a Dutch hiker": a proper adjective before a common noun modifies it; the noun is the head.
  if (tokens[k]!.pos === 'NOUN' || (tokens[e + 1]?.pos === 'NOUN' && /^[a-z]/.test(tokens[e + 1]!.v))) while (tokens[e + 1]?.pos === 'NOUN') e++;
  return tokens[e]!.lemma;
}

function subjectBefore(tokens: Tok[], first: number): string {
  for (let k = first - 1; k >= Math.max(0, first - 8); k--) {
    const t = tokens[k]!;
    // (A measure before it holds nothing: "5 feet 8 inches tall, weighing 130 pounds".)
    if (UNITS[t.lower] || FEET_INCHES.test(t.lower) || /^\d/.test(t.v)) continue;
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && k > 0)) return t.lemma;
    if (t.v === '.' || t.v === ';') break;
  }
  return '';
}

function countedNoun(tokens: Tok[], last: number): { head: string; phrase: string; last: number; totalAt?: number } | undefined {
  let k = last + 1;
  if (tokens[k]?.lower === 'of' && tokens[k + 1]?.lower === 'the') k += 2;
  // "winning 12 of 15 races": the total right after "of".
  else if (tokens[k]?.lower === 'of' && tokens[k + 1] && parseNumber(tokens[k + 1]!)) k += 1;
  // "five of the seven counts": what is counted follows the total.
  let totalAt: number | undefined;
  if (k > last + 1 && tokens[k] && parseNumber(tokens[k]!)) totalAt = k++;
  const start = k;
  let headAt = -1;
  for (let n = 0; n < 5 && k < tokens.length; n++, k++) {
    const t = tokens[k]!;
    if (t.pos === 'NOUN' && /^[a-z]/.test(t.v)) headAt = k;
    // ("three prior theft convictions": a word the tagger read as an adverb inside the noun group.)
    else if (t.pos === 'ADV' && headAt < 0 && /^[a-z]/.test(t.v) && /^(NOUN|ADJ|PROPN)$/.test(tokens[k + 1]?.pos ?? '')) continue;
    else if (t.pos === 'ADJ' || t.pos === 'PROPN' || /^[A-Z]/.test(t.v) || (t.v === '-' && headAt < 0)) {
      if (headAt >= 0) break;
    } else if (headAt < 0 && k > start && /^\d+$/.test(t.v) && /^[A-Z]/.test(tokens[k - 1]!.v)) {
      // A model code written with a space ("six M 16 rifles", "two Boeing 737 jets") is part of the name.
    } else break;
  }
  if (headAt < 0) return undefined;
  const head = tokens[headAt]!;
  // Time and unit words are not things counted here ("two years", "three times").
  if (/^(time|times|year|month|week|day|hour|minute|second|percent)$/.test(head.lemma)) return undefined;
  // "200 rounds of ammunition", "12 tons of cocaine": what the counted units are of belongs to
  // the phrase (not "26 members of the gang": a determiner makes it another group).
  let end = headAt;
  if (tokens[headAt + 1]?.lower === 'of' && tokens[headAt + 2]?.pos === 'NOUN' && /^[a-z]/.test(tokens[headAt + 2]!.v)) {
    end = headAt + 2;
    while (tokens[end + 1]?.pos === 'NOUN' && /^[a-z]/.test(tokens[end + 1]!.v)) end++;
  }
  return {
    totalAt,
    head: head.lemma,
    // "12 of 15 club races": the total stays in what is shown.
    phrase: tokens.slice(totalAt === undefined ? start : last + 1, end + 1).map((x, idx, xs) => (idx > 0 && x.start > xs[idx - 1]!.end ? ' ' : '') + x.v).join(''),
    last: end,
  };
}

/** Formats a number the way news text does: thousands separators, no trailing zeros. */
export function displayNumber(v: number): string {
  // Hand-rolled: toLocaleString is slow enough to show up in ingest profiles.
  const sign = v < 0 ? '-' : '';
  const [int, frac] = String(Math.round(Math.abs(v) * 100) / 100).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? `.${frac}` : '');
}

