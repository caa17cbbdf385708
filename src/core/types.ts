/**
 * The data model shared by every stage and every face (CLI, Discord, web).
 * Offsets (`start`, `end`) are always UTF-16 indices into the article's raw text,
 * so `raw.slice(start, end)` is the verbatim snippet.
 */

/** Metadata a corpus may give in `sources.json`; every field optional. */
export interface ArticleMeta {
  url?: string;
  outlet?: string;
  title?: string;
  /** ISO date `YYYY-MM-DD` (or a prefix of it). */
  published?: string;
}

/** One file as read from disk, before any processing. */
export interface RawArticle {
  id: string;
  raw: string;
  meta: ArticleMeta;
}

export interface Span {
  start: number;
  end: number;
}

export type FurnitureReason =
  | 'date-token'
  | 'dateline'
  | 'navigation'
  | 'caption'
  | 'credit'
  | 'duplicate'
  | 'headlines';

/** A piece of raw text set aside by cleaning: never used for facts or answers. */
export interface Furniture extends Span {
  reason: FurnitureReason;
}

export interface Sentence extends Span {
  /** Index within the article, 0-based. */
  index: number;
  /** Paragraph index within the article (1-based, as a reader counts ¶). */
  paragraph: number;
  /** Content terms (lower-case lemmas, and lower-case names) for matching questions. */
  terms: string[];
  /** Who the sentence attributes its claims to, when it says. */
  attribution?: string;
  /** Relation frames read from the sentence (who did what to whom, where, when, why). */
  frames?: Frame[];
}

/** A noun group filling a frame slot: where it is in the raw text, its head lemma, its name words. */
export interface FrameArg {
  start: number;
  end: number;
  head: string;
  /** The proper-noun words of the group, as written ("Mark Ellery"). */
  name?: string;
}

/**
 * One relation: a verb (lemma; `be` for copulas and appositions) with its doer (`agent`), what
 * it is done to (`patient`), a copula's or passive's complement (`attr`), prepositional slots,
 * cause and purpose clauses, and the verb group's polarity, modality and tense. Passives are
 * turned round: "Y was bought by X" has agent X and patient Y.
 */
export interface Frame {
  verb: string;
  agent?: FrameArg;
  patient?: FrameArg;
  attr?: FrameArg;
  slots?: { p: string; arg: FrameArg }[];
  /** "because …", "after …": the clause, with the subordinator as head. */
  cause?: FrameArg;
  /** "to …" after the verb: the purpose or complement clause, with its verb as head. */
  purpose?: FrameArg;
  neg?: boolean;
  /** Not asserted as fact: under a modal ("could"), or a verb like "plan to", "calls to". */
  modal?: boolean;
  tense?: 'past' | 'future';
  apposition?: boolean;
}

/** An article after cleaning and NLP: what the fact table keeps of it. */
export interface Article {
  id: string;
  raw: string;
  title: string;
  outlet?: string;
  /** Publication date, ISO at its known precision. */
  published?: string;
  publishedFrom?: 'sources.json' | 'date-token' | 'dateline' | 'none';
  url?: string;
  furniture: Furniture[];
  sentences: Sentence[];
  words: number;
  /** Share of this article's body that other articles repeat verbatim (0..1). */
  wireShare: number;
  /** Ids of articles sharing wire copy with this one. */
  wireWith: string[];
  /** Index of the lead sentence when it tells a past event without dating it (the timeline dates it by `published`). */
  leadEvent?: number;
}

export type FactKind = 'quantity' | 'date' | 'entity' | 'quote';

