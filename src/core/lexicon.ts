/**
 * General English lexicons for news text: units, hedges, speech verbs, role words and
 * a small table of news synonyms. Nothing here is about one story.
 */
import { MONTHS } from './calendar.js';

/**
 * A lookup table without a prototype: words from questions and articles index these tables,
 * and "constructor" or "__proto__" must find nothing rather than Object's own members.
 */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** `obj[key]` only when `key` is the object's own entry (for maps built at run time or read from JSON). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export interface UnitDef {
  /** Dimension class: what kind of quantity this unit measures. */
  dim: 'length' | 'area' | 'weight' | 'money' | 'percent' | 'duration' | 'data' | 'speed' | 'volume' | 'energy' | 'temperature';
  /** Base unit the value is normalized to. */
  base: string;
  factor: number;
  /** Short form used when showing a value. */
  abbr: string;
}

const L = (factor: number, abbr: string): UnitDef => ({ dim: 'length', base: 'm', factor, abbr });
const D = (factor: number, abbr: string): UnitDef => ({ dim: 'duration', base: 'd', factor, abbr });

/** Unit words (lower-case, singular and plural) to their definition. */
export const UNITS: Record<string, UnitDef> = table({
  m: L(1, 'm'), meter: L(1, 'm'), meters: L(1, 'm'), metre: L(1, 'm'), metres: L(1, 'm'),
  km: L(1000, 'km'), kms: L(1000, 'km'), kilometer: L(1000, 'km'), kilometers: L(1000, 'km'), kilometre: L(1000, 'km'), kilometres: L(1000, 'km'),
  cm: L(0.01, 'cm'), centimeter: L(0.01, 'cm'), centimeters: L(0.01, 'cm'), centimetre: L(0.01, 'cm'), centimetres: L(0.01, 'cm'),
  mm: L(0.001, 'mm'), millimeter: L(0.001, 'mm'), millimeters: L(0.001, 'mm'), millimetre: L(0.001, 'mm'), millimetres: L(0.001, 'mm'),
  ft: L(0.3048, 'ft'), foot: L(0.3048, 'ft'), feet: L(0.3048, 'ft'),
  inch: L(0.0254, 'in'), inches: L(0.0254, 'in'),
  yd: L(0.9144, 'yd'), yard: L(0.9144, 'yd'), yards: L(0.9144, 'yd'),
  mi: L(1609.344, 'mi'), mile: L(1609.344, 'mi'), miles: L(1609.344, 'mi'),
  kg: { dim: 'weight', base: 'kg', factor: 1, abbr: 'kg' }, kilogram: { dim: 'weight', base: 'kg', factor: 1, abbr: 'kg' }, kilograms: { dim: 'weight', base: 'kg', factor: 1, abbr: 'kg' },
  g: { dim: 'weight', base: 'kg', factor: 0.001, abbr: 'g' }, gram: { dim: 'weight', base: 'kg', factor: 0.001, abbr: 'g' }, grams: { dim: 'weight', base: 'kg', factor: 0.001, abbr: 'g' },
  tonne: { dim: 'weight', base: 'kg', factor: 1000, abbr: 't' }, tonnes: { dim: 'weight', base: 'kg', factor: 1000, abbr: 't' },
  ton: { dim: 'weight', base: 'kg', factor: 907.185, abbr: 'ton' }, tons: { dim: 'weight', base: 'kg', factor: 907.185, abbr: 'ton' },
  lb: { dim: 'weight', base: 'kg', factor: 0.4536, abbr: 'lb' }, lbs: { dim: 'weight', base: 'kg', factor: 0.4536, abbr: 'lb' }, pounds: { dim: 'weight', base: 'kg', factor: 0.4536, abbr: 'lb' },
  hectare: { dim: 'area', base: 'm2', factor: 10_000, abbr: 'ha' }, hectares: { dim: 'area', base: 'm2', factor: 10_000, abbr: 'ha' },
  acre: { dim: 'area', base: 'm2', factor: 4046.86, abbr: 'acres' }, acres: { dim: 'area', base: 'm2', factor: 4046.86, abbr: 'acres' },
  '%': { dim: 'percent', base: '%', factor: 1, abbr: '%' }, percent: { dim: 'percent', base: '%', factor: 1, abbr: '%' },
  year: D(365, 'years'), years: D(365, 'years'), month: D(30, 'months'), months: D(30, 'months'),
  week: D(7, 'weeks'), weeks: D(7, 'weeks'), day: D(1, 'days'), days: D(1, 'days'),
  hour: D(1 / 24, 'hours'), hours: D(1 / 24, 'hours'), minute: D(1 / 1440, 'minutes'), minutes: D(1 / 1440, 'minutes'),
  gb: { dim: 'data', base: 'GB', factor: 1, abbr: 'GB' }, mb: { dim: 'data', base: 'GB', factor: 0.001, abbr: 'MB' }, tb: { dim: 'data', base: 'GB', factor: 1000, abbr: 'TB' },
  mph: { dim: 'speed', base: 'km/h', factor: 1.609344, abbr: 'mph' }, kph: { dim: 'speed', base: 'km/h', factor: 1, abbr: 'km/h' }, 'km/h': { dim: 'speed', base: 'km/h', factor: 1, abbr: 'km/h' },
  liter: { dim: 'volume', base: 'l', factor: 1, abbr: 'l' }, liters: { dim: 'volume', base: 'l', factor: 1, abbr: 'l' }, litre: { dim: 'volume', base: 'l', factor: 1, abbr: 'l' }, litres: { dim: 'volume', base: 'l', factor: 1, abbr: 'l' },
  barrel: { dim: 'volume', base: 'l', factor: 158.987, abbr: 'barrels' }, barrels: { dim: 'volume', base: 'l', factor: 158.987, abbr: 'barrels' },
  c: { dim: 'temperature', base: '°C', factor: 1, abbr: '°C' }, f: { dim: 'temperature', base: '°F', factor: 1, abbr: '°F' },
  fahrenheit: { dim: 'temperature', base: '°F', factor: 1, abbr: '°F' }, celsius: { dim: 'temperature', base: '°C', factor: 1, abbr: '°C' },
  '°f': { dim: 'temperature', base: '°F', factor: 1, abbr: '°F' }, '°c': { dim: 'temperature', base: '°C', factor: 1, abbr: '°C' },
  degrees: { dim: 'temperature', base: '°', factor: 1, abbr: 'degrees' }, degree: { dim: 'temperature', base: '°', factor: 1, abbr: 'degrees' },
  mw: { dim: 'energy', base: 'MW', factor: 1, abbr: 'MW' }, megawatt: { dim: 'energy', base: 'MW', factor: 1, abbr: 'MW' }, megawatts: { dim: 'energy', base: 'MW', factor: 1, abbr: 'MW' },
});

