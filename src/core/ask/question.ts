/**
 * The intent matcher: a question becomes an intent with slots (what dimension, which
 * noun it is about, which terms must be supported), using wink-nlp for lemmas and POS.
 */
import type { IntentType } from '../types.js';
import type { Nlp } from '../nlp.js';
import { ABBREVIATIONS, CURRENCIES, DISCOURSE_OPENERS, LIGHT_VERBS, QUESTION_STOP, ROLE_NOUNS, table, UNITS } from '../lexicon.js';
import { splitTerm } from '../terms.js';
import { chunk, docTokens, readTokens } from '../syntax.js';

export interface QTerm {
  term: string;
  /** The word as typed, when the term is its lemma ("jobs" for "job"): a lower-cased name may be meant. */
  surface?: string;
  /** The word as typed when the term is one of its split forms ("ak-47s" for "ak47"). */
  word?: string;
  /** For a name followed by its noun ("Morandi Bridge"): that noun, so "the bridge" can stand for it. */
  head?: string;
  weight: number;
  /** For the head of a compound ("defense lawyer"): the noun before it, which narrows what it is. */
  modifier?: string;
  /** Other words the coverage may use for a common noun (its WordNet synonyms), and how much each counts. */
  alts?: { word: string; strength: number }[];
  /** A name or number: the coverage must contain it, or the bot abstains. */
  name: boolean;
  pos: string;
}

export interface Question {
  text: string;
  intent: IntentType;
  /** quantity: the dimension wanted (length, height, count, money, age, ...). */
  dimension?: string;
  /** date: the precision asked for. */
  precision?: 'year' | 'month' | 'day' | 'time';
  /** The noun the question is about ("how many *fighters*", "how long is the *wall*"), lemma. */
  focus?: string;
  /** "which *river*", "what *company*": the kind of thing wanted, lemma. */
  typeNoun?: string;
  /** person: "who is X" asks for a description of X. */
  describe?: string;
  /** person: "who is the *president* of X" asks for someone with that role. */
  role?: string;
  /** person: "who is the *pastor* (of X)", a noun no role list names: a role when WordNet files it under person; checked when answering. */
  roleNoun?: string;
  /** person: the noun a relative clause describes ("who was the *woman* killed …"): the kind of answer. */
  describedHead?: string;
  /** person: "who is the *commerce* secretary": the words that narrow the role. */
  roleBy?: string;
  /** person: "who is the president *of X*": what the role belongs to. */
  roleOf?: string;
  /** person: "what does X stand for" asks for the expansion of an acronym. */
  expand?: boolean;
  /** "… according to the sheriff": the words of who the asker wants it from. */
  per?: QTerm[];
  /** quote: who is quoted. */
  speaker?: string;
  /** entity: what kind of thing the asked kind is, by WordNet ("judge" a person, "team" a group); set when answering. */
  kindOf?: 'person' | 'group' | 'place' | 'thing';
  /** The question's main verb as its frame reads it ("arrest" in "how many did police arrest"); set by the engine. */
  eventVerb?: string;
  /** quantity: nouns naming the asked event ("arrest" for "how many did police arrest"); set when answering. */
  eventNouns?: Set<string>;
  /** quantity: the focus and its WordNet synonyms ("ammo": "ammunition"); set when answering. */
  focusForms?: Set<string>;
  /** date: the asked verb and the words that can stand for it (WordNet synonyms, derived forms); set when answering. */
  eventForms?: Set<string>;
  /** quantity: the focus is a kind of person ("the guy", "the receptionist"); set when answering. */
  personFocus?: boolean;
  /** quantity: "how many" was followed by a counted thing no noun could be read from ("AK-47s"). */
  unreadCount?: boolean;
  /** person: "whose *record* did he break": the noun the answer possesses. */
  possessed?: string;
  /** entity: "where is she from": a place the text writes after "from". */
  origin?: boolean;
  /** entity: "what was the shop called", "the name of her label": the name of a thing the question describes. */
  naming?: boolean;
  /** "the latest toll": prefer the newest source over the best supported. */
  latest?: boolean;
  /** quantity: the currency a sum is asked in ("how much in dollars": "USD"). */
  currency?: string;
  /** quantity: asked by its unit alone ("how many miles"), so a length or a distance answers. */
  byUnit?: boolean;
  /** coverage: which sources mention the terms, or report the answer of `sub`. */
  coverage?: 'mention' | 'report' | 'count';
  sub?: Question;
  terms: QTerm[];
}

const DIMENSIONS: Record<string, string> = table({
  many: 'count', much: 'money', long: 'length', tall: 'height', high: 'height', wide: 'width', far: 'distance',
  deep: 'depth', thick: 'thickness', big: 'size', large: 'size', old: 'age', heavy: 'weight', often: 'count',
  hot: 'temperature', cold: 'temperature', warm: 'temperature', fast: 'speed', quick: 'speed', soon: 'duration',
  strong: 'magnitude', powerful: 'magnitude', severe: 'magnitude', intense: 'magnitude',
});