/** A typed, normalized claim tied to one sentence of one article. */
export interface Fact {
  id: string;
  article: string;
  sentence: number;
  /** Where the fact's own words are (the number, the date phrase, the name, the quote). */
  span: Span;
  kind: FactKind;
  /** What the fact is about, as written (head noun phrase), lower-cased. */
  subject: string;
  /**
   * quantity: dimension (`length`, `height`, `width`, `depth`, `thickness`, `distance`,
   * `count`, `money`, `percent`, `age`, `duration`, `area`, `weight`, `number`);
   * date: `event`; entity: `person` | `organization` | `place` | `thing`;
   * quote: `quote`.
   */
  attribute: string;
  /** quantity: normalized number in base unit; date: ISO; entity: name; quote: text. */
  value: string | number;
  /** Base unit for quantities (`m`, `m2`, `kg`, `USD`, `%`, `year`, ...). */
  unit?: string;
  /** Normalized range for hedged quantities: [low, high] in base units. */
  range?: [number, number];
  approx?: boolean;
  /** The fact as written (`1,200-meter`, `on Sunday`). */
  surface: string;
  /** The value as shown to people (`1,200 m`, `up to 3,000 people`, `$99`). */
  label: string;
  /** Date facts: the resolved date was inferred from the article date. */
  inferred?: boolean;
  /**
   * Date facts: the TIMEX3 value when it says more than the ISO `value` can (`2017-W27`,
   * `2012-SU`, `2015-Q2`, `FY2007`, `197` for the 1970s, `2017-07-02T10:30`).
   */
  timex?: string;
  /** Extra description: a person's role, a quote's speaker description. */
  description?: string;
  /** Who the sentence attributes the claim to ("the ministry", "state media"). */
  attribution?: string;
  /** Date the sentence's claim is placed at, if the sentence gives one. */
  time?: string;
  /** Quantities: the name qualifying what is measured ("Model X" in "the Model X's price"), lower-case. */
  qualifier?: string;
  /** Quantities: a rate's unit ("season" in "$5 million per season"). */
  per?: string;
  /** Money: the same amount in another currency, as the text converts it ("€5 million ($5.4 million)"). */
  converted?: { value: number; unit: string; label: string };
}

/** Facts about the same thing across articles. */
export interface Claim {
  id: string;
  kind: FactKind;
  attribute: string;
  subject: string;
  /** Groups of facts with compatible values; the first is the best supported. */
  groups: { value: string; facts: string[]; sources: string[] }[];
}

export interface Citation {
  /** Article id. */
  source: string;
  /** Verbatim text of that article. */
  snippet: string;
  /** The best link for a reader: original article with text fragment, else the viewer. */
  url: string;
  /** The bot's own viewer link. */
  viewer: string;
  start: number;
  end: number;
  /** Paragraph number of the snippet (¶). */
  paragraph: number;
}

export interface Conflict {
  value: string;
  sources: string[];
  /** Who the disagreeing value is attributed to, when the text says. */
  attribution?: string;
  citations?: Citation[];
}

export type IntentType =
  | 'quantity'
  | 'date'
  | 'person'
  | 'entity'
  | 'quote'
  | 'coverage'
  | 'disagreement'
  | 'sources'
  | 'timeline'
  | 'relation'
  | 'yesno'
  | 'why'
  | 'summary'
  | 'definition'
  | 'none';

export interface Answer {
  question: string;
  answered: boolean;
  /** One line for people: the answer with its agreement, or a plain "the coverage doesn't say". */
  answer: string;
  intent: IntentType;
  /** The bare value, without agreement text ("1,200 m"). */
  value?: string;
  /** Sources supporting the answer, and sources in the corpus. */
  agree?: number;
  total?: number;
  citations: Citation[];
  /** When some citations only agree with the answer: how many first ones it was read from. */
  readFrom?: number;
  conflicts: Conflict[];
  /** When not answered: the closest passages, so a reader can judge for themselves. */
  passages?: Citation[];
  /** What to pass back with the next question of the same conversation, for follow-ups. */
  context?: AskContext;
}

/**
 * The conversation state a follow-up ("and how high is it?") is resolved against: opaque to
 * the faces, JSON-serializable, returned with every answer.
 */
export interface AskContext {
  /** The previous question in full (a follow-up already rewritten). */
  question: string;
  intent: IntentType;
  /** The bare value of its answer, when it had one. */
  value?: string;
}

