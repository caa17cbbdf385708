/**
 * Questions as frames. A question is read by the same chunker as the coverage into a frame with
 * one open, typed slot ("Which team pulled its offer to X?" → agent = ? (a team), verb = pull,
 * patient = offer, to = X) — or with none (a yes/no question) — and aligned with the frames
 * stored for candidate sentences: the verb by lemma, WordNet synonym or word form, every bound
 * slot by its words, names or a pronoun standing for them. No aligned verb and slots, no answer.
 */
import type { Answer, Fact, FrameArg, Frame, Sentence, WordNet } from '../types.js';
import { citationFor } from './links.js';
import { NOT_SAID } from './render.js';
import type { Nlp } from '../nlp.js';
import { chunk, readTokens, type Chunk, type Tok } from '../syntax.js';
import type { SearchIndex, SentenceRef } from './search.js';
import { withoutOpeners, type QTerm } from './question.js';
import { render, type Scored } from './render.js';
import { uniq } from '../values.js';
import { agreeingSources } from './agreement.js';
import { headlineCased } from '../terms.js';
import { MONTHS } from '../calendar.js';
import { FIRST_PERSON, GLOSS_FILLERS, HE_SHE, IRREALIS_GOVERNORS, LIGHT_VERBS, NEGATIVE_DETERMINERS, PARTICLES, PERSON_PRONOUNS, PERSON_TITLES, POSSESSIVES, QUESTION_TIME_WORDS, SPEECH_VERBS, THING_PRONOUNS, WEEKDAYS } from '../lexicon.js';

export type Wh = 'who' | 'what' | 'which' | 'where' | 'why' | 'when' | 'how' | 'yesno';
type Role = 'agent' | 'patient' | 'attr';

interface QArg {
  /** Content words (lower-case lemmas and names). */
  words: string[];
  head: string;
  /** A proper name ("Mark Ellery"): every word of it must be found, or a pronoun standing for it. */
  name?: boolean;
  /** Other forms of the name the corpus defines, as word lists. */
  alternatives?: string[][];
  /** "anyone", "any of the pirates": matches whoever fills the slot. */
  any?: boolean;
  /** "she", "he": the person the story is about, matched by a name, a pronoun or a person's description in the slot. */
  pronoun?: boolean;
}

export interface QuestionFrame {
  wh: Wh;
  verb: string;
  /** The slot asked for: a role, a preposition, or the place / cause of the event. */
  open?: Role | 'place' | 'cause' | { p: string };
  /** "which team": the kind of thing the answer must be. */
  typeNoun?: string;
  /** "what part of the house": what the answer must be a part of. */
  partOf?: QArg;
  agent?: QArg;
  patient?: QArg;
  attr?: QArg;
  slots: { p: string; arg: QArg }[];
  neg: boolean;
  /** "Where will they be handed over?": asks what will happen, so a planned event answers. */
  irrealis?: boolean;
  /** "Did they …", "has she …": a past event is asked. */
  past?: boolean;
}

/** How a stored verb can stand for the asked one. */
export const VERB_MATCH = { same: 1, synonym: 0.85, derived: 0.8, hypernym: 0.6 } as const;
/** How a bound slot is found: in the frame's own slot, elsewhere in the sentence, as a pronoun. */
const ARG_MATCH = { slot: 1, frame: 0.85, pronoun: 0.7, sentence: 0.55, context: 0.5 } as const;
/** Below this alignment a frame does not answer; a yes/no needs more, since "yes" is a claim. */
const RELATION_THRESHOLD = 0.5;
/** Below the threshold, by this much, a frame giving the chosen answer still counts as agreeing. */
const AGREEING = 0.8;
const YESNO_THRESHOLD = 0.6;
const SUPPORT_BONUS = 0.1;
/** How much a past event counts toward a question about what will or may happen. */
const REALIS_FOR_IRREALIS = 0.8;

/** Verbs whose "to" complement names the event asked about ("is going to be paid", "wants to buy"). */
const CATENATIVE = new Set([...IRREALIS_GOVERNORS, 'go', 'have', 'begin', 'start', 'continue', 'need', 'use', 'manage', 'fail', 'refuse', 'decline']);

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her', 'them', 'we', 'i', 'you', 'us', 'this', 'that', 'these', 'those', 'who', 'which']);
const ANY = new Set(['any', 'anyone', 'anybody', 'anything', 'someone', 'somebody', 'something']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'on', 'inside', 'outside', 'from', 'to', 'into', 'across', 'outside']);
const PERSONISH = ['person', 'individual', 'someone', 'organization', 'organisation', 'group', 'social group', 'team', 'unit', 'administrative unit', 'worker', 'leader', 'official'];
const PLACEISH = ['location', 'region', 'area', 'place', 'structure', 'building', 'establishment', 'facility', 'district', 'point', 'geographical area', 'address', 'room', 'vehicle', 'container'];

