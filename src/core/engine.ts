/**
 * The engine: the one object every face (CLI, Discord, web) talks to.
 * Built from a fact table; answering never touches disk or the network.
 */
import type { Answer, AskContext, ArticleView, FactTable, FactView, SourceSummary, TimelineEntry, WordNet } from './types.js';
import { answerRelation, answerYesNo, compileQuestion, eventSupported, personNoun, VERB_MATCH, verbForms, type QuestionFrame } from './ask/relation.js';
import { answerDefinition } from './ask/definition.js';
import { answerSummary, mainEventWords } from './ask/summary.js';
import { SAYING_VERBS, SPEECH_VERBS, WEEKDAYS } from './lexicon.js';
import { MONTHS } from './calendar.js';
import type { Nlp } from './nlp.js';
import { SearchIndex, type SentenceRef } from './ask/search.js';
import { parseQuestion, withoutOpeners, type QTerm, type Question } from './ask/question.js';
import { answerQuestion } from './ask/answer.js';
import { bareValue, NOT_SAID } from './ask/render.js';
import { answerDisagreement, buildSuggestions, factViewIndex } from './ask/overview.js';
import { buildTimeline } from './ask/timeline.js';
import { citationFor, viewerUrl } from './ask/links.js';
import { resolveFollowUp, winkTagger } from './ask/followup.js';
import { answerWhoSaid } from './ask/attribution.js';
import { sourceNamer } from './outlets.js';
import { headlineCased } from './terms.js';
import { capitalize, namesMatch } from './values.js';

