/**
 * The question-time index over a fact table: BM25 sentence retrieval (wink-bm25-text-search)
 * for candidates, and term matching with names' spelling variants, corpus-defined aliases and
 * news synonyms, to measure how well a sentence supports a question's terms.
 */
import bm25 from 'wink-bm25-text-search';
import type { Article, Fact, Sentence, WordNet } from '../types.js';
import type { FactTable } from '../types.js';
import type { QTerm } from './question.js';
import { ABBREVIATIONS, QUESTION_STOP, synonymsOf } from '../lexicon.js';
import { MONTHS } from '../calendar.js';

export interface SentenceRef {
  article: Article;
  sentence: Sentence;
  /** Position of the article in the table. */
  a: number;
}

/** How strongly each way of finding a term counts. */
export const MATCH = { exact: 1, variant: 0.9, coreferent: 0.85, synonym: 0.7, nearby: 0.7, next: 0.6, title: 0.6, article: 0.5 } as const;
const ABSENT_PENALTY = 0.75;
const ABSENT_VERB_PENALTY = 0.85;

/** What answering reads: the index over the table, the viewer's base URL, lexical knowledge. */
export interface AnswerContext {
  index: SearchIndex;
  publicUrl: string;
  wn?: WordNet;
}

export class SearchIndex {
  readonly refs: SentenceRef[] = [];
  readonly articleTerms: Set<string>[] = [];
  readonly sentenceTerms: Set<string>[][] = [];
  readonly titleTerms: Set<string>[] = [];
  readonly factsBySentence = new Map<string, Fact[]>();
  readonly vocab = new Map<string, number>();
  /** The year most articles were published in: the "now" of an undated article. */
  readonly corpusYear: string | undefined;
  /** What the text calls each named person ("jane doe" → ["the governor of the province"]). */
  readonly roles = new Map<string, string[]>();
  /** The years and month names the articles are published in ("2019", "march"). */
  private readonly publishedTerms = new Set<string>();
  /** The last word of every person's name the coverage gives ("ames" for "Rob Ames"). */
  readonly surnames = new Set<string>();
  /** Every "given surname" pair the coverage's names hold ("rob ames", "robert ames"). */
  private readonly namePairs = new Set<string>();
  private readonly byInitial = new Map<string, string[]>();
  private readonly aliasWords = new Map<string, string[][]>();
  private readonly engine: ReturnType<typeof bm25> | undefined;
  /** Index in `refs` of each article's first sentence. */
  private readonly firstRef: number[] = [];
  /**
   * The candidate sentences of the last few searches, by their words: one question's answer, its
   * relation frames and its agreeing sources are looked for among the same sentences, through
   * term lists that differ only in ways the search does not read.
   */
  private readonly candidateCache = new Map<string, SentenceRef[]>();