/** Reads a question into a frame; undefined when it is not a clause with a verb to align. */
export function compileQuestion(text: string, nlp: Nlp, wn?: WordNet): QuestionFrame | undefined {
  // A fronted phrase ("Besides guns, …", "In 2003, …") and a trailing time clause ("… when deputies
  // found him") qualify the question; the clause to align is what is left.
  const clean = withoutOpeners(text.replace(/[?!.\s]+$/, ''))
    .replace(/^(?:besides|apart from|other than|aside from|in|on|at|during|after|before|since)\b[^,]{1,60},\s*(?=(?:who|whom|what|which|where|why|when|how|did|does|do|was|were|is|are|has|have|had)\b)/i, '')
    .replace(/^((?:who|whom|what|which|where|why|how)\b.+?)\s+\b(?:when|while)\s+\S+\s+\S+.*$/i, '$1');
  if (!clean) return undefined;
  const toks = repairQuestion(readTokens(nlp, clean), wn);
  const { toks: t, chunks } = chunk(toks);
  if (!chunks.length) return undefined;
  const words = (c: Chunk | undefined): QArg | undefined => (c ? argWords(t, c.first, c.last, c.head) : undefined);
  let i = 0;
  let wh: Wh = 'yesno';
  let typeNoun: string | undefined;
  let partOf: QArg | undefined;
  const first = chunks[0]!;
  if (first.kind === 'WH') {
    const w = t[first.first]!.lower;
    if (w === 'whose') return undefined;
    wh = w === 'whom' ? 'who' : (w as Wh);
    if (!['who', 'what', 'which', 'where', 'why', 'when', 'how'].includes(wh)) return undefined;
    // "how many X did they …": the measured noun group belongs to the wh-phrase.
    if (wh === 'how') while (chunks[i]?.kind === 'OTHER' || chunks[i]?.kind === 'NP') i++;
    if (first.last > first.first) typeNoun = t[first.head]!.lemma;
    i = Math.max(i, 1);
    // "What part of the building collapsed", "what kind of car did he drive": an "of" phrase after
    // the wh-phrase belongs to it. A kind's kind is the noun after "of"; a part can be any thing.
    if (typeNoun && chunks[i]?.kind === 'P' && chunks[i]!.lemma === 'of' && chunks[i + 1]?.kind === 'NP') {
      const up = wn?.hypernyms(typeNoun, 'n', 1, 1) ?? [];
      if (up.includes('category')) typeNoun = t[chunks[i + 1]!.head]!.lemma;
      else if (up.includes('relation')) {
        typeNoun = undefined;
        partOf = words(chunks[i + 1]);
      }
      i += 2;
    }
  } else if (!(first.kind === 'VG' && first.bare)) return undefined;
  // "Which firm accidentally released it": an adverb before the verb qualifies it.
  while (chunks[i]?.kind === 'OTHER' && t[chunks[i]!.first]!.pos === 'ADV' && chunks[i]!.first === chunks[i]!.last && chunks[i + 1]?.kind === 'VG') i++;

  // The verb groups: an auxiliary first ("did", "was") and the main verb after its subject.
  const vgs = chunks.map((c, k) => (c.kind === 'VG' ? k : -1)).filter((k) => k >= i);
  if (!vgs.length) return undefined;
  let aux: number | undefined;
  let main = vgs[0]!;
  if (chunks[main]!.bare && vgs.length > 1 && chunks.slice(main + 1, vgs[1]).every((c) => c.kind === 'NP' || c.kind === 'P' || c.kind === 'OTHER')) {
    aux = main;
    main = vgs[1]!;
  }
  // "Were the guards hurt?": be + a verb that is not an -ing form is a passive (read on the verb
  // after the subject: "is he going to see" is no passive of "see").
  const auxLemma = aux !== undefined ? t[chunks[aux]!.head]!.lemma : undefined;
  const afterSubject = chunks[main]!;
  const beforeChain = auxLemma === 'be' && !afterSubject.bare && !t[afterSubject.head]!.lower.endsWith('ing');
  // "is going to be paid", "wants to buy": the last verb of a catenative chain names the event.
  while (chunks[main + 1]?.kind === 'VG' && chunks[main + 1]!.inf && CATENATIVE.has(chunks[main]!.lemma ?? '')) main++;
  const mc = chunks[main]!;
  let verb = mc.bare ? t[mc.head]!.lemma : mc.lemma!;
  const passive = Boolean(mc.passive) || (mc === afterSubject ? beforeChain : false);
  if (mc.bare && verb === 'be') verb = 'be';
  const neg = Boolean(mc.neg) || (aux !== undefined && Boolean(chunks[aux]!.neg));

  // Subject: the wh-phrase itself, or the noun group between the auxiliary and the verb.
  let subject: QArg | undefined;
  let whIsSubject = false;
  let existential = false;
  if (aux !== undefined) {
    const np = chunks.slice(aux + 1, main).find((c) => c.kind === 'NP');
    subject = words(np);
  } else if (wh !== 'yesno' && main === i) {
    whIsSubject = true;
  } else if (wh === 'yesno' && mc.bare) {
    const np = chunks.slice(main + 1).find((c) => c.kind === 'NP');
    // "Was there a flood risk?": an existential asks whether the thing after "there" was.
    if (np && np.first === np.last && t[np.first]!.lower === 'there') existential = true;
    subject = existential ? { words: [], head: 'there', any: true } : words(np);
  }
  // After the verb: object, prepositional slots, a stranded preposition.
  let k = main + 1;
  if (wh === 'yesno' && mc.bare && aux === undefined && subject) k = chunks.findIndex((c, j) => j > main && c.kind === 'NP') + 1;
  let object: QArg | undefined;
  if (chunks[k]?.kind === 'NP') object = words(chunks[k++]);
  const slots: { p: string; arg: QArg }[] = [];
  let stranded: string | undefined;
  for (; k < chunks.length; k++) {
    const c = chunks[k]!;
    // "… bring in to replace Lane": a purpose infinitive is another clause; its words are not this one's.
    if (c.kind === 'VG' && c.inf) break;
    if (c.kind === 'P' && chunks[k + 1]?.kind === 'NP') {
      const a = words(chunks[k + 1]);
      if (a && !isTimeWords(a)) slots.push({ p: c.lemma!, arg: a });
      k++;
    } else if (c.kind === 'P' && k === chunks.length - 1) stranded = c.lemma;
    else if (c.kind === 'NP' && !object) object = words(c);
    else if (c.kind === 'NP' && mc.bare) slots.push({ p: 'of', arg: words(c)! });
  }
  // "pick up that swarm": a particle WordNet lists with the verb makes one verb; its noun is the object.
  const phrasal = slots[0] && wn && !object && PARTICLES.has(slots[0].p) && wn.has(`${verb} ${slots[0].p}`, 'v') ? slots.shift()! : undefined;
  if (phrasal) {
    verb = `${verb} ${phrasal.p}`;
    object = phrasal.arg;
  }
  const frame: QuestionFrame = { wh, verb, typeNoun, slots, neg, ...(partOf ? { partOf } : {}) };
  // ("Will …", "would …" ask what is to come; "could they feel it?" asks what happened.)
  const head = (c: Chunk) => t[c.first]!.lower;
  if (mc.tense === 'future' || (aux !== undefined && chunks[aux]!.tense === 'future') || [mc, aux !== undefined ? chunks[aux]! : mc].some((c) => /^(would|'d)$/.test(head(c)))) frame.irrealis = true;
  // ("Did …", "has … hosted": what happened, which no "will host" tells.)
  else if (mc.tense === 'past' || (aux !== undefined && chunks[aux]!.tense === 'past')) frame.past = true;
  // Copulas: "Is X from Y?", "Was the building insured?" (an adjective after the subject).
  if (verb === 'be') {
    frame.agent = subject;
    frame.attr = object;
    const adj = chunks.slice(main + 1).find((c) => c.kind === 'OTHER' && t[c.first]!.pos === 'ADJ');
    if (!frame.attr && adj) frame.attr = argWords(t, adj.first, adj.last, adj.first);
    // "Is the new patch wormable?": an adjective after the subject's head noun is what is asked.
    const np = wh === 'yesno' && mc.bare && aux === undefined ? chunks.slice(main + 1).find((c) => c.kind === 'NP') : undefined;
    if (!frame.attr && np && np.head < np.last && t.slice(np.head + 1, np.last + 1).every((x) => x.pos === 'ADJ')) {
      frame.agent = argWords(t, np.first, np.head, np.head);
      frame.attr = argWords(t, np.head + 1, np.last, np.last);
    }
    if (wh !== 'yesno') return undefined; // "who/what is X" is a description, answered elsewhere
    return frame.agent ? frame : undefined;
  }
  // ("Which hospital was he taken to?": a passive with a stranded preposition says enough.)
  if (LIGHT_VERBS.has(verb) && !object && !slots.length && !(passive && stranded)) return undefined;
  if (passive) {
    frame.patient = subject;
    const by = slots.findIndex((s) => s.p === 'by');
    if (by >= 0) frame.agent = slots.splice(by, 1)[0]!.arg;
    if (object) frame.attr = object;
  } else {
    frame.agent = subject;
    frame.patient = object;
  }
  if (wh === 'yesno') return frame.agent || frame.patient ? frame : undefined;
  if (wh === 'when' || wh === 'how') return frame; // answered by typed facts; the frame guards the event
  if (wh === 'where') frame.open = 'place';
  else if (wh === 'why') frame.open = 'cause';
  else if (whIsSubject) frame.open = passive ? 'patient' : 'agent';
  else if (stranded) frame.open = { p: stranded };
  else if (!frame.patient && !passive) frame.open = 'patient';
  else if (passive && !frame.agent) frame.open = 'agent';
  else return undefined;
  return frame;
}

/**
 * A do-question puts the verb after its subject, where the tagger often reads it as a noun
 * ("did the Yankees sign", "did Karamanlis step down"): when no verb follows the auxiliary,
 * the last noun of the subject group that WordNet knows as a verb is the verb.
 */
function repairQuestion(input: Tok[], wn?: WordNet): Tok[] {
  // "Is Breaking Point meant to …": inside a question, a capitalized verb form before a name is part of the name.
  let toks = input;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k]!.pos === 'VERB' && /^[A-Z][a-z]/.test(toks[k]!.v) && toks[k + 1]!.pos === 'PROPN') {
      if (toks === input) toks = input.slice();
      toks[k] = { ...toks[k]!, pos: 'PROPN', lemma: toks[k]!.lower };
    }
  }
  // "Who smuggled the gun": right after a subject wh-word comes the verb, however it was tagged.
  const second = toks[1];
  if (wn && second && /^(who|what)$/.test(toks[0]!.lower) && second.pos !== 'AUX' && second.pos !== 'VERB') {
    // (An irregular past is its verb's too: "who shot?", "who stole it?".)
    const irregular = wn.verbBase(second.lower);
    const base = irregular && irregular !== second.lower ? irregular
      : /(ed|s)$/.test(second.lower) ? [second.lower, second.lower.replace(/e?d$/, ''), second.lower.replace(/d$/, ''), second.lower.replace(/(\w)\1ed$/, '$1'), second.lower.replace(/s$/, '')].find((b) => wn.has(b, 'v')) : undefined;
    if (base) {
      const out = toks.slice();
      out[1] = { ...second, pos: 'VERB', lemma: base };
      return out;
    }
  }
  // "Could people in Marlow feel it?": a word read as a verb right after an opening auxiliary, with
  // another verb later, is the subject when WordNet knows it as a noun.
  if (wn && toks[0]?.pos === 'AUX' && toks[1]?.pos === 'VERB' && wn.has(toks[1].lower, 'n') && toks.slice(2).some((x) => x.pos === 'VERB')) {
    toks = toks.slice();
    toks[1] = { ...toks[1]!, pos: 'NOUN', lemma: toks[1]!.lower };
  }
  // "Did police arrest Pruitt?": a noun read as a verb right after the auxiliary, before a verb read as a noun.
  const aux0 = toks.findIndex((x) => x.pos === 'AUX');
  const a1 = toks[aux0 + 1];
  const a2 = toks[aux0 + 2];
  if (wn && aux0 >= 0 && a1 && a2 && a1.pos === 'VERB' && a2.pos === 'NOUN' && wn.has(a1.lower, 'n') && wn.has(a2.lower, 'v') && /^(do|does|did)$/.test(toks[aux0]!.lower)) {
    const out = toks.slice();
    out[aux0 + 1] = { ...a1, pos: 'NOUN' };
    out[aux0 + 2] = { ...a2, pos: 'VERB', lemma: a2.lower };
    return out;
  }
  const auxAt = toks.findIndex((x) => x.pos === 'AUX');
  if (auxAt < 0 || !/^(do|does|did|will|would|can|could|should|might|may)$/.test(toks[auxAt]!.lower)) return toks;
  if (toks.slice(auxAt + 1).some((x) => x.pos === 'VERB')) return toks;
  let k = auxAt + 1;
  while (k < toks.length && /^(DET|ADJ|NOUN|PROPN|NUM|PRON|PART)$/.test(toks[k]!.pos)) k++;
  // The verb follows the subject's head: a name, a pronoun or a noun ("did the Yankees sign this winter").
  for (let j = auxAt + 2; j < k; j++) {
    const x = toks[j]!;
    const before = toks[j - 1]!;
    const base = wn?.verbBase(x.lower);
    if ((x.pos === 'NOUN' || (x.pos === 'ADJ' && /^(PROPN|PRON|NOUN)$/.test(before.pos))) && /^(PROPN|PRON|NOUN|ADJ)$/.test(before.pos) && !POSSESSIVES.has(before.lower) && (!wn || base)) {
      const out = toks.slice();
      out[j] = { ...x, pos: 'VERB', lemma: base ?? x.lower };
      return out;
    }
  }
  return toks;
}

