/**
 * Scoring of evaluation questions (`../shared/eval/*.jsonl`) against answers.
 *
 * Rules, per question line `{ id, q, expect, sources, precise, conflict, abstain }`:
 * - `abstain: true` → the answer must be `answered: false`; otherwise it must be `answered: true`.
 * - `expect`: case-insensitive regex the answer's own claim must match — its value or its first
 *   sentence, not the other values reported after it (`""` or absent matches anything).
 * - `sources`: ids or id prefixes; EVERY listed source must be among the cited sources
 *   (`"000"` matches a citation of `"000_6e79…"`).
 * - `precise: true`: additionally, every cited source must match a listed one.
 * - `conflict`: case-insensitive regex that the answer text or some `conflicts[].value` must match.
 * - `context_from`: the id of an earlier question; this one is asked as its follow-up.
 */
import { z } from 'zod';
import type { Answer, AskContext } from '../core/types.js';

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
  // The expected value must be the answer's own — its value, or its first sentence — not one of
  // the "other values reported" listed after it.
  if (question.expect && !new RegExp(question.expect, 'i').test(ownAnswer(answer))) {
    why.push(`answer ${quote(ownAnswer(answer))} does not match /${question.expect}/i`);
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

/** The part of an answer that is its own claim: the value and the first sentence, without the competing values. */
export function ownAnswer(answer: Answer): string {
  const first = answer.answer.split(/(?<=\.)\s+(?=(?:One|\d+)(?: other| of those)? sources? (?:also )?(?:reports?|cites?)\b)/)[0] ?? answer.answer;
  return answer.value && !first.includes(answer.value) ? `${answer.value} ${first}` : first;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 120 ? s.slice(0, 120) + '…' : s);
}

export interface FileScore {
  passed: number;
  failed: number;
  /** Abstention questions that got an answer: a wrong answer where "doesn't say" was right. */
  answeredTraps: number;
  /** `PASS id` / `FAIL id: why`, one per question line. */
  lines: string[];
}

/** Scores every line of a question file with `ask`. */
export function scoreFile(text: string, ask: (q: string, context?: AskContext) => Answer): FileScore {
  const result: FileScore = { passed: 0, failed: 0, answeredTraps: 0, lines: [] };
  // Answers by question id, for follow-ups (`context_from`).
  const answers = new Map<string, Answer>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = parseQuestionLine(line, i + 1);
    if (!parsed.ok) {
      result.failed++;
      result.lines.push(`FAIL ${parsed.id}: bad question line ${i + 1}: ${parsed.error}`);
      return;
    }
    const q = parsed.question;
    let why: string[];
    let answered = false;
    try {
      const previous = q.context_from === undefined ? undefined : answers.get(q.context_from);
      if (q.context_from !== undefined && !previous) {
        why = [`context_from "${q.context_from}" names no earlier question in the file`];
      } else {
        const a = ask(q.q, previous?.context);
        answers.set(q.id, a);
        answered = a.answered;
        why = score(q, a);
      }
    } catch (e) {
      why = [`ask threw ${(e as Error).message}`];
    }
    if (q.abstain && answered) result.answeredTraps++;
    if (why.length) {
      result.failed++;
      result.lines.push(`FAIL ${q.id}: ${why.join('; ')}`);
    } else {
      result.passed++;
      result.lines.push(`PASS ${q.id}`);
    }
  });
  return result;
}