/** Currency symbols and words to ISO codes. */
export const CURRENCIES: Record<string, string> = table({
  $: 'USD', us$: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', gbp: 'GBP', sterling: 'GBP', pounds: 'GBP',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  '¥': 'JPY', yen: 'JPY', jpy: 'JPY', yuan: 'CNY', rmb: 'CNY', rupees: 'INR', rupee: 'INR', inr: 'INR',
  a$: 'AUD', aud: 'AUD', c$: 'CAD', cad: 'CAD', chf: 'CHF', francs: 'CHF', rubles: 'RUB', roubles: 'RUB',
});

export const CURRENCY_SYMBOL: Record<string, string> = table({ USD: '$', GBP: '£', EUR: '€', JPY: '¥' });

/** Number words to values. */
export const NUMBER_WORDS: Record<string, number> = table({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, dozen: 12, hundred: 100,
});

export const MULTIPLIERS: Record<string, number> = table({
  hundred: 100, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6,
});

export type Hedge = 'about' | 'below' | 'above' | 'upto';

/** Hedge phrases before a number, longest first, and how they widen it. */
export const HEDGES: [string, Hedge][] = [
  ['more than', 'above'], ['greater than', 'above'], ['at least', 'above'], ['upwards of', 'above'], ['in excess of', 'above'],
  ['less than', 'upto'], ['fewer than', 'upto'], ['as many as', 'upto'], ['as much as', 'upto'], ['up to', 'upto'], ['no more than', 'upto'],
  ['an estimated', 'about'], ['close to', 'below'], ['just under', 'below'], ['just over', 'above'],
  ['approximately', 'about'], ['approx', 'about'], ['about', 'about'], ['around', 'about'], ['roughly', 'about'], ['some', 'about'],
  ['estimated', 'about'], ['nearly', 'below'], ['almost', 'below'], ['over', 'above'], ['under', 'upto'], ['below', 'upto'], ['above', 'above'],
];