function argWords(t: Tok[], first: number, last: number, head: number): QArg | undefined {
  const ws: string[] = [];
  let any = false;
  for (let k = first; k <= last; k++) {
    const x = t[k]!;
    if (ANY.has(x.lower)) any = true;
    if (x.pos === 'DET' || x.pos === 'PART' || x.pos === 'HYPH' || POSSESSIVES.has(x.lower) || /^(which|what|whose)$/.test(x.lower)) continue;
    if (x.pos === 'PRON' && !ANY.has(x.lower)) continue;
    if (/^[\p{L}\p{N}]/u.test(x.v) && !PERSON_TITLES.has(x.lower)) ws.push(x.pos === 'PROPN' ? x.lower : x.lemma);
  }
  // "Did she die in her sleep?": a personal pronoun alone stands for whom the story is about.
  if (!ws.length && !any && first === last && PERSON_PRONOUNS.has(t[first]!.lower)) return { words: [], head: t[first]!.lower, pronoun: true };
  if (!ws.length && !any) return undefined;
  const name = t[head]!.pos === 'PROPN' && /^\p{Lu}/u.test(t[head]!.v);
  return { words: ws, head: name ? t[head]!.lower : t[head]!.lemma, any: any || undefined, name: name || undefined };
}

function isTimeWords(a: QArg): boolean {
  return a.words.every((w) => QUESTION_TIME_WORDS.has(w));
}

export interface RelationContext {
  index: SearchIndex;
  publicUrl: string;
  wn?: WordNet;
}

interface Aligned {
  ref: SentenceRef;
  frame: Frame;
  score: number;
  /** Open slot's filler (wh-questions). */
  arg?: FrameArg;
  /** Yes/no: the frame says the opposite (negated, or an antonym). */
  negative?: boolean;
}

/** Answers a wh-question from aligned frames, or undefined when no frame aligns well enough. */
export function answerRelation(qf: QuestionFrame, question: string, terms: QTerm[], ctx: RelationContext): Answer | undefined {
  const all = align(qf, terms, ctx);
  const aligned = all.filter((a) => a.arg && a.score >= RELATION_THRESHOLD);
  if (!aligned.length) {
    // "Who smuggled the gun in?" where the coverage says only that it was smuggled in.
    const reported = all.filter((a) => !a.arg && a.score >= YESNO_THRESHOLD && qf.verb !== 'be' && !LIGHT_VERBS.has(qf.verb));
    if (!reported.length) return undefined;
    const open = qf.open === 'agent' || qf.open === 'patient' ? (qf.wh === 'who' ? 'who' : 'what') : qf.wh === 'where' ? 'where' : qf.wh === 'why' ? 'why' : 'that detail';
    return {
      question, answered: false, intent: 'relation', citations: [], conflicts: [],
      answer: `${NOT_SAID} The sources report it, but not ${open}.`,
      passages: uniqueRefs(reported).slice(0, 2).map((a) => citationFor(a.ref.article, a.ref.sentence.start, a.ref.sentence.end, ctx.publicUrl)),
    };
  }
  const toScored = (a: Aligned): Scored => {
    const text = a.ref.article.raw.slice(a.arg!.start, a.arg!.end).replace(/^(the|a|an)\s+/i, '').replace(/[\s,;:]+$/, '');
    const fact: Fact = {
      id: `${a.ref.article.id}#${a.ref.sentence.index}.r`, article: a.ref.article.id, sentence: a.ref.sentence.index,
      span: { start: a.arg!.start, end: a.arg!.end }, kind: 'entity', subject: qf.verb, attribute: 'relation',
      value: text, surface: text, label: text,
    };
    return { fact, ref: a.ref, score: a.score, value: text, fit: 1 };
  };
  const scored = aligned.map(toScored);
  const same = (a: Scored, b: Scored) => sameAnswer(a.value, b.value) || (qf.wh === 'where' && samePlace(a.value, b.value));
  const groups: Scored[][] = [];
  for (const s of scored.sort((x, y) => y.score - x.score)) {
    const g = groups.find((grp) => same(grp[0]!, s));
    if (g) g.push(s);
    else groups.push([s]);
  }
  const weight = (g: Scored[]) => Math.max(...g.map((s) => s.score)) * (1 + SUPPORT_BONUS * (uniq(g.map((s) => s.ref.article.id)).length - 1));
  groups.sort((a, b) => weight(b) - weight(a));
  // Sources that give the answer with a little less support ("they are likely to be handed over
  // … in Dunford", read through its "they") still count as agreeing with it.
  for (const a of all) {
    if (!a.arg || aligned.includes(a) || a.score < RELATION_THRESHOLD * AGREEING) continue;
    const s = toScored(a);
    if (same(groups[0]![0]!, s)) groups[0]!.push(s);
  }
  // Other sources that name the answer, speaking of the question, agree with it.
  groups[0]!.push(...agreeingSources({ terms }, groups[0]!, ctx.index, ctx.wn && ((n: string) => personNoun(n, ctx.wn!))));
  const answer = render({ text: question, intent: 'relation', terms }, ctx.index.table.articles.length, ctx.publicUrl, groups[0]!, []);
  return answer;
}

