/**
 * Scoring of evaluation questions (`../shared/eval/*.jsonl`) against answers.
 *
 * Rules, per question line `{ id, q, expect, sources, precise, conflict, abstain }`:
 * - `abstain: true` → the answer must be `answered: false`; otherwise it must be `answered: true`.
 * - `expect`: case-insensitive regex the answer text must match (`""` or absent matches anything).
 * - `sources`: ids or id prefixes; EVERY listed source must be among the cited sources
 *   (`"000"` matches a citation of `"000_6e79…"`).
 * - `precise: true`: additionally, every cited source must match a listed one.
 * - `conflict`: case-insensitive regex that the answer text or some `conflicts[].value` must match.
 * - `context_from`: the id of an earlier question; this one is asked as its follow-up.
 */
import { z } from 'zod';
import type { Answer } from '../core/types.js';

export const questionSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  q: z.string().trim().min(1, 'expected a non-empty question'),
  expect: z.string().optional(),
  sources: z.array(z.string().min(1)).optional(),
  precise: z.boolean().optional(),
  conflict: z.string().optional(),
  abstain: z.boolean().optional(),
  /** A follow-up: the id of an earlier question whose answer's `context` is passed along. */
  context_from: z.union([z.string(), z.number()]).transform(String).optional(),
});

export type Question = z.infer<typeof questionSchema>;

export type ParsedLine = { ok: true; question: Question & { id: string } } | { ok: false; id: string; error: string };

/** Parses one line of a question file; `lineNo` names questions without an id. */
export function parseQuestionLine(line: string, lineNo: number): ParsedLine {
  const fallbackId = `line ${lineNo}`;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: fallbackId, error: `not valid JSON (${(e as Error).message})` };
  }
  const parsed = questionSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    const id = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : fallbackId;
    return { ok: false, id, error: `not a question object (${issues})` };
  }
  for (const key of ['expect', 'conflict'] as const) {
    const src = parsed.data[key];
    if (src) {
      try {
        new RegExp(src, 'i');
      } catch (e) {
        return { ok: false, id: parsed.data.id ?? fallbackId, error: `"${key}" is not a valid regex (${(e as Error).message})` };
      }
    }
  }
  return { ok: true, question: { ...parsed.data, id: parsed.data.id ?? fallbackId } };
}

/** Why the answer fails the question; an empty list means it passes. */
export function score(question: Question, answer: Answer): string[] {
  const why: string[] = [];
  const cited = [...new Set(answer.citations.map((c) => c.source))];
  const matches = (listed: string, source: string) => source.startsWith(listed);

  if (question.abstain) {
    if (answer.answered) why.push(`expected no answer (abstain), got answered: ${quote(answer.answer)}`);
  } else if (!answer.answered) {
    why.push(`expected an answer, got answered: false (${quote(answer.answer)})`);
  }
  if (question.expect && !new RegExp(question.expect, 'i').test(answer.answer)) {
    why.push(`answer ${quote(answer.answer)} does not match /${question.expect}/i`);
  }
  if (question.sources?.length) {
    const missing = question.sources.filter((s) => !cited.some((c) => matches(s, c)));
    if (missing.length) why.push(`sources not cited: ${missing.join(', ')} (cited: ${cited.join(', ') || 'none'})`);
    if (question.precise) {
      const extra = cited.filter((c) => !question.sources!.some((s) => matches(s, c)));
      if (extra.length) why.push(`cited sources not expected (precise): ${extra.join(', ')}`);
    }
  } else if (question.precise && cited.length) {
    why.push(`expected no cited sources (precise with none listed), cited: ${cited.join(', ')}`);
  }
  if (question.conflict) {
    const re = new RegExp(question.conflict, 'i');
    if (!re.test(answer.answer) && !answer.conflicts.some((c) => re.test(c.value))) {
      const values = answer.conflicts.map((c) => quote(c.value)).join(', ') || 'none';
      why.push(`conflict /${question.conflict}/i not in the answer or its conflicts (conflicts: ${values})`);
    }
  }
  return why;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + '…' : s);
}