/** Verbs whose measure after them is a size, not how far something went ("it measures 5 m"). */
export const SIZE_VERBS = new Set(['be', 'measure', 'stretch', 'span', 'rise', 'tower', 'stand', 'grow', 'reach', 'extend', 'cover', 'total', 'weigh', 'run', 'have']);

/** Adjectives after a measure that say which dimension it is. */
export const DIMENSION_WORDS: Record<string, string> = table({
  long: 'length', length: 'length', lengthy: 'length',
  high: 'height', tall: 'height', height: 'height', elevation: 'height',
  wide: 'width', width: 'width', across: 'width', broad: 'width', diameter: 'width',
  thick: 'thickness', thickness: 'thickness',
  deep: 'depth', depth: 'depth',
  above: 'height', below: 'depth', beneath: 'depth', underground: 'depth', underwater: 'depth', away: 'distance', from: 'distance', north: 'distance', south: 'distance', east: 'distance', west: 'distance',
  northeast: 'distance', northwest: 'distance', southeast: 'distance', southwest: 'distance', offshore: 'distance', inland: 'distance',
  'north-east': 'distance', 'north-west': 'distance', 'south-east': 'distance', 'south-west': 'distance', distance: 'distance', far: 'distance', off: 'distance',
  old: 'age',
});

/** Verbs that attribute a statement to a speaker. */
/** Verbs whose "who" asks for a speaker: "who called it …", "who described …" (the attribution answers). */
export const SAYING_VERBS = new Set(['say', 'call', 'describe', 'tweet', 'announce', 'claim', 'warn', 'report', 'tell', 'write', 'state', 'term',
  'label', 'dub', 'brand', 'quote', 'confirm', 'deny', 'estimate', 'predict', 'promise', 'vow', 'threaten', 'praise', 'criticize', 'criticise']);

export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'tweet', 'write', 'state', 'announce', 'report', 'claim', 'confirm', 'explain', 'warn',
  'note', 'insist', 'estimate', 'argue', 'deny', 'acknowledge', 'allege', 'assert', 'read', 'reveal', 'admit', 'comment',
]);

/** Role nouns a "who is the … of X" question can ask for. */
export const ROLE_NOUNS = new Set([
  'president', 'chairman', 'chairwoman', 'chair', 'ceo', 'head', 'leader', 'chief', 'director', 'minister', 'governor', 'mayor',
  'judge', 'founder', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'owner', 'editor', 'manager', 'secretary',
  'ambassador', 'envoy', 'coach', 'captain', 'prosecutor', 'lawyer', 'attorney',
]);

/** Words that make a capitalized run a role or title rather than a name. */
export const ROLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father',
  'president', 'vice', 'prime', 'minister', 'secretary', 'general', 'gen', 'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt',
  'admiral', 'sergeant', 'commander', 'chief', 'officer', 'executive', 'director', 'chairman', 'chairwoman', 'chair',
  'ceo', 'cfo', 'coo', 'cto', 'founder', 'co-founder', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor',
  'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'spokesperson', 'analyst', 'editor', 'reporter', 'correspondent', 'manager', 'head', 'leader', 'deputy', 'operating',
  'financial', 'technology', 'special', 'presidential', 'senior', 'vp', 'sheikh', 'emir', 'ayatollah', 'counsel', 'attorney',
]);

/** Titles that directly precede a person's name. */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'president', 'senator', 'sen', 'rep', 'governor',
  'mayor', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'admiral', 'sergeant', 'king', 'queen', 'prince',
  'princess', 'pope', 'judge', 'justice', 'ambassador', 'envoy', 'ceo', 'chairman', 'analyst', 'minister', 'secretary',
  'spokesman', 'spokeswoman', 'spokesperson', 'founder', 'co-founder', 'director', 'lt', 'maj', 'commander', 'sheikh', 'officer',
]);