/** "What happened?", "summarize", "tl;dr": asks for the story's lead events. */
const SUMMARY = /^(?:so\s+)?(?:what(?:'s| has| have)? happened|what(?:'s| is) (?:the|this) (?:story|news) about|what(?:'s| is) (?:the|this) story|summari[sz]e(?: (?:it|this|the story|the coverage))?|give me (?:a|the) summary|(?:a |the )?summary|tl;?dr)\b/i;

/** "When did it happen?", "where did this take place?", "what time did it start?": a question of the story's own event. */
const MAIN_EVENT = /^(when|where|what time)\s+(?:did|does|was|is|will)\s+(?:it|this|that|all this|all of this|the (?:story|event|incident))\s+(?:happen|take place|occur|start|begin)\s*\??$/i;

/** How much of a question's words a sentence must support to be offered as a closest passage. */
const PASSAGE_SUPPORT = 0.6;

/** "When was the fight?", "where's the ceremony being held?": the wh-word and the noun group asked of. */
const MAIN_EVENT_NOUN = /^(when|where)(?:'s|’s|\s+(did|was|is|were|are))\s+the\s+((?:(?!(?:in|on|at|of|for|with|by|from|to)\s)[\p{L}\p{N}-]+\s+){0,3}?[\p{L}-]+)(\s+(?:be\s+)?(?:happen|happening|take place|taking place|occur|start|begin|held|being held))?\s*\??$/iu;
/** The share of a story's articles that use a noun for it to name the story's own event. */
const STORY_NOUN_SHARE = 0.5;

/** "… the guy who fell", "… the driver that hit her": what comes before, the noun group, the clause. */
const DESCRIBED_PERSON = /^(.+?\s)the\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:who|that)\s+([^?]+?)\s*\?*$/iu;
/** "… the (mill party) shooter (been charged with)": before, modifiers, the noun, after. */
const AGENT_NOUN = /^(.+?\s)the\s+((?:[\p{L}-]+\s+){0,2}?)(\p{Ll}+(?:er|or))(\s[^?]*?)?\s*\?*$/u;
/** What comes before a description when the question asks who it is ("who was …", "what's the name of …"). */
const ASKS_WHO = /^(?:who|what)(?:'s|’s|s|\s+(?:is|was|are|were))\s+(?:the\s+names?\s+of\s+)?$/i;

export interface EngineOptions {
  /** Base URL of the snippet viewer, e.g. `http://localhost:8080`. */
  publicUrl: string;
  /** Lexical knowledge for aligning questions with the coverage's own words. */
  wordnet?: WordNet;
}

export interface Engine {
  readonly table: FactTable;
  /** Answers a question; with the `context` of the previous answer, a follow-up is resolved against it. */
  ask(question: string, context?: AskContext): Answer;
  sources(): SourceSummary[];
  timeline(range?: { from?: string; to?: string }): TimelineEntry[];
  article(id: string): ArticleView | undefined;
  /** What people call a source: its outlet, a wire agency, its URL's host, else its short id (unique per corpus). */
  sourceName(id: string): string;
  /** Questions the fact table can answer that contain what the user typed (autocomplete). */
  suggest(typed: string, limit?: number): string[];
  /** Facts most sources agree on, and the disagreements, for the story overview. */
  overview(): { agreed: Answer[]; disagreements: Answer[] };
}

/** Creates the engine over a fact table; `nlp` is the shared wink-nlp instance (for questions). */
export function createEngine(table: FactTable, nlp: Nlp, opts: EngineOptions): Engine {
  const publicUrl = opts.publicUrl.replace(/\/+$/, '');
  const index = new SearchIndex(table);
  const ctx = { index, publicUrl, wn: opts.wordnet };
  const byId = new Map(table.articles.map((a) => [a.id, a]));
  const sourceName = sourceNamer(table.articles);
  let timeline: TimelineEntry[] | undefined;
  let factViews: ((id: string) => Record<number, FactView[]>) | undefined;
  let suggestions: { question: string; answer: Answer }[] | undefined;

  const tagger = winkTagger(nlp);
  const ask = (question: string, context?: AskContext): Answer => {
    const resolved = context ? resolveFollowUp(question, context, tagger) : { question };
    // (A question typed in lower case is read with the coverage's capitals on its names.)
    const asked = index.recase(resolved.question);
    // "Who said that?" is answered from the sentences behind the previous answer, when they say.
    const answer = (resolved.rule === 'who said that' && context ? answerWhoSaid(asked, answerParsed(index.recase(context.question)), table) : undefined)
      ?? answerParsed(asked);
    answer.question = resolved.question;
    if (!answer.answered && !answer.passages) {
      answer.passages = closestPassages(asked);
      if (answer.passages) {
        const shown = answer.passages.map((p) => `“${p.snippet.length > 140 ? `${p.snippet.slice(0, 140).replace(/\s+\S*$/, '')}…` : p.snippet}” (${sourceName(p.source)})`);
        answer.answer = `${answer.answer} I can't answer that directly — the closest passages: ${shown.join(' · ')}`;
      }
    }
    answer.context = { question: answer.question, intent: answer.intent, ...(answer.answered && answer.value ? { value: answer.value } : {}) };
    return answer;
  };

  /**
   * The honest fallback: when no answer fits, the two sentences that best support the question's
   * words, for a reader to judge — unless the question names something the coverage never does.
   */
  const closestPassages = (question: string) => {
    const q = parseQuestion(typeof question === 'string' ? question : '', nlp);
    if (!q.terms.length || index.unsupportedNames(q.terms).length) return undefined;
    const best = index.candidates(q.terms)
      .map((ref) => ({ ref, support: index.coverage(ref, q.terms) }))
      .filter((x) => x.support >= PASSAGE_SUPPORT)
      .sort((a, b) => b.support - a.support);
    const seen = new Set<string>();
    const out = [];
    for (const { ref } of best) {
      if (seen.has(ref.article.id)) continue;
      seen.add(ref.article.id);
      out.push(citationFor(ref.article, ref.sentence.start, ref.sentence.end, publicUrl));
      if (out.length === 2) break;
    }
    return out.length ? out : undefined;
  };
  /**
   * The intents, tried in order: each answers the question or passes it on (undefined). The
   * question is parsed and compiled into a frame once, before the table is walked.
   */
  type Handler = (q: Question, frame: QuestionFrame | undefined) => Answer | undefined;
  const intents: { name: string; answer: Handler }[] = [
    { name: 'disagreement', answer: (q) => (q.intent === 'disagreement' ? answerDisagreement(q.text, q.terms, table, index, publicUrl) : undefined) },
    {
      name: 'sources',
      answer: (q) => {
        if (q.intent !== 'sources') return undefined;
        const list = engine.sources();
        return {
          question: q.text, answered: true, intent: 'sources', value: String(list.length), agree: list.length, total: list.length,
          answer: `${list.length} sources: ${list.map((s) => sourceName(s.id)).join(', ')}.`,
          citations: [], conflicts: [],
        };
      },
    },
    {
      name: 'timeline',
      answer: (q) => {
        if (q.intent !== 'timeline') return undefined;
        const entries = engine.timeline();
        return {
          question: q.text, answered: entries.length > 0, intent: 'timeline', value: String(entries.length),
          answer: entries.length ? entries.slice(0, 10).map((e) => `${e.date}: ${e.text}`).join(' · ') : NOT_SAID,
          citations: entries.slice(0, 10).map((e) => e.citations[0]!).filter(Boolean), conflicts: [],
        };
      },
    },
    {
      // "When did it happen?", "where did this take place?": asked of the story's own event, the
      // lead event most sources report, in its own words ("when did four men ram their car").
      // ("When was the fight?", "where's the ceremony being held?": so is the story's event by a
      // noun most of its articles use — not "the officer's trial", a possessor's own event, nor one
      // only some articles mention.)
      name: 'main event',
      answer: (q) => {
        const text = withoutOpeners(q.text.trim());
        const byEvent = MAIN_EVENT.exec(text);
        const byNoun = !byEvent && !inMainEvent ? MAIN_EVENT_NOUN.exec(text) : null;
        // (Not "when does the game start?": what is still to come is not what the story reports.)
        const asked = byEvent ?? (byNoun && storyNoun(byNoun[3]) && (byNoun[2]?.toLowerCase() !== 'did' || byNoun[4]) ? byNoun : null);
        const event = asked ? mainEventWords(index, opts.wordnet) : undefined;
        if (!asked || !event) return undefined;
        const wh = asked[1]!.toLowerCase();
        inMainEvent = true;
        let answer: Answer;
        try {
          answer = { ...answerParsed(`${capitalize(wh)} did ${event}?`), question: q.text };
        } finally {
          inMainEvent = false;
        }
        if (asked !== byNoun) return answer;
        // (Asked by its noun, and not answered so, it is an ordinary question. Answered, the
        // question's own answer stands when it gives the same, from more sources.)
        if (!answer.answered) return undefined;
        const direct = answerQuestion(q, ctx);
        const same = direct.answered && direct.value !== undefined && answer.value !== undefined && bareValue(direct.value) === bareValue(answer.value);
        return same && direct.citations.length > answer.citations.length ? direct : answer;
      },
    },
    {
      // Clauses with a verb to align ("which team pulled …", "did they …") are answered from
      // frames; "who said …" by the attribution machinery, which reads speakers and quotes; a
      // question naming something the coverage never mentions goes straight to the honest "no".
      name: 'relation',
      answer: (q, frame) => {
        if (!frame || frame.wh === 'when' || frame.wh === 'how' || q.describe || (frame.wh === 'who' && SPEECH_VERBS.has(frame.verb))) return undefined;
        if ((q.intent !== 'person' && q.intent !== 'entity' && q.intent !== 'none') || index.unsupportedNames(q.terms).length) return undefined;
        const answer = frame.wh === 'yesno' ? answerYesNo(frame, q.text, q.terms, ctx) : answerRelation(frame, q.text, q.terms, ctx);
        // "What part of the store …" is a part, which no name the typed answers read can be.
        if (frame.partOf && !answer?.answered) return answer ?? { question: q.text, answered: false, intent: 'relation', answer: NOT_SAID, citations: [], conflicts: [] };
        // "Who was charged": a name from the typed person answer beats a bare "a man" from a frame;
        // and when the event is reported without the asked participant in the frames read, a typed
        // answer about that same event may still name it (else say what the coverage lacks).
        if ((answer?.answered && frame.wh === 'who' && !/\p{Lu}/u.test(answer.value ?? '')) || (answer && !answer.answered)) {
          const typed = answerQuestion(q, ctx);
          return typed.answered && readFrom(typed).some((c) => supportsEvent(frame, c.source, c.start, false, isDoer(typed, frame), [], typed.value)) ? typed : answer;
        }
        return answer;
      },
    },
    {
      // "What happened?", "summarize": the most widely reported lead events.
      name: 'summary',
      answer: (q) => {
        if (!SUMMARY.test(q.text.trim())) return undefined;
        return answerSummary(q.text, index, publicUrl, opts.wordnet) ?? { question: q.text, answered: false, intent: 'summary', answer: NOT_SAID, citations: [], conflicts: [] };
      },
    },
    {
      // "What is the Rafiqah Wall?": what the coverage calls it; "What is the SDF?": what an acronym stands for.
      name: 'what is',
      answer: (q) => {
        const whatIs = /^what(?:'s| is| are| was| were) (?:the |an? )?(.+?)\??$/i.exec(q.text.trim());
        // (A clause in it — "the last film he made before the war" — asks for something, not what a name is.)
        if (!whatIs || q.intent === 'quantity' || q.intent === 'date' || q.intent === 'coverage' || /\b(of|for|in|on|at|with|by|about|to|from|did|does|do|before|after|when|while|that|which|who|whom)\b/i.test(whatIs[1]!)) return undefined;
        if (/^[A-Z][A-Z0-9&.-]{1,9}$/.test(whatIs[1]!)) {
          const expanded = answerQuestion(parseQuestion(`What does ${whatIs[1]} stand for?`, nlp), ctx);
          if (expanded.answered) return { ...expanded, question: q.text };
        }
        return answerDefinition(whatIs[1]!, q.text, q.terms, index, publicUrl);
      },
    },
    {
      // "Who is X?": what the coverage calls X.
      name: 'who is',
      answer: (q) => (q.intent === 'person' && q.describe && !q.expand ? answerDefinition(q.describe, q.text, q.terms, index, publicUrl) : undefined),
    },
    {
      // Typed facts: how many / how much / how old, when, which, quotes, coverage. No answer from
      // a sentence that does not speak of the asked event ("when does the trial start"); figures
      // are about the noun they count, so only the question's names are checked for them.
      name: 'typed',
      answer: (q, frame) => {
        const typed = answerQuestion(frame ? { ...q, eventVerb: frame.verb } : q, ctx);
        // (The names a figure must be of: the question's, but not a year or month, which dates it.)
        // (A name of several words is found by its last: "Ada Brook" by "Brook".)
        const final = (t: QTerm) => !q.terms.some((o) => o.name && o !== t && t.head === o.term);
        const names = [...new Set(q.terms.filter((t) => t.name && final(t) && /\p{L}/u.test(t.term) && !MONTHS.includes(t.term) && !WEEKDAYS.includes(t.term)).map((t) => t.word ?? t.term))]
          .map((w) => q.terms.filter((t) => (t.word ?? t.term) === w).map((t) => t.term))
          .map((forms) => forms.find((f) => index.vocab.has(f)) ?? forms[0]!);
        if (typed.answered && frame && !q.describe && typed.citations.length && !readFrom(typed).some((c) => supportsEvent(frame, c.source, c.start, typed.intent === 'quantity', isDoer(typed, frame), names, typed.value))) {
          return { ...typed, answered: false, answer: NOT_SAID, value: undefined, agree: undefined, citations: [], conflicts: [] };
        }
        return typed;
      },
    },
  ];
  const answerParsed = (question: string): Answer => {
    const q = parseQuestion(typeof question === 'string' ? question : '', nlp);
    const frame = q.intent === 'coverage' || q.intent === 'quote' || q.naming || q.intent === 'disagreement' || q.intent === 'sources' || q.intent === 'timeline'
      ? undefined : compileQuestion(q.text, nlp, opts.wordnet);
    // (A question about a person described by what they did to someone named is asked of them by
    // name first: "how old is the man who shot Ann Lowe" asks nothing of Ann Lowe, whose age a
    // figure search would find.)
    const described = viaDescribed(q.text, false);
    if (described) return described;
    for (const intent of intents) {
      const answer = intent.answer(q, frame);
      if (answer) return answer.answered ? answer : viaDescribed(q.text, true) ?? answer;
    }
    // The typed handler always answers; this is never reached.
    return { question: q.text, answered: false, intent: 'none', answer: NOT_SAID, citations: [], conflicts: [] };
  };
  /** Set while a question about the story's event is asked again in the event's own words. */
  let inMainEvent = false;
  /** Whether most articles use a noun group's head ("the fight", "the gala"): the story's own event, by its noun. */
  const storyNoun = (group: string | undefined): boolean => {
    const head = group?.toLowerCase().split(/\s+/).at(-1);
    if (!head) return false;
    const forms = new Set([head, head.replace(/s$/, '')]);
    return index.articleTerms.filter((terms) => [...forms].some((f) => terms.has(f))).length >= STORY_NOUN_SHARE * index.articleTerms.length;
  };
  /**
   * "How old was the guy who fell?": a person the question does not name but describes, by a
   * subject relative clause that ends it, is found first ("Who fell?"), and the question asked
   * again of that name; "who was the guy who fell" is that first answer itself. The answer says
   * whom it took the description for, and cites where.
   */
  const viaDescribed = (text: string, fallback: boolean): Answer | undefined => {
    const asked = withoutOpeners(text.trim());
    const m = DESCRIBED_PERSON.exec(asked);
    const wn = opts.wordnet;
    if (!wn) return undefined;
    if (!m) return fallback ? viaAgentNoun(text, asked, wn) : undefined;
    if ((!fallback && (ASKS_WHO.test(m[1]!) || !namesPerson(m[3]!))) || !personNoun(m[2]!.toLowerCase().split(/\s+/).at(-1)!, wn)) return undefined;
    const who = answerParsed(`Who ${m[3]}?`);
    const name = personAnswered(who);
    if (!name) return undefined;
    if (ASKS_WHO.test(m[1]!)) return { ...who, question: text };
    return askedOf(text, `${m[1]}${name}?`, `the ${m[2]} who ${m[3]}`, name, who);
  };
  /**
   * "How old is the shooter?", where the coverage never says "shooter": a person noun WordNet
   * derives from a verb the coverage uses is whoever did that ("who did shoot?"); the question is
   * asked again of that name.
   */
  const viaAgentNoun = (text: string, asked: string, wn: WordNet): Answer | undefined => {
    const m = AGENT_NOUN.exec(asked);
    const noun = m?.[3]!.toLowerCase();
    if (!m || !noun || index.vocab.has(noun) || !personNoun(noun, wn)) return undefined;
    const verb = wn.derived(noun, 'n', 2).find((v) => wn.has(v, 'v') && index.vocab.has(v));
    if (!verb) return undefined;
    const who = answerParsed(`Who did ${verb}?`);
    const name = personAnswered(who);
    return name ? askedOf(text, `${m[1]}${name}${m[4] ?? ''}?`, `the ${m[2] ?? ''}${m[3]}`, name, who) : undefined;
  };
  /** A person's name that answers "who …", as the coverage names people (not a headline's "Second climber"). */
  const namesPerson = (words: string) => words.toLowerCase().split(/[^\p{L}'’-]+/u).some((w) => index.surnames.has(w));
  const personAnswered = (who: Answer): string | undefined => {
    const name = who.answered && who.intent !== 'none' && who.value ? bareValue(who.value) : undefined;
    return name && /^\p{Lu}/u.test(name) && namesPerson(name) ? name : undefined;
  };
  /** The question asked again of a name, saying whom it read the description as, and citing where. */
  const askedOf = (text: string, again: string, description: string, name: string, who: Answer): Answer | undefined => {
    const answer = answerParsed(again);
    if (!answer.answered) return undefined;
    const more = who.citations.filter((c) => !answer.citations.some((a) => a.source === c.source));
    return { ...answer, question: text, answer: `${answer.answer} (Reading “${description}” as ${name}.)`, citations: [...answer.citations, ...more], readFrom: answer.readFrom ?? answer.citations.length };
  };
  // Who did it, or which one: read from the event's own sentence. (Who said it is read from the
  // attribution, which the speaker-finding machinery has already checked.)
  // Strict even for a verb the coverage may not use ("who runs it"): a sentence that only names
  // the company and a person does not say who runs it, however often it is right.
  const isDoer = (a: Answer, frame: QuestionFrame) => (a.intent === 'person' || a.intent === 'entity') && !SAYING_VERBS.has(frame.verb);
  /**
   * Whether the cited sentence speaks of the question's event, or itself names all the question
   * is about (by the corpus's aliases and spellings too). A headline's capitals make every word look
   * like a name, so a headline must name the event itself.
   */
  let refsByArticle: Map<string, SentenceRef[]> | undefined;
  const refsOf = (id: string): SentenceRef[] => {
    if (!refsByArticle) {
      refsByArticle = new Map();
      for (const r of index.refs) {
        const list = refsByArticle.get(r.article.id);
        if (list) list.push(r);
        else refsByArticle.set(r.article.id, [r]);
      }
    }
    return refsByArticle.get(id) ?? [];
  };
  /** The citations an answer was read from: those that only agree with it do not vouch for its event. */
  const readFrom = (a: Answer) => a.citations.slice(0, a.readFrom ?? a.citations.length);
  const supportsEvent = (frame: QuestionFrame, id: string, at: number, namesOnly = false, asksDoer = false, names: string[] = [], doer?: string): boolean => {
    const ref = refsOf(id).find((r) => r.sentence.start <= at && at < r.sentence.end);
    if (!ref) return false;
    // "Who won?" is not answered by a name beside the clause that says who won ("Ames won …
    // before referee Tom Vane stopped it"): where the sentence's own clauses of the asked verb
    // name their doers, the answer must be one of them.
    if (asksDoer && doer) {
      const who = bareValue(doer);
      const forms = verbForms(frame.verb, opts.wordnet);
      const doing = (ref.sentence.frames ?? []).filter((f) => f.agent?.name && (forms.get(f.verb) ?? 0) >= VERB_MATCH.synonym);
      if (doing.length && !doing.some((f) => namesMatch(f.agent!.name!, who))) return false;
      // ("Ann Vane said a man walked in and shot him": who says it is not who did it, unless a
      // clause of the asked verb names them.)
      const speaks = (ref.sentence.frames ?? []).some((f) => SAYING_VERBS.has(f.verb) && f.agent?.name && namesMatch(f.agent.name, who));
      if (speaks && !doing.some((f) => namesMatch(f.agent!.name!, who))) return false;
    }
    const text = ref.article.raw.slice(ref.sentence.start, ref.sentence.end);
    const headline = headlineCased(text);
    // A name the question gives must be in the sentence, or just before it when the sentence says "he".
    const near = ref.article.sentences.slice(Math.max(0, ref.sentence.index - 2), ref.sentence.index + 1);
    // A name is found by its last word, as "Jobs" stands for "Steve Jobs".
    // "A convicted thief … was captured Monday": a person described, not named, in a
    // sentence naming no one, is the person the sentence before or after (or the title) names —
    // when the sentence must also say the asked event (a figure's sentence need not, so not for it).
    const wn = opts.wordnet;
    const described = () => Boolean(wn) && !index.factsOf(ref).some((f) => f.kind === 'entity' && f.attribute === 'person')
      && (ref.sentence.frames ?? []).some((f) => [f.agent, f.patient].some((a) => a && !a.name && personNoun(a.head, wn!)));
    const titleWords = ref.article.title.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u);
    const around = ref.article.sentences.slice(Math.max(0, ref.sentence.index - 2), ref.sentence.index + 2);
    // The person a "he" or "she" stands for when no other person is named just before it: the one
    // the article names most (a profile says "he" for its subject paragraphs after naming him).
    const otherNamed = () => near.some((s) => index.factsOf({ ...ref, sentence: s }).some((f) => f.kind === 'entity' && f.attribute === 'person'));
    const named = (words: string[]) => {
      const last = words.at(-1)!;
      if (/\b(he|she)\b/i.test(text) && index.mainPerson(ref) === last && !otherNamed()) return true;
      return index.matchHere(ref, { term: last, weight: 1, name: true, pos: 'PROPN' }) >= 0.7
        || (ref.sentence.attribution ?? '').toLowerCase().split(/\s+/).includes(last)
        || (/\b(he|she|they|i)\b/i.test(text) && near.some((s) => s.terms.includes(last)))
        || (!namesOnly && (around.some((s) => s.terms.includes(last)) || titleWords.includes(last)) && described());
    };
    // A figure is of what the question names: each name it gives is in the sentence, the two
    // before it, or the title ("Lane's contract" is not answered from an article on another deal).
    const context = (w: string) => index.matchHere(ref, { term: w, weight: 1, name: true, pos: 'PROPN' }) >= 0.7 || near.some((s) => s.terms.includes(w))
      || titleWords.includes(w);
    if (namesOnly) return [frame.agent, frame.patient].every((a) => !a?.name || named(a.words)) && names.every((w) => context(w) || named([w]));
    // Who did it, or which one, is read from a sentence that says it was done.
    const hasNoun = asksDoer ? null : (n: string) => !headline && index.matchHere(ref, { term: n, weight: 1, name: false, pos: 'NOUN' }) >= 0.7;
    return eventSupported(frame, ref.sentence, ref.article.raw, opts.wordnet, hasNoun, named);
  };

  const engine: Engine = {
    table,
    ask,
    sourceName,
    sources: () => table.articles.map((a) => {
      const viewer = viewerUrl(publicUrl, a.id);
      return {
        id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url ?? viewer, viewer,
        chars: a.raw.length, words: a.words, sentences: a.sentences.length, furniture: a.furniture.length,
        wireShare: a.wireShare, wireWith: a.wireWith,
      };
    }),
    timeline: (range) => {
      timeline ??= buildTimeline(index, publicUrl);
      const from = range?.from;
      const to = range?.to;
      return timeline.filter((e) => (!from || e.date >= from.slice(0, e.date.length)) && (!to || e.date.slice(0, to.length) <= to));
    },
    article: (id) => {
      const article = byId.get(id);
      if (!article) return undefined;
      factViews ??= factViewIndex(table);
      return { article, facts: factViews(id) };
    },
    suggest: (typed, limit = 25) => {
      suggestions ??= buildSuggestions(table, ask);
      const needle = (typed ?? '').toLowerCase().trim();
      const words = needle.split(/\s+/).filter(Boolean);
      return suggestions
        .filter((s) => words.every((w) => s.question.toLowerCase().includes(w)))
        .slice(0, Math.max(0, limit))
        .map((s) => s.question);
    },
    overview: () => {
      suggestions ??= buildSuggestions(table, ask);
      const agreed = suggestions.filter((s) => (s.answer.agree ?? 0) >= 2 && !s.answer.conflicts.length).map((s) => s.answer);
      const disagreements = answerDisagreement('Do the sources disagree?', [], table, index, publicUrl);
      return { agreed: agreed.slice(0, 12), disagreements: disagreements.answered ? [disagreements] : [] };
    },
  };
  return engine;
}