export interface SourceSummary {
  id: string;
  title: string;
  outlet?: string;
  published?: string;
  url: string;
  viewer: string;
  chars: number;
  words: number;
  sentences: number;
  furniture: number;
  /** Share of the body repeated verbatim by other sources (0..1). */
  wireShare: number;
  wireWith: string[];
}

export interface TimelineEntry {
  /** ISO at its known precision: `2014`, `2017-06`, `2017-07-02`. */
  date: string;
  text: string;
  /** The date phrase as written in the first source. */
  phrase: string;
  inferred: boolean;
  /** Time of day when the sources give one (`10:30`). */
  time?: string;
  sources: string[];
  citations: Citation[];
}

export interface Logger {
  debug(msg: string, ctx?: Record<string, unknown>): void;
  info(msg: string, ctx?: Record<string, unknown>): void;
  warn(msg: string, ctx?: Record<string, unknown>): void;
  error(msg: string, ctx?: Record<string, unknown>): void;
}

export const SCHEMA_VERSION = 1;

/** Everything extracted from one corpus; what the store persists. */
export interface FactTable {
  schema: number;
  /** Hash of the corpus contents (files + sources.json); the cache key. */
  hash: string;
  builtAt: string;
  articles: Article[];
  facts: Fact[];
  claims: Claim[];
  /** Aliases the corpus defines ("islamic state" ↔ "is"), lower-case. */
  aliases: Record<string, string[]>;
}

/** A fact as the viewer shows it: with the other sources that agree or disagree. */
export interface FactView {
  fact: Fact;
  /** Human-readable value ("1,200 m", "2017-07-02", "Jane Doe"). */
  label: string;
  agreeWith: string[];
  disagreeWith: string[];
}

export interface ArticleView {
  article: Article;
  /** Facts per sentence index. */
  facts: Record<number, FactView[]>;
}

/** WordNet parts of speech: noun, verb, adjective, adverb. */
export type WordNetPos = 'n' | 'v' | 'a' | 'r';

/**
 * Lexical knowledge from WordNet, injected into answering (the core reads no files). Lemmas are
 * lower-case; multi-word entries use spaces ("step down"). `senses` limits how many of a word's
 * senses (most frequent first) are read, since rare senses make wrong matches.
 */
export interface WordNet {
  has(lemma: string, pos: WordNetPos): boolean;
  /** The verb a form stands for ("shot" → "shoot", "stopped" → "stop"), or undefined when none. */
  verbBase(word: string): string | undefined;
  synonyms(lemma: string, pos: WordNetPos, senses?: number): readonly string[];
  /** The definitions of a word's commonest senses ("convict" → "find or declare guilty"). */
  glosses(lemma: string, pos: WordNetPos, senses?: number): readonly string[];
  /** Derivationally related forms in any part of speech ("resign" ↔ "resignation"). */
  derived(lemma: string, pos: WordNetPos, senses?: number): readonly string[];
  antonyms(lemma: string, pos: WordNetPos, senses?: number): readonly string[];
  /** Verbs whose event this verb's causes ("kill" → "die"). */
  causes(lemma: string, senses?: number): readonly string[];
  /** The nouns an adjective pertains to ("Peruvian" → "Peru", "Greek" → "Greece"). */
  pertainyms(lemma: string, senses?: number): readonly string[];
  /** What a noun names a part of (WordNet's part holonyms: "roof" → "building", "head" → "body"). */
  wholes(lemma: string, senses?: number): readonly string[];
  /** The group a noun names a member of (WordNet's member holonyms: "policeman" → "police", "juror" → "jury"). */
  groups(lemma: string, senses?: number): readonly string[];
  /** Words of the hypernym synsets up to `depth` levels ("city" → "municipality", "urban area"). */
  hypernyms(lemma: string, pos: WordNetPos, depth?: number, senses?: number): readonly string[];
  close(): void;
}
