/**
 * Follow-ups: an elliptical question ("and how high is it?", "what about the civilians?",
 * "who said that?", "when?") is rewritten into a full question using the previous one of the
 * same conversation, before it is parsed. Pure text work over an optional POS tagger; the
 * rewrite is a table of constructions, each reading one way people continue a conversation.
 */
import type { AskContext } from '../types.js';
import { capitalize } from '../values.js';

/** One token with its universal POS tag (wink-nlp's). */
export interface Tag {
  text: string;
  pos: string;
}

/** Splits text into tagged tokens; without one, a crude tagger that knows only function words. */
export type Tagger = (text: string) => Tag[];

export interface FollowUp {
  /** The question to answer: the follow-up in full, or the question unchanged. */
  question: string;
  /** Which construction rewrote it, when one did. */
  rule?: string;
}

const AUX = 'is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must';
const AUX_RE = new RegExp(`^(?:${AUX})$`, 'i');
/** Question words, with the measure a "how" carries ("how high"). */
const WH = /^(?:who|whom|whose|what|which|when|where|why|how(?:\s+(?:many|much|long|tall|high|wide|far|deep|thick|big|large|old|heavy|often|come))?)$/i;
const WH_HEAD = /^(who|whom|whose|what|which|when|where|why|how(?:\s+(?:many|much|long|tall|high|wide|far|deep|thick|big|large|old|heavy|often|come))?)\b\s*/i;
/** Openers that mark a continuation and carry no content of their own. */
const OPENER = /^(?:and|but|so|also|then|ok(?:ay)?|right|well|hmm+|oh)\b[\s,]*/i;
/** Words standing for something said before. */
const PRONOUN = /\b(it|its|they|them|their|he|him|his|she|her|this|that|these|those|there|one)\b/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|some|any)$/i;

/** The previous question split into its parts: "How many | civilians | are | trapped in the city". */
interface Frame {
  /** Question word(s), lower-case: "how many", "when"; empty for a yes/no question. */
  wh: string;
  /** The noun a "how many"/"which"/"what" phrase asks about ("civilians"). */
  whNoun: string;
  aux: string;
  /** Everything after the auxiliary (or after the question word when there is none). */
  rest: string;
  /** The thing the question is about: the noun phrase "it" and "they" stand for. */
  focus: string;
}

const trimEnd = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[\s?!.]+$/, '');

/** Tokens with tags: from the tagger, else words marked as unknown. */
function tagged(text: string, tag?: Tagger): Tag[] {
  if (tag) return tag(text).filter((t) => t.text.trim() !== '');
  return text.split(/\s+/).filter(Boolean).map((w) => ({ text: w, pos: AUX_RE.test(w) ? 'AUX' : DETERMINER.test(w) ? 'DET' : 'X' }));
}