/**
 * Abbreviations written before what they qualify, so a sentence never ends with one: a title
 * before a name ("Rev.", "Det."), "vs." and "v." between two sides.
 */
export const LEADING_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'rev', 'fr', 'gov', 'sen', 'rep', 'pres', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt',
  'det', 'insp', 'supt', 'atty', 'vs', 'v',
]);

/** Words that mark a capitalized run as an organisation. */
export const ORG_WORDS = new Set([
  'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'llc', 'plc', 'group', 'command', 'forces', 'force', 'army',
  'council', 'ministry', 'department', 'agency', 'committee', 'commission', 'nations', 'union', 'party', 'coalition',
  'university', 'institute', 'bank', 'court', 'parliament', 'congress', 'senate', 'government', 'police', 'news',
  'times', 'post', 'press', 'network', 'association', 'foundation', 'organization', 'organisation', 'corps', 'fund',
  'systems', 'technologies', 'motors', 'airlines', 'board', 'office', 'service', 'services', 'media', 'label', 'records',
  'state', 'guard', 'navy', 'brigade', 'militia', 'front', 'movement', 'administration', 'authority', 'federation', 'club',
]);

/** Words that mark a capitalized run as an event or a work, not a person. */
export const EVENT_WORDS = new Set([
  'conference', 'summit', 'festival', 'expo', 'exhibition', 'fair', 'show', 'games', 'cup', 'championship', 'award', 'awards',
  'prize', 'war', 'battle', 'operation', 'act', 'treaty', 'agreement', 'accord', 'program', 'programme', 'project', 'store',
  'kit', 'system', 'day', 'week', 'season', 'series', 'edition', 'version', 'model', 'plan', 'initiative', 'campaign', 'keynote',
]);

/** Words that mark a capitalized run as a place. */
export const PLACE_WORDS = new Set([
  'river', 'city', 'town', 'village', 'province', 'state', 'county', 'district', 'street', 'road', 'avenue', 'square',
  'mountain', 'mountains', 'lake', 'sea', 'ocean', 'island', 'islands', 'valley', 'bay', 'gulf', 'desert', 'region',
  'east', 'west', 'north', 'south', 'bridge', 'wall', 'center', 'centre', 'park', 'airport', 'port', 'hall', 'palace', 'mosque', 'church', 'stadium',
]);

/**
 * News synonyms: words a question and an article use for the same thing. Each set is
 * general English; matches through it count for less than an exact match.
 */