  constructor(readonly table: FactTable) {
    table.articles.forEach((article, a) => {
      const all = new Set<string>();
      const perSentence: Set<string>[] = [];
      for (const sentence of article.sentences) {
        const terms = new Set(sentence.terms);
        perSentence.push(terms);
        for (const t of terms) {
          all.add(t);
          this.vocab.set(t, (this.vocab.get(t) ?? 0) + 1);
        }
        this.refs.push({ article, sentence, a });
      }
      this.articleTerms.push(all);
      this.sentenceTerms.push(perSentence);
      this.titleTerms.push(new Set(article.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)));
    });
    const years = new Map<string, number>();
    for (const a of table.articles) if (a.published) years.set(a.published.slice(0, 4), (years.get(a.published.slice(0, 4)) ?? 0) + 1);
    for (const a of table.articles) {
      if (!a.published) continue;
      this.publishedTerms.add(a.published.slice(0, 4));
      if (a.published.length >= 7) this.publishedTerms.add(MONTHS[Number(a.published.slice(5, 7)) - 1] ?? '');
    }
    this.corpusYear = [...years.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    for (const w of this.vocab.keys()) {
      const k = w[0] ?? '';
      const list = this.byInitial.get(k);
      if (list) list.push(w);
      else this.byInitial.set(k, [w]);
    }
    for (const f of table.facts) {
      if (f.kind === 'entity' && typeof f.value === 'string') {
        const words = f.value.toLowerCase().split(/\s+/);
        if (f.attribute === 'person' && words.length > 1) this.surnames.add(words.at(-1)!);
        for (let i = 0; i + 1 < words.length; i++) this.namePairs.add(`${words[i]} ${words[i + 1]}`);
      }
      if (f.kind === 'entity' && f.description && typeof f.value === 'string') {
        const list = this.roles.get(f.value.toLowerCase()) ?? [];
        if (!list.includes(f.description)) list.push(f.description);
        this.roles.set(f.value.toLowerCase(), list);
      }
      const key = `${f.article}#${f.sentence}`;
      const list = this.factsBySentence.get(key);
      if (list) list.push(f);
      else this.factsBySentence.set(key, [f]);
    }
    for (const [phrase, alts] of Object.entries(table.aliases ?? {})) {
      for (const word of phrase.split(' ')) {
        const list = this.aliasWords.get(word) ?? [];
        for (const alt of alts) list.push(alt.split(' '));
        this.aliasWords.set(word, list);
      }
    }
    // BM25 ranks articles (a few thousand documents index in a fraction of the time sentences
    // would take); every sentence of the best articles is then scored for support.
    if (table.articles.length >= 3) {
      const engine = bm25();
      engine.defineConfig({ fldWeights: { body: 1 } });
      engine.definePrepTasks([(s: string) => s.split(' ')]);
      table.articles.forEach((a, i) => {
        const words: string[] = [];
        for (const s of a.sentences) for (const t of s.terms) words.push(t);
        engine.addDoc({ body: words.length ? words.join(' ') : '_' }, i);
      });
      engine.consolidate();
      this.engine = engine;
    }
    let first = 0;
    for (const a of table.articles) {
      this.firstRef.push(first);
      first += a.sentences.length;
    }
  }

  /** Facts extracted from one sentence. */
  factsOf(ref: SentenceRef): Fact[] {
    return this.factsBySentence.get(`${ref.article.id}#${ref.sentence.index}`) ?? [];
  }

  /** The `k`th sentence of the article at position `a`. */
  refAt(a: number, k: number): SentenceRef | undefined {
    const first = this.firstRef[a];
    return first === undefined || k < 0 || k >= this.table.articles[a]!.sentences.length ? undefined : this.refs[first + k];
  }