/** The first noun phrase of `text`: a determiner, modifiers and a run of nouns or names. */
function firstNounPhrase(text: string, tag?: Tagger): string {
  const toks = tagged(text, tag);
  if (!tag) {
    // Without tags: up to the first word that starts a verb or a preposition phrase is unknowable, so keep it short.
    const words = toks.map((t) => t.text);
    const det = words[0] && DETERMINER.test(words[0]) ? 1 : 0;
    return words.slice(0, det + 2).join(' ');
  }
  let i = 0;
  while (i < toks.length && !/^(DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(toks[i]!.pos)) i++;
  const start = i;
  if (toks[i]?.pos === 'PRON') return toks[i]!.text;
  if (toks[i]?.pos === 'DET') i++;
  let lastNoun = -1;
  const inPhrase = (t: Tag | undefined) => Boolean(t && (/^(ADJ|NOUN|PROPN|NUM|PART)$/.test(t.pos) || /^(-|'s|’s)$/.test(t.text)));
  while (inPhrase(toks[i])) {
    if (/^(NOUN|PROPN)$/.test(toks[i]!.pos)) lastNoun = i;
    i++;
  }
  if (lastNoun < 0) return '';
  return joinTokens(toks.slice(start, lastNoun + 1));
}

function joinTokens(toks: Tag[]): string {
  return toks.map((t) => t.text).join(' ').replace(/\s+(['’]s|-)\s*/g, (_m, p: string) => (p === '-' ? '-' : p));
}

/** Splits a full question into question word, auxiliary, the rest, and its focus. */
function frameOf(question: string, tag?: Tagger): Frame {
  const q = trimEnd(question.replace(OPENER, ''));
  const head = WH_HEAD.exec(q);
  const wh = head ? head[1]!.toLowerCase().replace(/\s+/g, ' ') : '';
  let after = head ? q.slice(head[0].length) : q;
  let whNoun = '';
  const words = after.split(/\s+/).filter(Boolean);
  if (/^(how many|how much|which|what|whose)$/.test(wh) && words[0] && !AUX_RE.test(words[0])) {
    // "how many civilians are …", "which river did …": the noun run up to the auxiliary.
    const auxAt = words.findIndex((w) => AUX_RE.test(w));
    if (auxAt > 0) {
      whNoun = words.slice(0, auxAt).join(' ');
      after = words.slice(auxAt).join(' ');
    }
  }
  const m = new RegExp(`^(${AUX})\\b\\s*`, 'i').exec(after);
  const aux = m ? m[1]!.toLowerCase() : '';
  const rest = m ? after.slice(m[0].length) : after;
  const focus = whNoun ? whNoun : firstNounPhrase(rest, tag) || rest;
  return { wh, whNoun, aux, rest, focus };
}

interface Rule {
  name: string;
  /** Returns the rewritten question, or undefined when the construction doesn't apply. */
  rewrite(q: string, prev: Frame, ctx: AskContext, tag: Tagger | undefined, opened: boolean): string | undefined;
}

/** Replaces the previous question's focus with `np` in the previous question. */
function swapFocus(prev: Frame, ctx: AskContext, np: string): string {
  const previous = trimEnd(ctx.question);
  if (prev.whNoun) {
    const bare = np.replace(/^(?:the|a|an)\s+/i, '');
    return `${previous.replace(prev.whNoun, bare)}?`;
  }
  if (prev.focus && previous.includes(prev.focus)) return `${previous.replace(prev.focus, np)}?`;
  return `${previous} — ${np}?`;
}

/** The rows, tried in order; the first that applies wins. */
const RULES: Rule[] = [
  {
    // "what about its height?", "and their leader?": a property of the previous focus.
    name: 'its X',
    rewrite(q, prev, _ctx, _tag, opened) {
      const m = /^(?:(?:what|how)\s+about\s+)?(?:its|their|his|her)\s+(.+)$/i.exec(q);
      if (!m || !prev.focus || (!opened && !/^(?:what|how)\s+about\b/i.test(q))) return undefined;
      return `What is the ${m[1]} of ${article(prev.focus)}?`;
    },
  },
  {
    // "what about the civilians?", "how about Mosul?", "and the militants?" (a bare noun phrase).
    name: 'what about X',
    rewrite(q, prev, ctx, tag, opened) {
      const m = /^(?:what|how)\s+about\s+(.+)$/i.exec(q);
      // After "and …" a bare noun phrase, not a question of its own.
      const np = m ? m[1]! : opened && !/^(?:who|whom|whose|what|which|when|where|why|how)\b/i.test(q) ? q : undefined;
      if (!np) return undefined;
      // "and did they …" is a question of its own, not a noun phrase.
      if (AUX_RE.test(np.split(/\s+/)[0] ?? '')) return undefined;
      if (tag && tagged(np, tag).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return undefined;
      return swapFocus(prev, ctx, np);
    },
  },
  {
    // "who said that?", "who reported it?": who the previous answer comes from.
    name: 'who said that',
    rewrite(q, prev, ctx) {
      const m = /^who\s+(said|says|reported|reports|claimed|claims|stated|announced|told|confirmed|gave|estimated)\s+(?:that|it|this|so)$/i.exec(q);
      if (!m) return undefined;
      const verb = m[1]!.toLowerCase();
      if (ctx.value && prev.focus) return `Who ${verb} that ${declarative(prev, ctx.value)}?`;
      return `Who ${verb} ${prev.focus || trimEnd(ctx.question)}?`;
    },
  },
  {
    // "when?", "where?", "why?", "how many?", "and who?": the previous event, asked another way.
    name: 'bare question word',
    rewrite(q, prev) {
      const wh = q.toLowerCase().replace(/\s+/g, ' ');
      if (!WH.test(wh)) return undefined;
      const Wh = capitalize(wh);
      if (prev.aux) {
        // "Did the SDF breach the wall" → "When did the SDF breach the wall"; "How many X are trapped" → "Where are X trapped".
        const subject = prev.whNoun ? `${prev.whNoun} ` : '';
        return `${Wh} ${prev.aux} ${subject}${prev.rest}?`;
      }
      // "Who breached the wall?" → "When breached the wall?": the terms carry the event.
      return `${Wh} ${prev.rest}?`;
    },
  },
  {
    // "how high is it?", "is it still standing?", "who built them?": a pronoun for the previous focus.
    name: 'pronoun',
    rewrite(q, prev) {
      if (!prev.focus) return undefined;
      const m = /\b(it|they|them|this|that|these|those|he|him|she|her|its|their|his)\b/i.exec(q);
      if (!m) return undefined;
      // "that" opening a clause ("said that the …") is not a pronoun.
      if (/^that$/i.test(m[1]!) && /\S/.test(q.slice(m.index + 4)) && !/^\s*(\?|$)/.test(q.slice(m.index + 4))) return undefined;
      const focus = prev.focus;
      const possessive = /^(its|their|his|her)$/i.test(m[1]!) && !/^her$/i.test(m[1]!);
      const np = possessive ? `${article(focus)}'s` : article(focus);
      const rewritten = q.slice(0, m.index) + np + q.slice(m.index + m[1]!.length);
      return `${rewritten[0]!.toUpperCase()}${rewritten.slice(1)}?`;
    },
  },
];

/** A focus noun phrase ready to stand in a sentence: "wall" → "the wall"; names and phrases with a determiner as they are. */
function article(np: string): string {
  if (/^(?:the|a|an|this|that|these|those|its|their|his|her|our)\s/i.test(np) || /^[A-Z0-9]/.test(np)) return np;
  return `the ${np}`;
}

/** The previous question as a statement of its answer: "How long is the wall" + "4 km" → "the wall is 4 km long". */
function declarative(prev: Frame, value: string): string {
  const be = verbFor(prev);
  if (prev.whNoun && /^how (many|much)$/.test(prev.wh)) return `${value} ${prev.whNoun} ${prev.aux ? `${prev.aux} ` : ''}${prev.rest}`.trim();
  const measure = /^how (\w+)$/.exec(prev.wh);
  if (measure && /^(is|are|was|were)$/.test(prev.aux)) return `${article(prev.rest)} ${be} ${value} ${measure[1]}`;
  return `${article(prev.focus)} ${be} ${value}`;
}

/** The verb a declarative form of the previous question takes ("is", "are", "was"). */
function verbFor(prev: Frame): string {
  if (/^(is|are|was|were)$/.test(prev.aux)) return prev.aux;
  return 'is';
}

/** True when a question leans on something said before. */
export function isElliptical(question: string): boolean {
  const q = trimEnd(question);
  if (!q) return false;
  if (OPENER.test(q)) return true;
  if (/^(?:what|how)\s+about\b/i.test(q)) return true;
  if (WH.test(q.toLowerCase().replace(/\s+/g, ' '))) return true;
  return PRONOUN.test(q) && !/[A-Z]\w+/.test(q.slice(1)) && q.split(/\s+/).length <= 8;
}

/**
 * Rewrites `question` into a full question using the previous one (`context`), when it is
 * elliptical; otherwise returns it unchanged. Never throws.
 */
export function resolveFollowUp(question: string, context?: AskContext, tag?: Tagger): FollowUp {
  const original = typeof question === 'string' ? question : '';
  if (!context || typeof context.question !== 'string' || !context.question.trim() || !isElliptical(original)) return { question: original };
  const q = trimEnd(original).replace(OPENER, '').trim();
  const prev = frameOf(context.question, tag);
  const opened = OPENER.test(trimEnd(original));
  for (const rule of RULES) {
    const out = rule.rewrite(q || trimEnd(original), prev, context, tag, opened);
    if (out) return { question: out, rule: rule.name };
  }
  // "and how many soldiers died?" is complete once the opener is gone.
  return q && opened ? { question: `${q[0]!.toUpperCase()}${q.slice(1)}?`, rule: 'opener' } : { question: original };
}

/** A tagger over wink-nlp (passed in by the engine, so this module stays free of the model). */
export function winkTagger(nlp: { readDoc(text: string): { tokens(): { out(f?: unknown): unknown } }; its: { value: unknown; pos: unknown } }): Tagger {
  return (text) => {
    const doc = nlp.readDoc(text);
    const words = doc.tokens().out(nlp.its.value) as string[];
    const pos = doc.tokens().out(nlp.its.pos) as string[];
    return words.map((w, i) => ({ text: w, pos: pos[i] ?? 'X' }));
  };
}