export const SYNONYM_SETS: string[][] = [
  ['fighter', 'militant', 'jihadist', 'soldier', 'troop', 'combatant', 'insurgent', 'rebel', 'force', 'gunman', 'defender'],
  ['seize', 'capture', 'overrun', 'conquer', 'occupy', 'retake'],
  ['begin', 'start', 'launch', 'commence', 'open', 'kick', 'break', 'erupt', 'ignite', 'spark'],
  ['end', 'finish', 'conclude', 'close', 'stop'],
  ['cost', 'price', 'pay', 'charge', 'sell', 'retail', 'fee'],
  ['die', 'death', 'dead', 'kill', 'toll', 'fatality', 'pass'],
  ['say', 'state', 'tell', 'announce', 'declare', 'claim', 'describe', 'call', 'tweet', 'write'],
  ['hit', 'target', 'strike', 'attack', 'bomb'],
  ['breach', 'break', 'pierce', 'penetrate', 'open', 'enter'],
  ['enter', 'cross', 'reach', 'penetrate', 'pierce'],
  ['build', 'construct', 'erect', 'complete'],
  ['trap', 'stick', 'strand'],
  ['buy', 'purchase', 'acquire'],
  ['succeed', 'replace', 'successor'],
  ['sue', 'lawsuit', 'suit', 'litigation'],
  ['lose', 'loss', 'defeat'],
  ['win', 'victory', 'beat'],
  ['tall', 'high', 'height'],
  ['long', 'length'],
  ['wide', 'width', 'broad'],
  ['big', 'large', 'size'],
  ['attendee', 'attend', 'participant', 'visitor', 'delegate', 'people'],
  ['company', 'firm', 'corporation', 'business', 'maker'],
  ['outlet', 'source', 'article', 'report', 'publication'],
  ['town', 'city', 'village'],
  ['civilian', 'resident', 'people', 'inhabitant'],
  ['population', 'resident', 'inhabitant'],
  ['wound', 'injure', 'hurt'],
  ['release', 'launch', 'unveil', 'introduce', 'announce'],
  ['earthquake', 'quake', 'tremor', 'temblor', 'shock'],
  ['destroy', 'wreck', 'flatten', 'devastate', 'level', 'raze', 'ruin'],
  ['displace', 'homeless', 'evacuate', 'flee', 'uproot', 'force'],
  ['pledge', 'promise', 'commit', 'provide', 'donate', 'give', 'offer'],
  ['hit', 'strike', 'jolt', 'rock'],
  ['rescue', 'save', 'pull'],
  ['recall', 'withdraw'],
  ['car', 'vehicle', 'sedan', 'suv', 'automobile', 'truck', 'pickup'],
  ['stock', 'share', 'shares'],
  ['drop', 'fall', 'decline', 'slide', 'slump', 'plunge', 'sink', 'dip', 'tumble'],
  ['rise', 'climb', 'gain', 'jump', 'increase', 'grow', 'surge'],
  ['injury', 'injure', 'wound', 'hurt'],
  ['run', 'head', 'lead', 'chief', 'boss', 'executive', 'leader'],
  ['investigation', 'probe', 'inquiry'],
  ['home', 'house', 'dwelling', 'residence'],
  ['governor', 'gov'],
  ['prosecute', 'prosecutor', 'prosecution'],
  ['charge', 'count', 'offence', 'offense'],
  ['case', 'trial', 'lawsuit', 'proceedings', 'prosecution'],
  ['ban', 'bar', 'disqualify', 'prohibit'],
  ['sentence', 'sentencing', 'jail', 'imprison'],
  ['contain', 'containment'],
  ['regulator', 'agency', 'administration', 'authority', 'watchdog', 'commission', 'regulate', 'oversee'],
  ['complaint', 'report'],
];

/** Abbreviations written out in news text ("CEO" → "chief executive"); each word must appear. */
export const ABBREVIATIONS: Record<string, string[]> = table({
  ceo: ['chief', 'executive'], cfo: ['chief', 'financial'], coo: ['chief', 'operating'], cto: ['chief', 'technology'],
  vp: ['vice', 'president'], pm: ['prime', 'minister'], gm: ['general', 'manager'],
});

/** Abbreviated words inside place names, read as written in full ("Mt Sefa" is "Mount Sefa"). */
export const NAME_ABBREVIATIONS: Record<string, string> = table({ mt: 'mount', ft: 'fort' });

/** Words a name's initials leave out ("Federal Bureau of Investigation": "FBI"). */
export const INITIAL_SKIPS = new Set(['of', 'the', 'de', 'al']);

const SYNONYMS = new Map<string, Set<string>>();
for (const set of SYNONYM_SETS) {
  for (const w of set) {
    const s = SYNONYMS.get(w) ?? new Set<string>();
    for (const o of set) if (o !== w) s.add(o);
    SYNONYMS.set(w, s);
  }
}

/** One name for each synonym set, so "quake" and "earthquake" key the same claim. */
export function canonical(lemma: string): string {
  for (const set of SYNONYM_SETS) if (set.includes(lemma)) return set[0]!;
  return lemma;
}