const NOUN_DIMENSIONS: Record<string, string> = table({
  length: 'length', height: 'height', width: 'width', depth: 'depth', thickness: 'thickness', distance: 'distance',
  price: 'money', cost: 'money', value: 'money', worth: 'money', budget: 'money', fine: 'money', salary: 'money', revenue: 'money',
  size: 'size', area: 'area', population: 'count', number: 'count', toll: 'count', age: 'age', weight: 'weight',
  magnitude: 'magnitude', strength: 'magnitude', intensity: 'magnitude', temperature: 'temperature', containment: 'percent',
  penalty: 'money', bail: 'money', settlement: 'money', damages: 'money', sentence: 'duration',
  percentage: 'percent', share: 'percent', rate: 'percent', speed: 'speed', duration: 'duration', capacity: 'size',
});



/** Words that frame a topic rather than name it ("the 100,000 *figure*", "the *claim* that …"). */
const GENERIC_TOPIC = /^(figure|number|claim|detail|fact|information|report|news|story|thing|statement|mention|part|bit|piece)s?$/;

/** "the latest toll", "the current figure": the newest source should win. */
const LATEST = /\b(latest|late|current|currently|newest|most recent|updated|final|now|so far|to date|as of|yet|still)\b/;

const SOURCE_WORDS = '(?:sources?|outlets?|news outlets?|articles?|reports?|publications?|papers?|newspapers?|media|websites?|sites?|stories|coverage)';
const MENTION_VERBS = /^(?:mention|mentions|mentioned|cover|covers|covered|name|names|named|cite|cites|cited|discuss|discusses|discussed|talk about|talks about|refer to|refers to|include|includes|report on|reports on|write about|writes about|say anything about|carry|carries|feature|features)\b/;

/** Parses a question into an intent with slots. Never throws. */
/** The longest question any face accepts; longer ones get a clear refusal, never a silent cut. */
export const MAX_QUESTION_LENGTH = 1000;