/** Answers a yes/no question: "Yes" when aligned frames assert it, "No" when they deny it, both when sources split. */
export function answerYesNo(qf: QuestionFrame, question: string, terms: QTerm[], ctx: RelationContext): Answer | undefined {
  const aligned = align(qf, terms, ctx).filter((a) => a.score >= YESNO_THRESHOLD);
  if (!aligned.length) return undefined;
  const best = Math.max(...aligned.map((a) => a.score));
  const strong = aligned.filter((a) => a.score >= best * 0.8);
  const toScored = (a: Aligned): Scored => ({
    fact: {
      id: `${a.ref.article.id}#${a.ref.sentence.index}.y`, article: a.ref.article.id, sentence: a.ref.sentence.index,
      span: { start: a.ref.sentence.start, end: a.ref.sentence.end }, kind: 'entity', subject: qf.verb, attribute: 'relation',
      value: a.negative ? 'No' : 'Yes', surface: '', label: a.negative ? 'No' : 'Yes',
    },
    ref: a.ref, score: a.score, value: a.negative ? 'No' : 'Yes', fit: 1,
  });
  // "Did they not …?" is answered about the event, so the polarity flips with the question's.
  const flip = (a: Aligned) => (qf.neg ? { ...a, negative: !a.negative } : a);
  const yes = strong.map(flip).filter((a) => !a.negative).map(toScored);
  const no = strong.map(flip).filter((a) => a.negative).map(toScored);
  const weight = (g: Scored[]) => (g.length ? Math.max(...g.map((s) => s.score)) * (1 + SUPPORT_BONUS * (uniq(g.map((s) => s.ref.article.id)).length - 1)) : 0);
  const [main, other] = weight(no) > weight(yes) ? [no, yes] : [yes, no];
  // A source never counts on both sides: the other side keeps only sources the main side lacks.
  const mainSources = new Set(main.map((s) => s.ref.article.id));
  const rest = other.filter((s) => !mainSources.has(s.ref.article.id));
  return render({ text: question, intent: 'yesno', terms }, ctx.index.table.articles.length, ctx.publicUrl, main, rest.length ? [rest] : []);
}