/** The synonyms of a lemma (not including itself). */
export function synonymsOf(lemma: string): ReadonlySet<string> {
  return SYNONYMS.get(lemma) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Question words and scaffolding that carry no content for matching. */
export const QUESTION_STOP = new Set([
  'who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'do', 'does', 'did', 'be', 'is', 'are', 'was',
  'were', 'been', 'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'about', 'into', 'and',
  'or', 'it', 'its', 'they', 'them', 'their', 'there', 'that', 'this', 'these', 'those', 'have', 'has', 'had', 'many',
  'much', 'long', 'tall', 'high', 'wide', 'far', 'old', 'big', 'large', 'deep', 'thick', 'heavy', 'year', 'date', 'day',
  'time', 'month', 'number', 'amount', 'total', 'according', 'coverage', 'story', 'news', 'tell', 'me', 'us', 'please',
  'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must', 'any', 'some', 'each', 'every', 'all',
  'exactly', 'approximately', 'roughly', 'currently', 'now', 'still', 'also', 'just', 'only', 'very', 'so', 'as', 'than',
  'he', 'she', 'his', 'her', 'him', 'i', 'you', 'we', 'our', 'your', 'one', 'get', 'go', 'happen', 'know', 'report',
  'mention', 'source', 'outlet', 'article', 'say', 'exist', 'length', 'height', 'width', 'depth', 'size', 'measure',
  'hot', 'cold', 'warm', 'fast', 'quick', 'strong', 'powerful', 'severe', 'intense', 'pls', 'plz', 'please', 'thx', 'thanks',
  'lol', 'btw', 'fyi', 'asap', 'ok', 'okay', 'hey', 'hi', 'hello', 'guys', 'anyone', 'somebody', 'someone',
]);

/** Words a chat question may open with before it asks anything ("wait, who was …", "so how many …"). */
export const DISCOURSE_OPENERS = ['wait', 'so', 'ok', 'okay', 'hey', 'hi', 'hello', 'um', 'umm', 'uh', 'hmm', 'well', 'and', 'but', 'also', 'btw', 'lol', 'yo', 'oh', 'ah', 'guys', 'sorry', 'actually', 'anyway', 'please', 'quick question', 'question'];

/** Weekday names, indexed as `Date.getDay()` counts them (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Nouns that name a stretch of time, as in "last summer", "this week", "next Tuesday", "last March". */
export const TIME_NOUNS = new Set([
  'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'month', 'year', 'decade', 'century', 'season',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'quarter', 'term', 'time', ...WEEKDAYS, ...MONTHS,
]);

/** Time zones a clock time may name ("4:30 p.m. ET", "0630 GMT", "at 9 local time"), as a regular-expression alternation. */
export const TIME_ZONES = 'GMT|UTC|[ECMP][SD]?T|BST|CET|IST|local time';

/** Words before a time noun that make it a time of its own ("last summer", "this week"), not part of a noun group. */
export const TIME_DETERMINERS = new Set(['last', 'next', 'this', 'past', 'coming', 'previous', 'following']);

/**
 * Words that make a question's prepositional phrase a time of its own ("this season", "last
 * night", "back in the day"): no participant or place the clause must be found with.
 */
export const QUESTION_TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'month', 'year', 'season',
  'winter', 'summer', 'spring', 'autumn', 'fall', ...WEEKDAYS, 'this', 'last', 'next']);

/** Words that negate a verb group ("did not", "never"). */
export const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no']);

/** Verb particles that belong to the verb before them ("step down", "pull out"). */
export const PARTICLES = new Set(['up', 'down', 'out', 'off', 'away', 'back', 'over']);

/** Predeterminers: they come before a determiner in one noun group ("half the roof", "all the men"). */
export const PREDETERMINERS = new Set(['all', 'both', 'half', 'double', 'twice']);

/** Quantifiers a partitive "of" follows: "half of the deck", "most of the crew" are some of the deck, of the crew. */
export const PARTITIVES = new Set(['half', 'most', 'all', 'some', 'many', 'much', 'rest', 'majority', 'bulk', 'remainder', 'several', 'few', 'both', 'each', 'any']);

/** Negative determiners and pronouns: a subject or object made with one negates its clause ("no one was hurt", "she had no children"). */
export const NEGATIVE_DETERMINERS = new Set(['no', 'none', 'nobody', 'neither', 'nothing']);

/** Nouns naming a tally: a bare figure they lead up to counts what they tally ("the death toll rose to 22"). */
export const TALLY_NOUNS = new Set(['toll', 'number', 'total', 'tally', 'count', 'figure']);

