/**
 * What a stored fact table must look like before the engine may serve it. The shape is a zod
 * schema (extra fields pass, so a table from a newer pipeline with more fields still loads);
 * the cross-references zod cannot express — offsets inside the article, facts pointing at real
 * articles and sentences, claims pointing at real facts — are checked after it, in one pass.
 */
import { z } from 'zod/v4';
import { SCHEMA_VERSION } from '../core/types.js';

const count = z.number().int().nonnegative();
const text = z.string();
const optText = z.string().optional();
const finite = z.number().finite();
const span = z.object({ start: count, end: count }).passthrough();

// Frames are the most numerous objects in a table: zod checks their outline, and the pass after
// it checks each argument (whole-number offsets inside the text, a head word) at a fraction of the cost.
const frame = z.object({ verb: text, slots: z.array(z.object({ p: text }).passthrough()).optional() }).passthrough();
type FrameShape = z.infer<typeof frame>;
const FRAME_ARGS = ['agent', 'patient', 'attr', 'cause', 'purpose'] as const;

/** Whether a frame argument is whole and inside a text of length `n`. */
function argInside(arg: unknown, n: number): boolean {
  if (typeof arg !== 'object' || arg === null) return false;
  const { start, end, head } = arg as { start?: unknown; end?: unknown; head?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= n && typeof head === 'string';
}

/** The frame's arguments, slots included. */
function frameArgs(f: FrameShape): unknown[] {
  const out: unknown[] = [];
  for (const k of FRAME_ARGS) if (f[k] !== undefined) out.push(f[k]);
  for (const slot of f.slots ?? []) out.push(slot.arg);
  return out;
}
const sentence = z.object({
  start: count, end: count, index: count, paragraph: count, terms: z.array(text), attribution: optText, frames: z.array(frame).optional(),
}).passthrough();
const furniture = z.object({ start: count, end: count, reason: z.string().min(1) }).passthrough();

const article = z.object({
  id: z.string().min(1),
  raw: text,
  title: text,
  outlet: optText,
  published: optText,
  publishedFrom: optText,
  url: optText,
  furniture: z.array(furniture),
  sentences: z.array(sentence),
  words: count,
  wireShare: z.number().min(0).max(1),
  wireWith: z.array(text),
  leadEvent: count.optional(),
}).passthrough();

const fact = z.object({
  id: z.string().min(1),
  article: z.string().min(1),
  sentence: count,
  span,
  // Kinds and attributes are open sets the pipeline grows; they must only be there.
  kind: z.string().min(1),
  subject: text,
  attribute: text,
  value: z.union([text, finite]),
  unit: optText,
  range: z.tuple([finite, finite]).optional(),
  approx: z.boolean().optional(),
  surface: text,
  label: text,
  inferred: z.boolean().optional(),
  timex: optText,
  description: optText,
  attribution: optText,
  time: optText,
  qualifier: optText,
}).passthrough();

const claim = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  attribute: text,
  subject: text,
  groups: z.array(z.object({ value: text, facts: z.array(text), sources: z.array(text) }).passthrough()),
}).passthrough();

export const tableSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  hash: z.string().min(1),
  builtAt: text,
  articles: z.array(article),
  facts: z.array(fact),
  claims: z.array(claim),
  aliases: z.record(z.string(), z.array(text)),
}).passthrough();

/** Says what is wrong with a stored table (the first problem, with where it is), or undefined when it can be served. */
export function tableProblem(data: unknown): string | undefined {
  const parsed = tableSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `is malformed at ${issue.path.join('.') || 'the top level'}: ${issue.message}`;
  }
  const t = parsed.data;
  const sentences = new Map<string, number>();
  const length = new Map<string, number>();
  for (const [i, a] of t.articles.entries()) {
    if (length.has(a.id)) return `has two articles with the id ${JSON.stringify(a.id)}`;
    length.set(a.id, a.raw.length);
    sentences.set(a.id, a.sentences.length);
    const n = a.raw.length;
    for (const [k, s] of a.sentences.entries()) {
      if (s.start > s.end || s.end > n) return `has sentence ${k} of article ${i} outside its text (${s.start}-${s.end} of ${n})`;
      if (s.index !== k) return `has sentence ${k} of article ${i} numbered ${s.index}`;
      for (const f of s.frames ?? []) {
        if (!frameArgs(f).every((arg) => argInside(arg, n))) return `has a malformed frame in sentence ${k} of article ${i} (an argument not a whole span of its text)`;
      }
    }
    if (a.leadEvent !== undefined && a.leadEvent >= a.sentences.length) return `has article ${i} leading with a sentence it does not have`;
    for (const [k, f] of a.furniture.entries()) {
      if (f.start > f.end || f.end > n) return `has furniture ${k} of article ${i} outside its text (${f.start}-${f.end} of ${n})`;
    }
  }
  const facts = new Set<string>();
  for (const [i, f] of t.facts.entries()) {
    const n = length.get(f.article);
    if (n === undefined) return `has fact ${i} about an article that is not in the table`;
    if (f.sentence >= sentences.get(f.article)!) return `has fact ${i} in a sentence its article does not have`;
    if (f.span.start > f.span.end || f.span.end > n) return `has fact ${i} outside its article's text (${f.span.start}-${f.span.end} of ${n})`;
    facts.add(f.id);
  }
  for (const [i, c] of t.claims.entries()) {
    for (const g of c.groups) {
      if (!g.facts.every((id) => facts.has(id))) return `has claim ${i} citing a fact that is not in the table`;
      if (!g.sources.every((id) => length.has(id))) return `has claim ${i} citing an article that is not in the table`;
    }
  }
  return undefined;
}