function align(qf: QuestionFrame, terms: QTerm[], ctx: RelationContext): Aligned[] {
  const { index, wn } = ctx;
  const verbs = verbForms(qf.verb, wn);
  const opposites = new Set(wn && qf.verb !== 'be' ? wn.antonyms(qf.verb, 'v', 2) : []);
  // The verb is matched through its forms below ("entered a plea" for "plead"): the sentence's
  // support is read from the question's other words.
  const others = terms.filter((t) => t.pos !== 'VERB' || !verbs.has(t.term));
  const out: Aligned[] = [];
  // "Were the robbers armed?", "were the men masked?": the asked noun (with its commonest sense's
  // synonyms) and the word that may modify it (an adjective, or a passive's participle).
  const described = qf.wh !== 'yesno' || qf.slots.length ? undefined
    : qf.verb === 'be' ? qf.agent && qf.attr && { noun: qf.agent, word: qf.attr.head } : !qf.agent && !qf.attr && qf.patient && { noun: qf.patient, word: qf.verb };
  const describedHeads = described && !described.noun.name ? new Set([described.noun.head, ...(wn ? wn.synonyms(described.noun.head, 'n', 1) : [])]) : undefined;
  // The words a copula's complement may negate: the asked one, and the asked verb's synonyms.
  const polarWords = qf.verb === 'be' ? [qf.attr?.head ?? ''] : [qf.verb, ...[...verbs.entries()].filter(([, x]) => x >= VERB_MATCH.synonym).map(([w]) => w)];
  const askedArgs = [qf.patient, qf.attr, ...qf.slots.map((x) => x.arg)];
  const askedGlosses = wn ? glossPhrases(qf.verb, wn) : [];
  const askedNominals = wn ? nominals(qf.verb, wn) : undefined;
  for (const ref of index.candidates(terms)) {
    const frames = ref.sentence.frames;
    if (!frames?.length) continue;
    const text = ref.article.raw;
    // Read once, when a frame of the sentence has the asked event (most candidates have none).
    let wordsOf: Set<string> | undefined;
    let support: number | undefined;
    const supportOf = (): number => (support ??= 0.6 + 0.4 * index.coverage(ref, others.length ? others : terms));
    // Each frame's object's own phrase ("the sequel to Harbor Lights"), read once per sentence.
    let phrases: ({ start: number; end: number } | undefined)[] | undefined;
    for (const [fi, f] of frames.entries()) {
      const space = f.verb.indexOf(' ');
      let v = verbs.get(f.verb) ?? (space > 0 ? verbs.get(f.verb.slice(0, space)) : undefined) ?? 0;
      let negative = Boolean(f.neg);
      // "Lane denied suggestions that he was …" answers "did he admit …" in the negative.
      if (!v && qf.wh === 'yesno' && opposites.has(f.verb)) {
        v = VERB_MATCH.synonym;
        negative = !negative;
      }
      // "Was the building insured?" ~ "the building was uninsured": a copula with a negated form of the word.
      if (!v && f.verb === 'be' && f.attr) {
        const attr = text.slice(f.attr.start, f.attr.end).toLowerCase();
        const polar = polarWords.map((w) => polarForm(w, attr, wn)).find(Boolean);
        if (polar) {
          v = VERB_MATCH.same;
          negative = polar === 'negative' ? !negative : negative;
        }
      }
      // "Were the robbers armed?" ~ "four armed robbers fled": the asked word modifies the asked
      // noun in one of the frame's noun groups ("unarmed robbers" says no).
      if (!v && described && describedHeads) {
        const polar = modifierPolarity(describedHeads, described.word, [f.agent, f.patient, ...(f.slots ?? []).map((x) => x.arg)], text, wn);
        if (polar) {
          out.push({ ref, frame: f, score: VERB_MATCH.same * supportOf(), negative: polar === 'negative' ? !negative : negative });
          continue;
        }
      }
      // A light verb with the event as its noun: "gave testimony" for "testify".
      if (!v && askedNominals && ((f.patient && askedNominals.has(f.patient.head)) || (f.attr && askedNominals.has(f.attr.head)))) v = VERB_MATCH.derived;
      // The asked verb's definition said in other words: "taken into custody" for "arrest", "found
      // guilty" for "convict"; and the other way, "convicted" for "found guilty".
      let glossWord: string | undefined;
      if (!v && wn) {
        const args = askedGlosses.some((g) => g.verbs.has(f.verb)) ? [f.patient, f.attr, ...(f.slots ?? []).map((x) => x.arg)] : undefined;
        if (args && askedGlosses.some((g) => g.verbs.has(f.verb) && args.some((a) => spanHas(text, a, g.word)))) v = VERB_MATCH.derived;
        else {
          const g = glossPhrases(f.verb, wn).find((x) => x.verbs.has(qf.verb) && askedArgs.some((a) => a?.words.includes(x.word)));
          if (g) {
            v = VERB_MATCH.derived;
            glossWord = g.word;
          }
        }
      }
      if (!v) continue;
      // A wished-for or planned event answers only a question about what will happen.
      if (f.modal && !qf.irrealis) continue;
      // ("Ann will host the gala" says nothing of whether she has hosted it.)
      if (f.tense === 'future' && qf.past) continue;
      if (qf.wh !== 'yesno' && negative) continue;
      // Every bound slot of the question must be found.
      const checks: number[] = [];
      const bound: [QArg | undefined, FrameArg[]][] = [
        [qf.agent, [f.agent].filter(Boolean) as FrameArg[]],
        [qf.patient, [f.patient, f.attr].filter(Boolean) as FrameArg[]],
        [qf.attr, [f.attr, f.patient].filter(Boolean) as FrameArg[]],
        ...qf.slots.map((s): [QArg, FrameArg[]] => [s.arg, (f.slots ?? []).filter((x) => x.p === s.p || (PLACE_PREPS.has(x.p) && PLACE_PREPS.has(s.p))).map((x) => x.arg)]),
      ];
      const everyArg = [f.agent, f.patient, f.attr, ...(f.slots ?? []).map((x) => x.arg)].filter(Boolean) as FrameArg[];
      // "will direct the sequel to Harbor Lights": a phrase right after the object is the object's
      // ("to Harbor Lights" is the sequel's), so it does not stand for the asked object.
      phrases ??= frames.map((g) => objectsPhrase(g, text));
      const sentenceWords = (wordsOf ??= new Set(ref.sentence.terms));
      const objects = phrases[fi];
      const inOwn = (a: FrameArg) => objects !== undefined && a.start >= objects.start && a.start < objects.end;
      for (const [asked, own] of bound) {
        if (!asked) continue;
        // The question's "guilty" of "found guilty" is already read by the verb "convicted".
        if (glossWord && asked.words.length === 1 && asked.words[0] === glossWord) continue;
        // "the SDF" is also "the Syrian Democratic Forces" where the coverage defines it so.
        const q = asked.name ? withAlias(asked, index.table.aliases) : asked;
        if (q.any) {
          checks.push(own.length ? ARG_MATCH.slot : ARG_MATCH.sentence);
          continue;
        }
        if (q.pronoun) {
          // Only a name, a pronoun or a person's description ("the retired novelist") in the slot
          // can be the story's person, not "the company".
          // It only rules frames out: it names no one, so it adds no evidence.
          const person = (a: FrameArg) => a.name || PRONOUNS.has(text.slice(a.start, a.end).toLowerCase()) || (wn !== undefined && personNoun(a.head, wn));
          if (own.length && !own.some(person)) checks.push(0);
          continue;
        }
        let m = 0;
        for (const a of own) m = Math.max(m, argMatch(q, a, text, wn) * ARG_MATCH.slot);
        // "The suspect, Dale Pruitt, was held": an apposition makes the description stand for the name.
        if (m < 0.5) for (const a of own) for (const b of equivalents(a, frames)) m = Math.max(m, argMatch(q, b, text, wn) * ARG_MATCH.slot);
        // "a not guilty plea" answers "plead guilty?" in the negative.
        // (Not again for a negative determiner the frame's polarity already holds: "there was no risk".)
        const counted = (a: FrameArg) => f.neg && NEGATIVE_DETERMINERS.has(text.slice(a.start, a.end).toLowerCase().split(/\s+/)[0]!);
        if (qf.wh === 'yesno' && everyArg.some((a) => negates(q, text.slice(a.start, a.end)) && !counted(a))) negative = !negative;
        // A named doer is found as the clause's doer (or its "he"), not by being elsewhere in the
        // sentence ("According to Blake, the Hawks made an offer": Blake made none).
        const doerTaken = asked === qf.agent && asked.name && !own.some((a) => PRONOUNS.has(text.slice(a.start, a.end).toLowerCase()));
        if (m < 0.5 && !doerTaken) for (const a of everyArg) if (asked !== qf.patient || !inOwn(a)) m = Math.max(m, argMatch(q, a, text, wn) * ARG_MATCH.frame);
        // "he" stands for the asked name only when the name is just before it: earlier in the
        // sentence or in the two sentences before.
        if (m < 0.5 && own.some((a) => PRONOUNS.has(text.slice(a.start, a.end).toLowerCase()) && standsFor(a, q, ref, index))) m = Math.max(m, ARG_MATCH.pronoun);
        // "The singer rehired …": a definite description of a person stands for the article's main person.
        if (m < 0.5 && q.name && wn && own.some((a) => !a.name && /^[Tt]he\s+[a-z\s-]+$/.test(text.slice(a.start, a.end)) && personNoun(a.head, wn)) && index.mainPerson(ref) === q.words.at(-1)) m = Math.max(m, ARG_MATCH.pronoun);
        // (Nor does an object's own phrase, in any clause of the sentence, put the asked object in it.)
        const inObjectsPhrase = asked === qf.patient && inObjectsPhrases(phrases, q.words, text);
        // (Not for the object of a clause that has another: "Lowe won the title" does not say she won the fight.)
        const otherObject = asked === qf.patient && own.length > 0;
        if (m < 0.5 && !doerTaken && !inObjectsPhrase && !otherObject && q.words.every((w) => sentenceWords.has(w))) m = Math.max(m, ARG_MATCH.sentence);
        // A prepositional qualifier ("on the pirate boats", "about his knee") may be set by the
        // sentences before, or be what the article's lead is about.
        if (m < 0.5 && !q.name && qf.slots.some((x) => x.arg === q) && (antecedentNear(q, ref) || inLead(q, ref))) m = Math.max(m, ARG_MATCH.context);
        checks.push(m);
      }
      if (checks.some((c) => c < 0.5)) continue;
      let argScore = checks.length ? checks.reduce((a, b) => a + b, 0) / checks.length : 0.6;
      let arg: FrameArg | undefined;
      let fit = 1;
      if (qf.open) {
        arg = openArg(qf, f, wn);
        if (!arg) {
          // The event is reported without the asked participant: remember it, to decline honestly.
          out.push({ ref, frame: f, score: v * (checks.length ? checks.reduce((a, b) => a + b, 0) / checks.length : 0.6) * supportOf() });
          continue;
        }
        let filler = text.slice(arg.start, arg.end);
        // "took a rifle and fired it": an object "it" is the object of the clause before it in the sentence.
        if (THING_PRONOUNS.has(filler.toLowerCase()) && arg === f.patient) {
          const before = frames.filter((g) => g !== f && g.patient && g.patient.end <= arg!.start && !PRONOUNS.has(text.slice(g.patient.start, g.patient.end).toLowerCase()));
          const prev = before.sort((a, b) => b.patient!.end - a.patient!.end)[0];
          if (prev) {
            arg = prev.patient!;
            filler = text.slice(arg.start, arg.end);
          }
        }
        if (PRONOUNS.has(filler.toLowerCase()) || !/[\p{L}\p{N}]/u.test(filler)) continue;
        if (asked(filler, qf)) continue;
        // "Who killed the woman?" is not answered by "a Dunford woman": the asked object's own noun
        // in the doer's place is the clause read the wrong way round.
        const other = qf.open === 'agent' ? qf.patient : qf.open === 'patient' ? qf.agent : undefined;
        if (other && !other.name && !other.any && !other.pronoun && arg.head === other.head) continue;
        // ("Who replaced Lowe?" is not answered by "Ann Lowe" either, nor by a phrase naming
        // her: the asked name fills its own slot.)
        if (other?.name && filler.toLowerCase().split(/[^\p{L}\p{N}'’]+/u).includes(other.words.at(-1)!)) continue;
        // In a headline-cased line every word is capitalized: capitals make no name there.
        fit = typeFit(qf, arg.name && headlineCased(text.slice(ref.sentence.start, ref.sentence.end)) ? { ...arg, name: undefined } : arg, filler, wn);
        if (!fit) continue;
        // (What the answer is a part of is one more bound argument.)
        if (qf.partOf) {
          const part = partFit(qf.partOf, arg, sentenceWords, index, wn);
          if (part < 0.5) continue;
          argScore = (checks.reduce((a, b) => a + b, 0) + part) / (checks.length + 1);
        }
      }
      // What will happen is better read from a sentence that says it will than from a past one.
      const when = qf.irrealis && !f.modal && f.tense !== 'future' ? REALIS_FOR_IRREALIS : 1;
      out.push({ ref, frame: f, score: v * argScore * fit * supportOf() * when, arg, negative });
    }
  }
  return out;
}

/** A name argument that the corpus gives another form of ("SDF" ↔ "Syrian Democratic Forces") matches either. */
function withAlias(q: QArg, aliases: Record<string, string[]> | undefined): QArg {
  const alts = aliases ? Object.hasOwn(aliases, q.words.join(' ')) ? aliases[q.words.join(' ')] : undefined : undefined;
  if (!alts?.length) return q;
  return { ...q, alternatives: alts.map((a) => a.split(/\s+/)) };
}

/** Whether the asked argument is named in the sentence or in one of the two before it. */
function antecedentNear(q: QArg, ref: SentenceRef): boolean {
  const i = ref.sentence.index;
  const forms = [q.words, ...(q.alternatives ?? [])];
  return ref.article.sentences.slice(Math.max(0, i - 2), i + 1).some((s) => forms.some((ws) => ws.every((w) => s.terms.includes(w))));
}

/** Whether the article's first two sentences (its lead) have every word of `q`. */
function inLead(q: QArg, ref: SentenceRef): boolean {
  return ref.article.sentences.slice(0, 2).some((s) => q.words.every((w) => s.terms.includes(w)));
}

/**
 * Whether a pronoun can stand for the asked name: "I" and "we" stand for the sentence's speaker;
 * "he" and "she" for the person named last before them (in the sentence or the two before), so a
 * name further back is someone else's; other pronouns for a name just before them.
 */
function standsFor(pronoun: FrameArg, q: QArg, ref: SentenceRef, index: SearchIndex): boolean {
  const word = ref.article.raw.slice(pronoun.start, pronoun.end).toLowerCase();
  const forms = [q.words, ...(q.alternatives ?? [])];
  const isAsked = (name: string) => {
    const ws = name.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u);
    return forms.some((f) => f.length > 0 && f.every((w) => ws.includes(w)));
  };
  if (FIRST_PERSON.has(word)) return Boolean(ref.sentence.attribution && isAsked(ref.sentence.attribution));
  if (!antecedentNear(q, ref)) return false;
  if (!q.name || !HE_SHE.has(word)) return true;
  let last: Fact | undefined;
  for (let k = Math.max(0, ref.sentence.index - 2); k <= ref.sentence.index; k++) {
    const at = index.refAt(ref.a, k);
    for (const f of at ? index.factsOf(at) : []) {
      if (f.kind === 'entity' && f.attribute === 'person' && f.span.start < pronoun.start && (!last || f.span.start > last.span.start)) last = f;
    }
  }
  return !last || isAsked(String(last.value));
}

/** The other side of any apposition in the sentence that overlaps `a` ("the suspect" ↔ "Dale Pruitt"). */
function equivalents(a: FrameArg, frames: Frame[]): FrameArg[] {
  const out: FrameArg[] = [];
  const overlaps = (x: FrameArg) => x.start < a.end && a.start < x.end;
  for (const f of frames) {
    if (!f.apposition || !f.agent || !f.attr) continue;
    if (overlaps(f.attr)) out.push(f.agent);
    else if (overlaps(f.agent)) out.push(f.attr);
  }
  return out;
}

/** The asked verb's lemma with the lemmas that can stand for it, each with its strength. */
export function verbForms(verb: string, wn?: WordNet): Map<string, number> {
  const m = new Map<string, number>([[verb, VERB_MATCH.same]]);
  if (!wn || verb === 'be') return m;
  const put = (w: string, s: number) => {
    if ((m.get(w) ?? 0) < s) m.set(w, s);
  };
  // Synonyms both ways: "see" is among the senses of "insure", but "insure" is no usual sense of "see".
  // Only the asked verb's commonest sense: "arrest" is "apprehend", not (sense 2) "contain".
  for (const s of wn.synonyms(verb, 'v', 1)) if (wn.synonyms(s, 'v', 6).includes(verb)) put(s, VERB_MATCH.synonym);
  // A nominal frame ("the resignation of") is read by its verb's derived noun.
  for (const d of wn.derived(verb, 'v', 3)) put(d, VERB_MATCH.derived);
  for (const h of wn.hypernyms(verb, 'v', 1, 2)) put(h, VERB_MATCH.hypernym);
  // "hire back" is "rehire" ("re-hire"): the "re-" verb says the event again. (Not the other way:
  // "rewrote the script" is no answer to who wrote it.)
  const again = /^(\S+) (?:back|again)$/.exec(verb);
  if (again) for (const re of [`re${again[1]}`, `re-${again[1]}`]) put(re, VERB_MATCH.synonym);
  return m;
}

const nominalCache = new Map<string, Set<string>>();
/** Nouns derived from a verb ("testify" → "testimony"). */
function nominals(verb: string, wn: WordNet): Set<string> {
  let set = nominalCache.get(verb);
  if (!set) {
    set = new Set(wn.derived(verb, 'v', 8).filter((w) => wn.has(w, 'n')));
    nominalCache.set(verb, set);
  }
  return set;
}

/** A verb phrase one of a verb's commoner WordNet definitions spells out: "convict" is "find or declare guilty". */
export interface GlossPhrase {
  verbs: Set<string>;
  word: string;
}
const glossCache = new Map<string, GlossPhrase[]>();
/**
 * The verb + word each of a verb's three commonest definitions is made of ("arrest": "take into
 * custody"; "testify": "give testimony"; "plead", sense 3: "enter a plea"), so a sentence saying
 * it that way reports the verb's event.
 * Definitions that negate ("pronounce not guilty") are left out: their polarity is the point.
 */
export function glossPhrases(verb: string, wn: WordNet): GlossPhrase[] {
  let out = glossCache.get(verb);
  if (out) return out;
  out = [];
  for (const gloss of wn.glosses(verb, 'v', 3)) {
    const words = gloss.toLowerCase().replace(/[(),]/g, ' ').split(/\s+/).filter(Boolean);
    const verbs = new Set<string>();
    let k = 0;
    while (k < words.length && wn.has(words[k]!, 'v') && words[k] !== verb) {
      verbs.add(words[k]!);
      k += words[k + 1] === 'or' ? 2 : 1;
      if (words[k - 1] !== 'or') break;
    }
    while (k < words.length && GLOSS_FILLERS.has(words[k]!)) k++;
    const word = words[k];
    if (!verbs.size || !word || /^(not|no|never|without)$/.test(word) || words.includes('not')) continue;
    // "fail to keep": an infinitive is another verb, not what the first one is done to.
    if (words[k - 1] === 'to' && wn.has(word, 'v')) continue;
    if (wn.has(word, 'n') || wn.has(word, 'a')) out.push({ verbs, word });
  }
  glossCache.set(verb, out);
  return out;
}

/** Whether a span holds the word (as a whole word). */
function spanHas(text: string, a: FrameArg | undefined, word: string): boolean {
  return Boolean(a) && new RegExp(`\\b${word}`, 'i').test(text.slice(a!.start, a!.end));
}

/** Whether a span says "not"/"no"/"non-" right before one of the argument's words. */
function negates(q: QArg, span: string): boolean {
  const lower = span.toLowerCase();
  return q.words.some((w) => new RegExp(`\\b(?:not|no|non-?|never)\\s*${w.replace(/[^\p{L}\p{N}]/gu, '')}`, 'u').test(lower));
}

/**
 * Whether one of `args` is a noun group headed by one of `heads` with `word`, or its negative,
 * among the words before its head ("two armed men", "an unarmed guard").
 */
function modifierPolarity(heads: Set<string>, word: string, args: (FrameArg | undefined)[], text: string, wn?: WordNet): 'positive' | 'negative' | undefined {
  for (const a of args) {
    if (!a || !heads.has(a.head)) continue;
    const words = text.slice(a.start, a.end).toLowerCase().split(/\s+/);
    const polar = polarForm(word, words.slice(0, -1).join(' '), wn);
    if (polar) return polar;
  }
  return undefined;
}

const NEGATIVE_PREFIX = /^(?:un|in|im|non|dis|il|ir)-?/;
/** "uninsured" is the negative of "insured"; WordNet antonyms count too. */
function polarForm(word: string, attr: string, wn?: WordNet): 'positive' | 'negative' | undefined {
  if (!word) return undefined;
  const stem = word.replace(/e$/, '');
  const words = attr.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.some((w) => w === word || (w.startsWith(stem) && w.length - stem.length <= 3))) return 'positive';
  if (words.some((w) => NEGATIVE_PREFIX.test(w) && w.replace(NEGATIVE_PREFIX, '').startsWith(stem))) return 'negative';
  if (wn) {
    const opposites = [...wn.antonyms(word, 'a'), ...wn.antonyms(word, 'v')];
    if (words.some((w) => opposites.includes(w))) return 'negative';
  }
  // "unharmed" for "hurt": a word whose synonym is the asked word with a negative prefix ("unhurt").
  if (wn && words.some((w) => wn.synonyms(w, 'a', 2).some((x) => NEGATIVE_PREFIX.test(x) && x.replace(NEGATIVE_PREFIX, '') === word))) return 'negative';
  return undefined;
}

/** How well a question's noun group matches a frame's: shared names and content words, head synonyms. */
function argMatch(q: QArg, a: FrameArg, text: string, wn?: WordNet): number {
  if (q.alternatives) return Math.max(matchWords(q, a, text, wn), ...q.alternatives.map((words) => matchWords({ words, head: words.at(-1)!, name: true }, a, text, wn)));
  return matchWords(q, a, text, wn);
}

/**
 * The prepositional phrase right after a frame's object, which is the object's own ("the sequel to
 * Harbor Lights"): its span, the preposition and up to four words after it, or undefined.
 */
function objectsPhrase(f: Frame, text: string): { start: number; end: number } | undefined {
  if (!f.patient) return undefined;
  const m = OBJECTS_PHRASE.exec(text.slice(f.patient.end, f.patient.end + 80));
  if (!m || !NON_IDENTITY_PREPOSITIONS.has(m[1]!.toLowerCase())) return undefined;
  return { start: f.patient.end + m.index, end: f.patient.end + m[0].length };
}
const OBJECTS_PHRASE = /^\s+(\p{L}+)\s+["“'‘]?(?:[\p{L}\p{N}'’-]+ ?){1,4}/u;

/** Whether every word of `words` is in one of the objects' own phrases `spans`. */
function inObjectsPhrases(spans: ({ start: number; end: number } | undefined)[], words: string[], text: string): boolean {
  return spans.some((span) => {
    const own = span && text.slice(span.start, span.end).toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return own !== undefined && words.every((w) => own.includes(w));
  });
}

/** Prepositions (not "of") whose phrase, just before a name, says the group is about something else ("the sequel to Harbor Lights"). */
const NON_IDENTITY_PREPOSITIONS = new Set(['to', 'for', 'with', 'about', 'against', 'from', 'by', 'into', 'on', 'in', 'at', 'after', 'before', 'over']);

function matchWords(q: QArg, a: FrameArg, text: string, wn?: WordNet): number {
  const span = text.slice(a.start, a.end).toLowerCase();
  const spanWords = new Set(span.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w)));
  const has = (w: string) => spanWords.has(w) || spanWords.has(w.replace(/s$/, ''));
  // The question's words split as the span's are ("MS12-034" is "ms12" and "034").
  const qWords = q.words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  const shared = qWords.filter(has).length;
  // "the sequel to Harbor Lights" is not Harbor Lights: a name found only in a prepositional phrase on
  // another head (not "of": "the city of Marlow" is Marlow) is not what the group names.
  if (q.name && qWords.length && !qWords.includes(a.head)) {
    const words = span.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const at = words.indexOf(qWords[0]!);
    if (at > 0 && words.slice(Math.max(0, at - 4), at).some((w) => NON_IDENTITY_PREPOSITIONS.has(w))) return 0;
  }
  if (qWords.length && shared === qWords.length) return 1;
  // A name matches only as a whole, or by a shorter form of it ("Ellery" for "Mark Ellery"):
  // "iPod touch" is not the "iPod Shuffle".
  if (q.name) return spanWords.size > 0 && [...spanWords].every((w) => q.words.includes(w) || PRONOUNS.has(w) || /^(the|a|an|mr|mrs|ms|dr)$/.test(w)) && has(q.head) ? 0.9 : 0;
  if (has(q.head)) return 0.8;
  if (shared && shared / qWords.length >= 0.5) return 0.7;
  if (wn && (wn.synonyms(q.head, 'n', 2).some(has) || wn.synonyms(a.head, 'n', 2).includes(q.head))) return 0.75;
  return 0;
}