/** Possessive determiners: they start a noun group rather than stand for one. */
export const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose']);

/** Subordinating conjunctions that open a cause or time clause. */
export const SUBORDINATORS = new Set(['because', 'after', 'since', 'while', 'although', 'though', 'unless', 'before', 'until', 'whereas']);

/** Prepositions no bare verb can follow ("for comment", "under review"): a word tagged a verb after one is a noun. */
export const BARE_VERB_BLOCKERS = new Set(['for', 'of', 'from', 'with', 'without', 'under', 'into', 'upon', 'about', 'at', 'by', 'in', 'on', 'over', 'through', 'during']);

/** Verbs whose "to" complement did not happen: "refused to resign", "dismissed calls to quit". */
export const NEGATIVE_GOVERNORS = new Set(['refuse', 'decline', 'deny', 'reject', 'dismiss', 'fail', 'rule', 'resist', 'rebuff', 'oppose']);

/** Verbs, nouns and adjectives whose "to" complement is wanted, planned or expected, not done: "plans to buy", "calls to quit", "likely to sign". */
export const IRREALIS_GOVERNORS = new Set(['plan', 'want', 'like', 'love', 'prefer', 'hope', 'expect', 'try', 'seek', 'aim', 'intend', 'threaten', 'ask', 'urge', 'call', 'propose', 'offer', 'agree', 'promise', 'vow', 'need', 'consider', 'wish', 'attempt', 'decide', 'demand', 'pressure', 'push', 'mean', 'suppose', 'schedule', 'likely', 'unlikely',
  'chance', 'opportunity', 'bid', 'effort']);

/** Verbs that carry no event of their own ("did the agency *give*", "*get* hurt", "*take* the stand"). */
export const LIGHT_VERBS = new Set(['be', 'get', 'give', 'make', 'take', 'have', 'do', 'put', 'go', 'come', 'keep', 'let', 'become', 'seem', 'remain', 'stay', 'happen']);

/** Pronouns that stand for one person: the subject of "she was 83". */
export const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);

/** Words before the unit an amount is counted per: "$5 million per season", "90 miles an hour". */
export const RATE_WORDS = new Set(['per', 'a', 'an', 'each']);

/** Third-person pronouns of one person, as subject or object: the person named last before them. */
export const HE_SHE = new Set(['he', 'she', 'him', 'her']);

/** Pronouns that stand for a thing as an object ("used it"): the object of the clause before. */
export const THING_PRONOUNS = new Set(['it', 'them']);

/** First-person pronouns: in a quote, its speaker. */
export const FIRST_PERSON = new Set(['i', 'me', 'we', 'us']);

/** Kinds of place that open their names: "Mount Sefa", "Lake Ohau", "Cape Horn", "Gulf of Oman". */
export const PLACE_OPENERS = new Set(['mount', 'mt', 'lake', 'cape', 'fort', 'port', 'isle', 'gulf', 'bay', 'sea', 'river', 'loch', 'glacier', 'point']);

/**
 * Prepositions of place: a name after one is most often a place. Not "to" ("lost to the Otters",
 * "talked to Reuters") nor "on" ("on Twitter", "on Monday"), which as often take teams and people.
 */
export const LOCATIVE_PREPS = new Set(['in', 'at', 'from', 'near', 'into', 'across', 'outside', 'inside']);

/** Words a WordNet definition puts between its verb and the word it is about ("take *into* custody", "find *someone* guilty"). */
export const GLOSS_FILLERS = new Set(['a', 'an', 'the', "one's", 'oneself', 'into', 'to', 'in', 'on', 'from', 'with', 'of', 'as', 'up', 'out', 'off', 'for', 'at', 'by', 'someone', 'something', 'somebody', 'person']);

/** Prepositions of place that seldom take a person ("disappeared *off* Dunford Ridge"). */
export const SPATIAL_PREPOSITIONS = ['off', 'onto', 'atop', 'along', 'across', 'up', 'down', 'near', 'into'];

/** Words that make a role one held before ("a *former* director", "an *ex-*coach"). */
export const FORMER_WORDS = ['former', 'ex-', 'onetime', 'one-time'];