  private readonly mainPeople = new Map<string, string | undefined>();
  /** The surname the article names most often among its people, when one is named more than any other. */
  mainPerson(ref: SentenceRef): string | undefined {
    if (this.mainPeople.has(ref.article.id)) return this.mainPeople.get(ref.article.id);
    const counts = new Map<string, number>();
    for (const s of ref.article.sentences) {
      for (const f of this.factsOf({ ...ref, sentence: s })) {
        // (Names typed as things count: a surname alone is often typed so.)
        if (f.kind !== 'entity' || (f.attribute !== 'person' && f.attribute !== 'thing')) continue;
        const last = String(f.value).toLowerCase().split(/\s+/).at(-1)!;
        counts.set(last, (counts.get(last) ?? 0) + 1);
      }
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]);
    const main = top[0] && (!top[1] || top[0][1] > top[1][1]) ? top[0][0] : undefined;
    this.mainPeople.set(ref.article.id, main);
    return main;
  }

  /**
   * The question's names the coverage never uses, one per word typed: a word split into forms
   * ("AK-47s" → ak-47s, ak-47, ak47, …) is supported when any of its forms is.
   */
  unsupportedNames(terms: QTerm[]): QTerm[] {
    const byWord = new Map<string, QTerm[]>();
    for (const t of terms) {
      if (!t.name) continue;
      const key = t.word ?? t.term;
      const list = byWord.get(key);
      if (list) list.push(t);
      else byWord.set(key, [t]);
    }
    // A year or month some article is published in is the coverage's, written or not.
    return [...byWord.values()].filter((forms) => !forms.some((t) => this.supports(t) || this.publishedTerms.has(t.term))).map((forms) => forms[0]!);
  }

  /** Whether the corpus body has the term in any form (exact, spelling variant, alias). */
  supports(term: QTerm): boolean {
    if (this.vocab.has(term.term)) return true;
    if (ABBREVIATIONS[term.term]?.every((w) => this.vocab.has(w))) return true;
    if (term.name && this.variantsCached(term.term).length) return true;
    if (this.aliasWords.has(term.term)) return true;
    if (!term.name) for (const s of synonymsOf(term.term)) if (this.vocab.has(s)) return true;
    return false;
  }

  /** The form of a typed word the corpus uses more: "jobs" typed in lower case is the name, not "job". */
  preferSurface(term: string, surface: string | undefined): string {
    if (!surface) return term;
    return (this.vocab.get(surface) ?? 0) > (this.vocab.get(term) ?? 0) ? surface : term;
  }

  /**
   * A question typed in lower case ("where did rob cook die"), with each word of the coverage's
   * names that the coverage itself capitalizes in at least four of five uses inside its sentences
   * written as the coverage writes it ("Rob Cook"), so the question is read as it was meant (a
   * verb is not capitalized mid-sentence; "cook" the verb is not the name). Other words stay as typed.
   */
  recase(question: string): string {
    if (!/\p{Ll}/u.test(question)) return question;
    const forms = (this.nameForms ??= this.readNameForms());
    if (!forms.size) return question;
    return question.replace(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*/gu, (w) => forms.get(w) ?? w);
  }
  private nameForms: Map<string, string> | undefined;

  private readNameForms(): Map<string, string> {
    const nameWords = new Set<string>();
    for (const f of this.table.facts) {
      if (f.kind === 'entity' && typeof f.value === 'string') for (const w of f.value.toLowerCase().split(/\s+/)) nameWords.add(w);
    }
    const uses = new Map<string, { capital: number; lower: number; form: string }>();
    const word = /[\p{L}][\p{L}'’-]*/gu;
    for (const article of this.table.articles) {
      for (const sentence of article.sentences) {
        const words = article.raw.slice(sentence.start, sentence.end).match(word) ?? [];
        // (A headline's or caption's capitals say nothing: a sentence mostly capitalized is skipped.)
        const long = words.filter((w) => w.length >= 4);
        if (long.filter((w) => /^\p{Lu}/u.test(w)).length * 5 > long.length * 3) continue;
        // (Nor does a sentence's first word.)
        for (let i = 1; i < words.length; i++) {
          const w = words[i]!;
          const key = w.toLowerCase();
          if (!nameWords.has(key) || QUESTION_STOP.has(key)) continue;
          const u = uses.get(key) ?? { capital: 0, lower: 0, form: w };
          if (w === key) u.lower++;
          else if (/^\p{Lu}/u.test(w)) {
            u.capital++;
            u.form = w;
          }
          uses.set(key, u);
        }
      }
    }
    const out = new Map<string, string>();
    for (const [key, u] of uses) if (u.capital >= 2 && u.capital >= 4 * u.lower) out.set(key, u.form);
    return out;
  }

  /** The corpus's own spelling of a word it never uses but is one typo away from ("civillian" → "civilian"). */
  respell(word: string): string {
    if (word.length < 6 || this.vocab.has(word) || synonymsOf(word).size) return word;
    const candidates = this.variantsCached(word);
    if (!candidates.length) return word;
    return candidates.reduce((a, b) => ((this.vocab.get(b) ?? 0) > (this.vocab.get(a) ?? 0) ? b : a));
  }

  /** Spelling variants of a name in the corpus vocabulary (edit distance 1, or 2 for long names). */
  variants(term: string): string[] {
    if (term.length < 5 || /\d/.test(term)) return [];
    const max = term.length >= 8 ? 2 : 1;
    const out: string[] = [];
    for (const w of this.byInitial.get(term[0]!) ?? []) {
      if (w !== term && Math.abs(w.length - term.length) <= max && editDistance(w, term, max) <= max) out.push(w);
    }
    return out;
  }

  /** Candidate sentences for a set of terms: every sentence of the best `articles` articles by BM25. */
  candidates(terms: QTerm[], articles = 15): SentenceRef[] {
    if (!this.engine) return this.refs;
    const words: string[] = [];
    for (const t of terms) {
      for (let k = 0; k < Math.min(3, t.weight); k++) words.push(t.term);
      if (t.name) words.push(...this.variantsCached(t.term));
      for (const alt of this.aliasWords.get(t.term) ?? []) words.push(...alt);
      if (!t.name) for (const s of synonymsOf(t.term)) if (this.vocab.has(s)) words.push(s);
      for (const alt of t.alts ?? []) words.push(alt.word);
    }
    if (!words.length) return [];
    const key = `${articles} ${words.join(' ')}`;
    const cached = this.candidateCache.get(key);
    if (cached) return cached;
    const hits = this.engine.search(words.join(' '), articles) as [number, number][];
    const out: SentenceRef[] = [];
    for (const [i] of hits) {
      const a = Number(i);
      const from = this.firstRef[a]!;
      for (let k = 0; k < this.table.articles[a]!.sentences.length; k++) out.push(this.refs[from + k]!);
    }
    // (A few: enough for one question's searches, not a cache of questions.)
    if (this.candidateCache.size >= 4) this.candidateCache.delete(this.candidateCache.keys().next().value!);
    this.candidateCache.set(key, out);
    return out;
  }

  /**
   * How well a sentence supports the terms (0..1): a weighted share of terms found in the
   * sentence, counting less when found only nearby, in the title, or elsewhere in the article.
   */
  coverage(ref: SentenceRef, terms: QTerm[]): number {
    if (!terms.length) return 0;
    // The spellings one written word gives ("M-16s": "m-16", "m16", "m", "16") count as one
    // term, found by its best-found spelling.
    const words = new Map<string, { w: number; got: number; verb: boolean }>();
    for (const [i, t] of terms.entries()) {
      const w = t.weight * this.specificity(t.term);
      let m = this.match(ref, t);
      // "Rob Ames" where this article only says "Ames" or "Robert Ames": a given name the
      // coverage elsewhere pairs with the surname this sentence names is the same person's.
      const surname = terms[i + 1];
      if (m === 0 && t.name && surname?.name && this.namePairs.has(`${t.term} ${surname.term}`) && this.matchHere(ref, surname) >= MATCH.variant) m = MATCH.article;
      const key = t.word ?? `#${i}`;
      const seen = words.get(key);
      if (seen) {
        seen.w = Math.max(seen.w, w);
        seen.got = Math.max(seen.got, w * m);
      } else words.set(key, { w, got: w * m, verb: t.pos === 'VERB' });
    }
    let got = 0;
    let total = 0;
    let penalty = 1;
    for (const x of words.values()) {
      total += x.w;
      got += x.got;
      if (x.got === 0) penalty *= x.verb ? ABSENT_VERB_PENALTY : ABSENT_PENALTY;
    }
    // A term the whole article never uses is evidence the sentence answers another question
    // (verbs less so: they are paraphrased more often than nouns and names).
    return (got / total) * penalty;
  }

  /**
   * How telling a term is in this corpus (0.4..1): a word in most sentences (the city
   * a story is about) says less about which sentence answers than a rare one.
   */
  specificity(term: string): number {
    const n = this.refs.length;
    const df = this.vocab.get(term) ?? 0;
    if (n < 2 || df === 0) return 1;
    const idf = Math.log((n + 1) / (df + 1));
    return 0.4 + 0.6 * Math.min(1, (2 * idf) / Math.log(n + 1));
  }

  /** How a single term is found for a sentence (0..1). */
  match(ref: SentenceRef, t: QTerm): number {
    const here = this.sentenceTerms[ref.a]![ref.sentence.index]!;
    const inSet = this.inSet(here, t);
    if (inSet >= MATCH.variant) return inSet;
    const sentences = this.sentenceTerms[ref.a]!;
    const prev = ref.sentence.index > 0 ? sentences[ref.sentence.index - 1] : undefined;
    // The next sentence often names who said it ("… , according to the agency").
    const next = sentences[ref.sentence.index + 1];
    const title = this.titleTerms[ref.a]!;
    const near = Math.max(prev ? this.inSet(prev, t) * MATCH.nearby : 0, next ? this.inSet(next, t) * MATCH.next : 0, this.inSet(title, t) * MATCH.title);
    // (Another word for a term is read where the sentence's context says it, not anywhere in the article.)
    const article = this.inSet(this.articleTerms[ref.a]!, t, false) * MATCH.article;
    // "the bridge" in a sentence of an article about "the Morandi Bridge" is that bridge.
    const coreferent = article > 0 && t.head && here.has(t.head) ? MATCH.coreferent : 0;
    // "the March 2019 storm" in an article published in March 2019 that says "Sunday".
    const dated = publishedIn(ref.article.published, t.term) ? MATCH.nearby : 0;
    return Math.max(inSet, near, article, coreferent, dated);
  }

  /** How a term is found in the sentence itself, ignoring its context (0..1). */
  matchHere(ref: SentenceRef, t: QTerm): number {
    return this.inSet(this.sentenceTerms[ref.a]![ref.sentence.index]!, t);
  }

  // (Called for every term of every candidate sentence and its neighbours: written to allocate nothing.)
  private inSet(set: Set<string>, t: QTerm, alts = true): number {
    if (set.has(t.term)) return MATCH.exact;
    const spelled = ABBREVIATIONS[t.term];
    if (spelled && spelled.every((w) => set.has(w))) return MATCH.exact;
    const aliases = this.aliasWords.get(t.term);
    if (aliases) for (const alt of aliases) if (alt.every((w) => set.has(w))) return MATCH.exact;
    if (t.name) {
      for (const v of this.variantsCached(t.term)) if (set.has(v)) return MATCH.variant;
      // (A demonym's country: "Peruvian" in "Peru's".)
      if (alts && t.alts) for (const alt of t.alts) if (set.has(alt.word)) return alt.strength;
      return 0;
    }
    const synonyms = synonymsOf(t.term);
    if (synonyms.size) for (const s of synonyms) if (set.has(s)) return MATCH.synonym;
    // Another word for a compound's head ("attorney" for the "lawyer" of "defense lawyer") is that
    // compound only beside its modifier: "district attorney" is another kind.
    if (!alts || !t.alts || (t.modifier && !set.has(t.modifier))) return 0;
    let best = 0;
    for (const alt of t.alts) if (alt.strength > best && set.has(alt.word)) best = alt.strength;
    return best;
  }

  private readonly variantCache = new Map<string, string[]>();
  private variantsCached(term: string): string[] {
    let v = this.variantCache.get(term);
    if (!v) {
      v = this.variants(term);
      if (this.variantCache.size > 5000) this.variantCache.clear();
      this.variantCache.set(term, v);
    }
    return v;
  }
}

/** Whether a question's year ("2005") or month ("november") is the article's publication year or month. */
function publishedIn(published: string | undefined, term: string): boolean {
  if (!published) return false;
  if (/^\d{4}$/.test(term)) return published.startsWith(term);
  const month = MONTHS.indexOf(term);
  return month >= 0 && published.length >= 7 && Number(published.slice(5, 7)) === month + 1;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return best;
    prev = cur;
  }
  return prev[b.length]!;
}