function openArg(qf: QuestionFrame, f: Frame, wn?: WordNet): FrameArg | undefined {
  const open = qf.open!;
  if (open === 'agent') return f.agent;
  if (open === 'patient') return f.patient ?? f.attr;
  if (open === 'attr') return f.attr;
  if (open === 'cause') return f.cause ?? f.purpose;
  if (open === 'place') {
    // "at the medical center for federal prisoners in Springfield": the whole chain of place phrases;
    // where something went ("handed over to X") only when no place it happened at is given.
    // The chain starts at a place: "died in her sleep Thursday in Marlow" is in Marlow.
    const slots = f.slots ?? [];
    const at = (s: { p: string }) => PLACE_PREPS.has(s.p) && s.p !== 'to' && s.p !== 'from';
    const calendar = (a: FrameArg) => (a.name ?? '').toLowerCase().split(/\s+/).every((w) => WEEKDAYS.includes(w) || MONTHS.includes(w));
    let k = slots.findIndex((s) => at(s) && ((s.arg.name && !calendar(s.arg)) || placeish(s.arg.head, wn)));
    if (k < 0) k = slots.findIndex(at);
    if (k < 0) k = slots.findIndex((s) => s.p === 'to' || s.p === 'into');
    if (k < 0) return undefined;
    const first = slots[k]!.arg;
    let last = first;
    for (let j = k + 1; j < slots.length && slots[j]!.arg.start - last.end <= 6 && /^(for|of|in|at|near|on|outside)$/.test(slots[j]!.p); j++) last = slots[j]!.arg;
    return last === first ? first : { start: first.start, end: last.end, head: first.head, name: [first.name, last.name].filter(Boolean).join(' ') || undefined };
  }
  return (f.slots ?? []).find((s) => s.p === open.p || (PLACE_PREPS.has(s.p) && PLACE_PREPS.has(open.p)))?.arg;
}