export function parseQuestion(raw: string, nlp: Nlp): Question {
  const text = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH);
  const asked = fixHowTypos(withoutOpeners(lastQuestion(text)).replace(/[?!.]+$/, ''));
  // "How tall is she, according to the coroner?": who says it is a preference among sources, not words the answer's sentence must hold.
  const according = ACCORDING.exec(asked);
  const q = according ? `${asked.slice(0, according.index)}${asked.slice(according.index + according[0].length)}`.replace(/^\s*,\s*/, '').trim() : asked;
  const lower = q.toLowerCase();
  const base: Question = { text, intent: 'none', terms: [], ...(according ? { per: termsOf(according[1]!, nlp) } : {}) };
  if (!/[a-z]/i.test(q)) return base;

  if (/\b(timeline|chronology|sequence of events|chronological)\b/.test(lower)) return { ...base, intent: 'timeline' };
  if (new RegExp(`^(?:(?:please )?(?:list|show|give)(?: me)?(?: all)?(?: the)? ${SOURCE_WORDS}|(?:what|which) (?:are|were) (?:the|your) ${SOURCE_WORDS}|${SOURCE_WORDS})$`).test(lower)) {
    return { ...base, intent: 'sources' };
  }

  // "Which outlets disagree?" asks for the disagreements, not for outlets that mention a word.
  const disagreeing = /^(?:which|what)(?: of the)? \S+ (?:disagree|differ|contradict|conflict)\w*\b/.test(lower);
  const coverage = disagreeing ? null : new RegExp(`^(?:which|what|how many)(?: of the)? ${SOURCE_WORDS} (.+)$`).exec(lower);
  if (coverage) {
    const rest = q.slice(q.length - coverage[1]!.length);
    const count = lower.startsWith('how many');
    const mention = MENTION_VERBS.exec(rest.toLowerCase());
    if (mention) {
      const topic = rest.slice(mention[0].length);
      return { ...base, intent: 'coverage', coverage: count ? 'count' : 'mention', terms: termsOf(topic, nlp).filter((t) => !GENERIC_TOPIC.test(t.term)) };
    }
    // "which outlets report how high the bridge is" / "which sources say the bridge is 1 km long"
    const verb = /^(?:\w+)\s+(?:that\s+)?/.exec(rest);
    const inner = verb ? rest.slice(verb[0].length) : rest;
    // "which sources report the death toll / the height of the wall": the figure is the question.
    const lead = inner.toLowerCase().replace(/^(?:the|a|an)\s+/, '').split(/\s+/).slice(0, 2);
    if (lead.some((w) => NOUN_DIMENSIONS[w]) && !/^(how|when|who|what|which|where|why)\b/i.test(inner)) {
      const sub = parseQuestion(`what is ${inner}`, nlp);
      if (sub.intent === 'quantity') return { ...base, intent: 'coverage', coverage: count ? 'count' : 'report', sub, terms: sub.terms };
    }
    if (!/^(how|when|who|what|which|where|why)\b/i.test(inner)) {
      // "how many sources report the 1,200-meter length": which sources carry those words.
      return { ...base, intent: 'coverage', coverage: count ? 'count' : 'mention', terms: termsOf(inner, nlp).filter((t) => !GENERIC_TOPIC.test(t.term)) };
    }
    const sub = parseQuestion(/^(how|when|who|what|which|where|why)\b/i.test(inner) ? inner : `what ${inner}`, nlp);
    return { ...base, intent: 'coverage', coverage: count ? 'count' : 'report', sub, terms: sub.terms.length ? sub.terms : termsOf(inner, nlp) };
  }

  if (/\b(disagree|differ|conflict|contradict|inconsisten|discrepan|dispute|agree)\w*/.test(lower)
    && (new RegExp(`\\b${SOURCE_WORDS}\\b|\\bthey\\b|\\bcoverage\\b`).test(lower) || /\b(disagreement|discrepanc\w*|inconsistenc\w*|conflicting)\b/.test(lower))) {
    const topic = lower.replace(/.*?\b(?:disagree|differ|conflict|contradict|agree|discrepan|inconsisten)\w*\s*(?:on|about|over|regarding|in|between)?\s*/, '').replace(/['’]s\b/g, '');
    // "how strong the earthquake was" → magnitude: measure words name the attribute in dispute.
    const measures = [...topic.matchAll(/\b(\w+)\b/g)].map((m) => DIMENSIONS[m[1]!] ?? NOUN_DIMENSIONS[m[1]!]).filter((d): d is string => Boolean(d) && d !== 'money' || /\b(cost|price|money|aid|fund)/.test(topic));
    const topicTerms = termsOf(topic, nlp).filter((t) => !/^(number|figure|fact|detail|thing|anything|something|numbers|figures)$/.test(t.term));
    return { ...base, intent: 'disagreement', terms: [...topicTerms, ...measures.map((m) => ({ term: m, weight: 1, name: false, pos: 'NOUN' }))] };
  }

  // (A name in "according to Acme Labs" still says what the answer's sentence is about.)
  const terms = [...termsOf(q, nlp), ...(base.per ?? []).filter((t) => t.name)];

  // "What does NERS stand for?"
  const standFor = /^what (?:does|do|did) (?:the )?([A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}) (?:stand for|mean)$|^what is (?:the )?([A-Za-z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}) short for$/i.exec(q);
  if (standFor) {
    const name = (standFor[1] ?? standFor[2])!;
    return { ...base, intent: 'person', describe: name, expand: true, terms: termsOf(name, nlp) };
  }

  // Quotes: "what did X say", "what does X say about Y", "quote X".
  const quote = /^what (?:did|does|do|has|have) (.+?) (?:say|said|tweet|tweeted|write|wrote|tell|told|post|posted|claim|claimed|announce|announced|state|stated|add|added|warn|warned|report|reported|describe|described|call|called|urge|urged|argue|argued|reveal|revealed)\b/i.exec(q)
    ?? /^(?:quote|quotes from|what was said by) (.+)$/i.exec(q);
  if (quote) return { ...base, intent: 'quote', speaker: quote[1]!.replace(/^the\s+/i, ''), terms };

  // Dates.
  // ("What night was the fight", "which weekend": a part of a day or a stretch of days asks for a day.)
  const dateWord = /\b(?:what|which) (year|date|day|month|time|night|morning|afternoon|evening|weekend|week)\b|\bon what (day|date|night)\b|^when\b/.exec(lower);
  if (dateWord) {
    const w = dateWord[1] ?? dateWord[2];
    const precision = w === 'year' ? 'year' : w === 'month' ? 'month' : w === 'time' ? 'time' : 'day';
    return { ...base, intent: 'date', precision, terms: terms.map((t) => (t.pos === 'VERB' ? { ...t, weight: 2 } : t)) };
  }

  // "What does X cost", "what did X sell for": a price.
  if (/^what (?:does|did|do|will|would) .+ (?:cost|costs|sell for|go for|charge)$/.test(lower)) {
    return { ...base, intent: 'quantity', dimension: 'money', terms: terms.filter((t) => !/^(cost|sell|charge)$/.test(t.term)) };
  }

  // Quantities.
  const how = /\bhow (many|much|long|tall|high|wide|far|deep|thick|big|large|old|heavy|often|strong|powerful|severe|intense|hot|cold|warm|fast|quick|soon)\b/.exec(lower);
  const measureNoun = measureNounOf(lower);
  if (how || (measureNoun && NOUN_DIMENSIONS[measureNoun[1]!])) {
    let dimension = how ? DIMENSIONS[how[1]!]! : NOUN_DIMENSIONS[measureNoun![1]!]!;
    if (how?.[1] === 'long' && (/\bhow long (did|does|do|will|would|has|have|had|can|could|must|should)\b/.test(lower)
      || /\b(last|lasted|take|took|taken|ago|since|wait|waited|spend|spent|stay|stayed|run|ran|sentenc\w*|jail\w*|prison|banned|ban|term|serve|served|deliberat\w*|until|delay\w*|closed|shut)\b/.test(lower)
      // "How long was Dalton in the hospital", "… on the loose": someone's stay somewhere, not a length.
      || /\bhow long (was|were) .+? (in|at|on|behind|under|out|away|missing|free|loose|held|gone)\b/.test(lower))) dimension = 'duration';
    // "how much of it was contained": a share.
    if (how?.[1] === 'much' && /\bhow much of\b/.test(lower)) dimension = 'percent';
    // "How much prison time": a duration, as "how long".
    if (how?.[1] === 'much' && /\bhow much (?:[a-z]+ )?time\b/.test(lower)) dimension = 'duration';
    // "How much did the stock drop": a change, most often in percent.
    const change = /\b(drop|dropped|fall|fell|fallen|decline|declined|rise|rose|risen|grow|grew|grown|increase|increased|decrease|decreased|jump|jumped|climb|climbed|slide|slid|plunge|plunged|gain|gained|shrink|shrank|cut)\b/.test(lower);
    // "How much is the iPhone", "what does the program cost": a price.
    const priceAsked = how?.[1] === 'much' && /^how much (?:is|are|was|were|does|do|did|will)\b/.test(lower) && !change && !/\bof\b/.test(lower);
    if (dimension === 'percent' || dimension === 'duration' || priceAsked) {
      // already a share ("how much of it"), a time or a price
    } else if (how?.[1] === 'much' && change && !/\b(cost|price|pay|paid|spend|spent|fund|money)\b/.test(lower)) dimension = 'change';
    else if (how?.[1] === 'much' && !/\b(cost|costs|price|priced|pay|paid|spend|spent|charge|charged|worth|sell|sold|fund|funding|raise|raised|money|budget|fine|fined|value|valued|earn|earned|make|made|lose|lost|invest|invested|pledge|pledged|donate|donated|give|gave|given|grant|granted|provide|provided|offer|offered|award|awarded|allocate|allocated|aid|loan|lend|lent|put|putting|contribute|contributed|cash|dollars?|euros?|pounds?)\b/.test(lower)) dimension = 'number';
    let focus = (!how ? measureNoun?.owner : undefined) ?? focusNoun(q, how ? how.index + how[0].length : measureNoun!.index + measureNoun![0].length, nlp, how?.[1] === 'many');
    // "How many miles long is the wall": a unit after "how many" asks for a measure, not a count.
    const unit = focus ? UNITS[focus] ?? UNITS[`${focus}s`] : undefined;
    let byUnit = false;
    if (how?.[1] === 'many' && unit) {
      const dim = /^\s*\w+\s+(long|tall|high|wide|far|deep|thick)\b/.exec(lower.slice(how.index + how[0].length));
      dimension = dim ? DIMENSIONS[dim[1]!]! : unit.dim;
      byUnit = !dim;
      focus = focusNoun(q, lower.indexOf(' is ', how.index) > 0 ? lower.indexOf(' is ', how.index) + 4 : how.index + how[0].length, nlp, false);
    }
    // "How many of the workers were nurses": the ones counted are the copula's noun; "how many of
    // the passengers were hurt": the set after "of".
    const partitive = how?.[1] === 'many' && !focus ? /^how many of (?:the |these |those )?([a-z-]+)(?: (?:are|were|was|is) ([a-z-]+)$)?/.exec(lower.slice(how.index).replace(/[?!.\s]+$/, '')) : null;
    const counted1 = partitive && [partitive[2], partitive[1]].map((w) => terms.find((t) => t.word === w && t.pos === 'NOUN')).find(Boolean);
    if (counted1) focus = counted1.term;
    // "How far from Dunford was the quake": the place after "from" is where it is measured from.
    if (how?.[1] === 'far' && /^\s*(from|to)\b/.test(lower.slice(how.index + how[0].length))) focus = undefined;
    // "the population of X" counts residents, not whatever X has; "the number of X" counts X.
    if (!how && measureNoun?.[1] === 'population') focus = 'population';
    // "the death toll", "casualties": a count of people, whatever noun the text counts them with.
    if (focus && /^(toll|casualty|casualties|fatality|fatalities|money|cash|fund|funding|amount|sum|drop|fall|rise|increase|decrease|decline|gain|jump|cut)$/.test(focus)) focus = undefined;
    // The words that name the measure ("price", "percentage", "magnitude") say what to look for,
    // not what the sentence must contain.
    const generic = /^(money|cash|amount|sum)$/;
    const isMeasure = (t: QTerm) => Boolean(NOUN_DIMENSIONS[t.term]) && t.term !== focus;
    // Units and currencies ("in dollars") say how to show the figure, not where it is.
    const unitWord = (t: QTerm) => Boolean(UNITS[t.term] || UNITS[`${t.term}s`] || CURRENCIES[t.term] || CURRENCIES[`${t.term}s`]);
    // ("in US dollars", "in Canadian dollars": the name before a currency says which currency.)
    const currency = (t: QTerm | undefined) => Boolean(t && (CURRENCIES[t.term] || CURRENCIES[`${t.term}s`]));
    const ofCurrency = new Set(terms.filter((t, k) => t.name && currency(terms[k + 1])));
    let kept = terms.filter((t) => !unitWord(t) && !ofCurrency.has(t) && !LATEST.test(t.term) && !generic.test(t.term) && !isMeasure(t));
    // "How much was the fine": when the measure word is all there is, it is the topic.
    if (!kept.some((t) => t.weight > 1)) kept = terms.filter((t) => !unitWord(t) && !LATEST.test(t.term) && !generic.test(t.term));
    if (focus && (CURRENCIES[focus] || CURRENCIES[`${focus}s`])) focus = undefined;
    // "How many AK-47s …", "how many rushing yards …": a counted thing was named, even when no
    // noun could be read as the focus; "how many were hurt" names none.
    const counted = how?.[1] === 'many' && !focus && !/^how many (?:of )?(?:them|were|was|are|is|did|do|does|have|has|had|will|would|can|could|people|times)\b/.test(lower.slice(how.index));
    // "How much … in dollars": the currency to give a sum in.
    const asked = terms.map((t) => CURRENCIES[t.term] ?? CURRENCIES[`${t.term}s`]).find(Boolean);
    return {
      ...base, intent: 'quantity', dimension, focus, latest: LATEST.test(lower), terms: kept,
      ...(counted ? { unreadCount: true } : {}), ...(byUnit ? { byUnit } : {}), ...(asked && dimension === 'money' ? { currency: asked } : {}),
    };
  }

  // People.
  // "Whose record did Luck break?": the one whose name the text puts before "'s record".
  const whose = /^whose\s+(?:[a-z-]+\s+){0,3}?([a-z-]+)\s+(?:did|does|do|was|were|is|are|has|have|had|will)\b/.exec(lower);
  if (whose) return { ...base, intent: 'person', possessed: singularNoun(whose[1]!, 'NOUN', false), terms };
  if (/^(?:who|whom|whose|whos|who's)\b/.test(lower)) {
    const who = q.replace(/^who(?:['’]s|s)\s/i, 'who is ');
    const describe = /^who (?:is|was|are|were) (?:the )?((?:\p{Lu}[\p{L}\p{N}'’.-]*\s*)+)$/u.exec(who.replace(/^who (is|was|are|were) /i, (m) => m.toLowerCase()))
      // typed in lower case ("who is jane doe"): one to three words, no article, no verb ("who was arrested" asks who was)
      ?? (/\p{Lu}/u.test(who.slice(3)) || /['’]s\b/.test(who) || terms.some((t) => t.pos === 'VERB') ? null
        : /^who (?:is|was) (?!the |a |an |this |that |it\b|he\b|she\b|his\b|her\b|their\b|its\b|my\b|our\b|your\b)((?:\p{Ll}[\p{L}\p{N}'’.-]*\s*){1,3})$/u.exec(who.toLowerCase().trim()));
    if (describe) return { ...base, intent: 'person', describe: describe[1]!.trim(), terms };
    // "Who is the president of X": the role asked for.
    // ("Who's the Energy Secretary": the role is the noun its modifiers narrow, which must be found too.)
    const group = /^who(?:'s|s| is| was| are| were) (?:the |a |an )?(?:current |new |former )?((?:[a-z]+ ){0,2}[a-z]+)\b/.exec(lower)?.[1]?.split(' ') ?? [];
    const at = group.findIndex((w) => ROLE_NOUNS.has(w));
    const role = at >= 0 ? group[at] : undefined;
    const roleBy = at > 0 ? group.slice(0, at).join(' ') : undefined;
    // "Who succeeded X", "who called it …": the verb is what tells the sentences apart.
    // (What the role is of ends where a time or place adjunct starts: "… of Mull island during the storm".)
    const roleOf = role ? new RegExp(`\\b${role}s? (?:of|for|at|on) (.+?)(?: (?:during|when|after|before|since|in|at|on) .*)?$`).exec(lower.replace(/[?!.]+$/, ''))?.[1] : undefined;
    // (One common noun no list names, alone or before "of", not a name's "Ames's": WordNet, when
    // answering, says whether it is a role.)
    const head = group[0];
    const roleNoun = !role && head && (group.length === 1 || /^(of|for|at)$/.test(group[1]!)) && !new RegExp(`\\b${head}['’]`).test(lower)
      && terms.some((t) => t.word === head && !t.name) ? head : undefined;
    // "Who was the woman killed in the crash", "who is the man who shot him": the noun a reduced or
    // full relative clause describes says what kind of answer is wanted (a person, not the police).
    const describedHead = !role && !roleNoun && head && group[1] && (/^[a-z]+(?:ed|en)$/.test(group[1]) || /^(who|that)$/.test(group[1])) && terms.some((t) => t.word === head && !t.name) ? head : undefined;
    return { ...base, intent: 'person', role, ...(roleBy ? { roleBy } : {}), roleOf, ...(roleNoun ? { roleNoun } : {}), ...(describedHead ? { describedHead } : {}), terms: terms.map((t) => (t.pos === 'VERB' ? { ...t, weight: 2 } : t)) };
  }

  // "What was the ice cream shop called?", "what's the name of her clothing line?": the name of a
  // thing the question describes; its head noun is the kind of the answer.
  const naming = /^what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(the\s+name\s+of\s+)?(?:(?:the|a|an|her|his|their|its|this|that)\s+)?(.+?)(\s+(?:called|named))?\s*\??$/.exec(lower);
  if (naming && (naming[1] || naming[3])) {
    // (The noun a relative clause describes: "the name of the driver who ran her over".)
    const described = /^(.+?)\s+(?:who|whom|whose|that|which)\s/.exec(naming[2]!)?.[1] ?? naming[2]!;
    const head = described.split(/\s+/).at(-1)!;
    const tok = terms.find((t) => t.term === head || t.term === head.replace(/s$/, ''));
    if (tok) return { ...base, intent: 'entity', typeNoun: tok.term, naming: true, terms: terms.filter((t) => !/^(call|name)$/.test(t.term)) };
  }

  // "which river", "what company", "where".
  const which = /^(?:which|what)\s+(?:of the\s+)?(\w+)/.exec(lower);
  // ("What sank?": a verb right after "what" asks for its subject, no kind of thing.)
  if (which && !/^(is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|happened|happens|caused|causes|made|makes)$/.test(which[1]!)
    && !terms.some((t) => t.word === which[1] && t.pos === 'VERB')) {
    let tok = terms.find((t) => t.term === which[1] || t.term === which[1]!.replace(/s$/, ''));
    // "which jewelry store": the kind is the last noun of the group ("store"), the others modify it.
    const rest = lower.slice(which.index + which[0].length).trim().split(/\s+/);
    for (const w of rest) {
      const next = terms.find((t) => t.word === w && t.pos === 'NOUN');
      if (!tok || !next) break;
      tok = next;
    }
    const typeNoun = tok?.term ?? which[1]!;
    if (NOUN_DIMENSIONS[typeNoun]) return { ...base, intent: 'quantity', dimension: NOUN_DIMENSIONS[typeNoun], terms };
    // The kind asked for stays a term: a sentence naming "the X river" is about rivers.
    return { ...base, intent: 'entity', typeNoun, terms: tok ? terms : [...terms, { term: typeNoun, weight: 2, name: false, pos: 'NOUN' }] };
  }
  // "Where is she from?": where someone comes from, the place the text puts after "from".
  // ("Where in Ohio …": the region the answer lies in, which the coverage need not name.)
  if (/^where\b/.test(lower)) {
    const region = /^where in ([a-z][\w.-]*(?: [a-z][\w.-]*)?) (?:is|was|are|were|did|does|do)\b/.exec(lower)?.[1]?.split(' ');
    return { ...base, intent: 'entity', typeNoun: 'place', terms: region ? terms.filter((t) => !t.name || !region.includes(t.word ?? t.term)) : terms, ...(/\bfrom$/.test(lower) ? { origin: true } : {}) };
  }
  return { ...base, terms };
}

/** "what is the (latest death) toll", "which magnitude": the measure noun and where it ends. */
function measureNounOf(lower: string): { 0: string; 1: string; index: number; owner?: string } | undefined {
  const m = /\bwhats?(?: is| was| are| were|'s|’s)? the ((?:[\w'’-]+ ){0,3}[\w'’-]+)/.exec(lower) ?? /^(?:(?:at|in|on|by|for|from|to|of) )?(?:what|which) ([\w-]+)/.exec(lower);
  if (!m) return undefined;
  const words = m[1]!.split(' ').map((w) => w.replace(/['’]s$/, ''));
  const k = words.findIndex((w) => NOUN_DIMENSIONS[w]);
  if (k < 0) return { 0: m[0], 1: words[0]!, index: m.index };
  const raw = m[1]!.split(' ');
  const upto = m[0].slice(0, m[0].length - m[1]!.length) + raw.slice(0, k + 1).join(' ');
  // "the wall's length": the possessor is what is measured.
  const owner = k > 0 && /['’]s$/.test(raw[k - 1]!) ? words[k - 1] : undefined;
  return { 0: upto, 1: words[k]!, index: m.index, owner };
}

/** "according to the sheriff's office", at the question's start or end (up to a comma). */
const ACCORDING = /(?:^|,?\s+)according to\s+([^,]+?)(?=\s*,|$)/i;

/** "Were people hurt? How many injuries": the last part that asks something. */
function lastQuestion(text: string): string {
  const parts = text.split(/(?<=[?!.])\s+/).filter((p) => /[a-z]/i.test(p));
  if (parts.length < 2) return text;
  const asking = parts.filter((p) => /^(who|whom|whose|what|whats|which|when|where|why|how|list|show)\b/i.test(p));
  return asking.at(-1) ?? parts.at(-1)!;
}

/** "wait, who was …", "so how many …": the chat words before a question's own first word. */
export function withoutOpeners(q: string): string {
  return q.replace(OPENERS, '');
}
const OPENERS = new RegExp(`^(?:(?:${DISCOURSE_OPENERS.join('|')})\\b[\\s,:;.!-]*)+(?=(?:who|whom|whose|what|whats|which|when|where|why|how|is|are|was|were|did|does|do|has|have|had|can|could|will|would)\\b)`, 'i');

/** "how lnog", "how mnay": the word after "how" one typo away from a measure word. */
function fixHowTypos(q: string): string {
  return q.replace(/\bhow\s+([a-z]{3,6})\b/i, (m, w: string) => {
    const lower = w.toLowerCase();
    if (DIMENSIONS[lower] || /^(did|does|do|is|was|are|were|can|could|the|come|about|to)$/.test(lower)) return m;
    const fix = Object.keys(DIMENSIONS).find((d) => d.length >= 4 && d.length === lower.length && [...d].sort().join('') === [...lower].sort().join(''))
      ?? Object.keys(DIMENSIONS).find((d) => d.length >= 4 && Math.abs(d.length - lower.length) === 1 && (d.startsWith(lower) || lower.startsWith(d)));
    return fix ? m.replace(w, fix) : m;
  });
}

/** Content terms of a text with weights: names and numbers 3, nouns 2, other content words 1. */
export function termsOf(text: string, nlp: Nlp): QTerm[] {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const rawValues = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tagged = doc.tokens().out(its.pos) as string[];
  const rawLemmas = doc.tokens().out(its.lemma as typeof its.value) as string[];
  // The chunker's repairs of known tagger slips hold for questions too: "that fishing fleet" has
  // an adjective, not the verb "fish" (a participle retagged so keeps its own form as its term).
  const repaired = chunk(docTokens(nlp, doc, text).toks).toks;
  const rawPos = tagged.map((p, i) => repaired[i]?.pos ?? p);
  rawPos.forEach((p, i) => {
    if (p === 'ADJ' && tagged[i] === 'VERB') rawLemmas[i] = rawValues[i]!.toLowerCase();
  });
  // Rejoin what the tokenizer split inside a word ("3G" → "3" + "G").
  const values: string[] = [];
  const pos: string[] = [];
  const lemmas: string[] = [];
  rawValues.forEach((v, i) => {
    const prev = values.length - 1;
    if (i > 0 && spaces[i] === '' && /^[\p{L}\p{N}]+$/u.test(v) && prev >= 0 && /^[\p{L}\p{N}]+$/u.test(values[prev]!)) {
      values[prev] += v;
      lemmas[prev] = values[prev]!;
      pos[prev] = 'PROPN';
      return;
    }
    values.push(v);
    pos.push(rawPos[i]!);
    lemmas.push(rawLemmas[i] ?? v);
  });
  const out: QTerm[] = [];
  const seen = new Set<string>();
  const firstWord = values.findIndex((v) => /\w/.test(v));
  let lastName: { term: QTerm; index: number } | undefined;
  values.forEach((v, i) => {
    const p = pos[i]!;
    if (!/[\p{L}\p{N}]/u.test(v)) return;
    const capital = /^[A-Z]/.test(v) && (i !== firstWord || p === 'PROPN' || /^[A-Z]{2,}$/.test(v)) || /^[a-z]+[A-Z]/.test(v);
    const number = /^\d/.test(v);
    if (!capital && !number && !['NOUN', 'PROPN', 'VERB', 'ADJ', 'X', 'ADV', 'NUM'].includes(p)) return;
    const lemma = (capital ? v : (lemmas[i] ?? v)).toLowerCase();
    if (!capital && !number && QUESTION_STOP.has(lemma)) return;
    if (p === 'VERB' && LIGHT_VERBS.has(lemma)) return;
    // "pass away", "pick up": the particle of a phrasal verb is part of the verb, not a term.
    if (/^(away|up|out|off|down|over|back|along|around)$/.test(lemma) && pos[i - 1] === 'VERB') return;
    if (capital && /^(who|what|which|when|where|why|how|i)$/i.test(v)) return;
    // "buses and other vehicles": what follows "and other" is the kind the first thing is of, not a second thing to find.
    const other = values.lastIndexOf('other', i);
    if (other > 0 && /^(and|or)$/i.test(values[other - 1]!) && values.slice(other, i + 1).every((_, k) => /^(ADJ|NOUN)$/.test(pos[other + k]!))) return;
    const abbreviation = Boolean(ABBREVIATIONS[lemma]);
    // A day or month in the question ("by Thursday") pins which report is meant.
    const calendar = /^(mon|tues|wednes|thurs|fri|satur|sun)day$|^(january|february|march|april|june|july|august|september|october|november|december)$/i.test(v);
    const weight = ((capital || number) && !abbreviation) || calendar ? 3 : p === 'NOUN' || abbreviation ? 2 : 1;
    for (const term of splitTerm(singularNoun(lemma, p, capital))) {
      if (seen.has(term) || QUESTION_STOP.has(term) && !capital) continue;
      seen.add(term);
      const qt: QTerm = { term, weight, name: (capital || number) && !abbreviation, pos: abbreviation ? 'NOUN' : capital ? 'PROPN' : p, word: v.toLowerCase() };
      if (!capital && v.toLowerCase() !== term) qt.surface = v.toLowerCase();
      if (p === 'NOUN' && !capital && pos[i - 1] === 'NOUN' && /^[a-z]/.test(values[i - 1]!)) qt.modifier = singularNoun(lemmas[i - 1]!.toLowerCase(), 'NOUN', false);
      if (lastName && lastName.index === i - 1 && (p === 'NOUN' || capital)) lastName.term.head = singularNoun(lemma.toLowerCase(), 'NOUN', false);
      if (qt.name) lastName = { term: qt, index: i };
      out.push(qt);
    }
  });
  return out;
}

function singularNoun(lemma: string, pos: string, capital: boolean): string {
  if (capital || pos !== 'NOUN' || lemma.length < 5 || !lemma.endsWith('s') || /(ss|us|is|ics|news|ies)$/.test(lemma)) return lemma;
  return lemma.slice(0, -1);
}

/** The head noun after a "how many" / "how long is the" phrase. */
function focusNoun(q: string, from: number, nlp: Nlp, adjacent: boolean): string | undefined {
  // (Read as the chunker reads it, with the tagger's slips repaired: "how big a fine did …".)
  const toks = chunk(readTokens(nlp, q.slice(from))).toks;
  const values = toks.map((t) => t.v);
  const pos = toks.map((t) => t.pos);
  const lemmas = toks.map((t) => t.lemma);
  let head: string | undefined;
  let started = false;
  for (let i = 0; i < values.length; i++) {
    const p = pos[i]!;
    const v = values[i]!;
    // "the company's CEO": the possessor is not the head; keep reading the noun phrase.
    if (started && /^['’]s$/.test(v)) {
      started = false;
      continue;
    }
    const isNoun = p === 'NOUN' || (p === 'PROPN' && !/^[A-Z]{2,}$/.test(v)) || Boolean(ABBREVIATIONS[v.toLowerCase()]);
    if (isNoun && (/^[a-z]/.test(v) || !adjacent) && !/^\d/.test(v)) {
      head = singularNoun(lemmas[i]!.toLowerCase(), 'NOUN', false);
      started = true;
    } else if (started) break;
    // ("how many stolen cars", "how many rushing yards": a participle modifying the noun after it.)
    else if (adjacent && p === 'VERB' && /(?:ing|ed|en)$/.test(v) && pos[i + 1] === 'NOUN') continue;
    else if (adjacent && !['ADJ', 'PROPN', 'DET', 'NUM'].includes(p) && !/^[A-Z]/.test(values[i]!)) break;
    else if (!adjacent && (p === 'ADP' && values[i] !== 'of')) {
      if (head) break;
    }
  }
  return head;
}