/** A filler the question itself names is not its answer. */
function asked(filler: string, qf: QuestionFrame): boolean {
  // "their bank" for "which bank": determiners and possessives say nothing of which one.
  const words = filler.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !/^(the|a|an|of|and|this|that|these|those)$/.test(w) && !POSSESSIVES.has(w));
  if (!words.length) return true;
  const known = new Set([qf.agent, qf.patient, qf.attr, ...qf.slots.map((s) => s.arg)].flatMap((a) => a?.words ?? []));
  if (qf.typeNoun) known.add(qf.typeNoun);
  return words.every((w) => known.has(w) || known.has(w.replace(/s$/, '')));
}

/** Whether WordNet files a noun's commonest sense under person ("native", "novelist", "offender"). */
export function personNoun(head: string, wn: WordNet): boolean {
  return wn.hypernyms(head, 'n', 6, 2).includes('person');
}

/** Whether WordNet files a noun under a place or a thing at one (a building, a region, a vehicle). */
function placeish(head: string, wn?: WordNet): boolean {
  return Boolean(wn) && PLACEISH.some((p) => new Set([head, ...wn!.hypernyms(head, 'n', 4, 2)]).has(p));
}

/** Whether the filler is the kind of thing asked for (a team for "which team", a place for "where"). */
function typeFit(qf: QuestionFrame, arg: FrameArg, filler: string, wn?: WordNet): number {
  const kinds = (head: string) => (wn ? new Set([head, ...wn.synonyms(head, 'n', 2), ...wn.hypernyms(head, 'n', 4, 2)]) : new Set([head]));
  // ("Indian naval forces" holds a name, but is no name: its head is a common noun.)
  if (arg.name && !arg.name.toLowerCase().split(/\s+/).includes(arg.head)) arg = { ...arg, name: undefined };
  if (qf.typeNoun) {
    if (arg.head === qf.typeNoun) return 1;
    const k = kinds(arg.head);
    if (k.has(qf.typeNoun)) return 0.9;
    if (!arg.name) return 0.35;
    // A name whose own words, or title, say its kind: "Dr. Ann Lee" for "which doctor", "attorney
    // Jo Ames" for "which lawyer", "Mount Sefa" for "which mountain".
    const own = new Set([qf.typeNoun, ...(wn?.synonyms(qf.typeNoun, 'n', 1) ?? [])].map((w) => w.replace(/\.$/, '')));
    return filler.toLowerCase().split(/\s+/).some((w) => own.has(w.replace(/\.$/, ''))) ? 0.9 : 0.75;
  }
  if (qf.wh === 'who') {
    if (arg.name) return 1;
    // (A person only in a rarer sense is a weaker answer: a "hand" is first a body part.)
    const commonest = wn ? new Set([arg.head, ...wn.synonyms(arg.head, 'n', 1), ...wn.hypernyms(arg.head, 'n', 4, 1)]) : new Set([arg.head]);
    return PERSONISH.some((p) => commonest.has(p)) ? 0.8 : PERSONISH.some((p) => kinds(arg.head).has(p)) ? 0.5 : 0;
  }
  if (qf.wh === 'where') {
    if (arg.name) return 0.9;
    return PLACEISH.some((p) => kinds(arg.head).has(p)) ? 0.8 : 0;
  }
  return 1;
}

/**
 * "What part of the house burned": a filler WordNet files as a part of the asked whole ("the
 * roof" of a building, "the head" of a body), or of a kind of it, answers; else one whose sentence
 * names the whole may; else none.
 */
function partFit(whole: QArg, arg: FrameArg, sentenceWords: Set<string>, index: SearchIndex, wn?: WordNet): number {
  if (wn) {
    // (Of a kind of it only where the coverage speaks of the whole: a roof is a building's, but no
    // source about a house's roof speaks of "the building".)
    const kinds = index.vocab.has(whole.head) ? wn.hypernyms(whole.head, 'n', 2, 1) : [];
    const of = new Set([whole.head, ...wn.synonyms(whole.head, 'n', 1), ...kinds]);
    if (wn.wholes(arg.head, 2).some((w) => of.has(w))) return 1;
  }
  return whole.words.every((w) => sentenceWords.has(w)) ? ARG_MATCH.sentence : 0;
}

/** Two fillers are one answer when one's content words contain the other's. */
function sameAnswer(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^(the|a|an|of|and)$/.test(w));
  const wb = b.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^(the|a|an|of|and)$/.test(w));
  if (!wa.length || !wb.length) return false;
  const [small, big] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return small.every((w) => big.includes(w));
}

/**
 * Two places named at different grain share a place name ("the jail in Dunford", "the
 * county detention center in Dunford, Ore."): one answer to "where".
 */
function samePlace(a: string, b: string): boolean {
  const names = (x: string) => new Set(x.match(/\b\p{Lu}[\p{L}'’-]{2,}/gu) ?? []);
  const nb = names(b);
  return [...names(a)].some((n) => nb.has(n));
}

/**
 * Whether a sentence speaks of the question's event: its verb, a synonym, a derived noun or a
 * broader verb among the sentence's terms. Questions with only a light verb ("what is", "did
 * they have") have no event to check. `raw` is the article text the sentence and its frames index.
 */
export function eventSupported(qf: QuestionFrame, sentence: Sentence, raw: string, wn?: WordNet, hasNoun: ((noun: string) => boolean) | null = (n) => sentence.terms.includes(n), named: (words: string[]) => boolean = (ws) => ws.every((w) => sentence.terms.includes(w))): boolean {
  // "When did X resign?": a date of someone else's resignation does not answer it.
  for (const a of [qf.agent, qf.patient]) if (a?.name && !named(a.words)) return false;
  // "Who directed Harbor Lights?" is not answered by "… will direct the sequel to Harbor Lights":
  // the asked object named only in another object's own phrase.
  const frames = sentence.frames ?? [];
  const patient = qf.patient;
  if (patient?.name && inObjectsPhrases(frames.map((f) => objectsPhrase(f, raw)), patient.words, raw)
    && !frames.some((f) => [f.agent, f.patient, f.attr].some((a) => a && argMatch(patient, a, raw, wn) >= 0.5))) return false;
  // ("Take over" is an event of its own, though "take" alone is light.)
  if (LIGHT_VERBS.has(qf.verb)) return true;
  const forms = new Set([qf.verb, ...qf.verb.split(' ')]);
  if (wn) {
    for (const w of [...wn.synonyms(qf.verb, 'v', 4), ...wn.derived(qf.verb, 'v', 4), ...wn.hypernyms(qf.verb, 'v', 1, 3)]) forms.add(w);
    for (const n of [...forms]) for (const d of wn.derived(n, 'n', 2)) forms.add(d);
  }
  // "Declare" is broadly "say", but a sentence saying something reports no declaring: the speech
  // verbs every attribution uses stand only for themselves.
  for (const f of [...forms]) if (f !== qf.verb && SPEECH_VERBS.has(f)) forms.delete(f);
  // (A verb WordNet files under the asked one says it too, more narrowly: "broke out" is a way to "start".)
  const narrower = (f: Frame) => Boolean(wn) && f.verb !== 'be' && wn!.hypernyms(f.verb, 'v', 1, 2).includes(qf.verb);
  const framed = (sentence.frames ?? []).filter((f) => forms.has(f.verb) || forms.has(f.verb.split(' ')[0]!) || narrower(f));
  // "When did Lee declare mourning?" where the state declared it and Lee only says so: the
  // event is another doer's when every clause reporting it names someone else as its doer.
  const asked = qf.agent;
  // The doer is read with what the chunker leaves after its head before the clause's next
  // argument: "the former chief of Acme Inc. Jo Ames has died" has Ames as its doer.
  const subject = (f: Frame): string => {
    const a = f.agent!;
    const next = [f.patient, f.attr, ...(f.slots ?? []).map((x) => x.arg)].filter((x) => x && x.start >= a.end).map((x) => x!.start);
    return `${a.name ?? ''} ${raw.slice(a.start, next.length ? Math.min(...next) : a.end)}`.toLowerCase();
  };
  const otherDoer = (f: Frame) => Boolean(f.agent) && !PRONOUNS.has(f.agent!.head)
    && !asked!.words.some((w) => subject(f).split(/[^\p{L}\p{N}'’-]+/u).includes(w));
  // ("said" may be among a speech verb's broader forms, but the one saying it is not the doer.)
  const doing = framed.filter((f) => f.verb === qf.verb || !SPEECH_VERBS.has(f.verb));
  if (asked?.name && doing.length && doing.every(otherDoer)) return false;
  // "Ode was signed on Monday, Cato reported": the one reporting it did not do it.
  const speaker = (sentence.attribution ?? '').toLowerCase().split(/\s+/);
  if (asked?.name && doing.length && asked.words.some((w) => speaker.includes(w)) && !doing.some((f) => f.agent && !otherDoer(f))) return false;
  // A sentence naming everything the question is about dates or counts that, in its own words
  // (with `hasNoun` null, only the event's own verb or noun will do: who did it must be read from it).
  // (Names alone say who, not what happened: "When was Kerr captured?" needs more than Kerr.)
  const args = [qf.agent, qf.patient, qf.attr, ...qf.slots.map((x) => x.arg)].filter((a): a is QArg => Boolean(a) && !a!.any && !a!.pronoun);
  const nouns = args.map((a) => a.head);
  if (qf.typeNoun) nouns.push(qf.typeNoun);
  if (hasNoun && nouns.length && (qf.typeNoun || args.some((a) => !a.name)) && nouns.every(hasNoun)) return true;
  const spelledOut = wn ? glossPhrases(qf.verb, wn).some((g) => sentence.terms.includes(g.word) && sentence.terms.some((t) => g.verbs.has(t))) : false;
  if (!spelledOut && !sentence.terms.some((t) => forms.has(t)) && !framed.some(narrower)) return false;
  // "He'd like to sign by Christmas": an event the sentence only wishes for or denies did not happen.
  return !framed.length || framed.some((f) => !f.modal && !f.neg);
}

function uniqueRefs(xs: Aligned[]): Aligned[] {
  const seen = new Set<string>();
  return xs.filter((a) => {
    const k = a.ref.article.id;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
