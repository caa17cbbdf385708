/**
 * `npm run eval -- FILE.jsonl [--corpus DIR] [--min RATIO]`: scores a question file.
 * Prints `PASS id` / `FAIL id: why` per question and ends with `N passed, N failed`.
 * Exits 1 when the pass ratio is below --min (default: no threshold, exit 0).
 * Scoring rules: see score.ts.
 */
import { readFile } from 'node:fs/promises';
import { cliContext, COMMON_OPTIONS, openEngine, out, runCli, UsageError, type CommandSpec } from './args.js';
import type { Answer } from '../core/types.js';
import { parseQuestionLine, score } from './score.js';

const spec: CommandSpec = {
  name: 'eval',
  positionals: 'FILE.jsonl',
  summary: 'Scores a question file (one JSON object per line) against the corpus.',
  options: {
    min: { type: 'string', arg: 'RATIO', describe: 'exit 1 when the share of passed questions is below RATIO (0..1)' },
    ...COMMON_OPTIONS,
  },
  minPositionals: 1,
  maxPositionals: 1,
};

runCli(spec, async ({ flags, positionals }) => {
  let min: number | undefined;
  if (typeof flags.min === 'string') {
    min = Number(flags.min);
    if (flags.min.trim() === '' || !Number.isFinite(min) || min < 0 || min > 1) {
      throw new UsageError(`--min: expected a ratio between 0 and 1 (e.g. 0.8), found "${flags.min}"`);
    }
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(`eval: cannot read question file ${file}: ${(e as Error).message}\n`);
    return 1;
  }

  const ctx = cliContext(flags);
  const engine = await openEngine(ctx);
  let passed = 0;
  let failed = 0;
  // Answers by question id, for follow-ups (`context_from`).
  const answers = new Map<string, Answer>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = parseQuestionLine(line, i + 1);
    if (!parsed.ok) {
      failed++;
      out(`FAIL ${parsed.id}: bad question line ${i + 1}: ${parsed.error}`);
      return;
    }
    const q = parsed.question;
    let why: string[];
    try {
      const previous = q.context_from === undefined ? undefined : answers.get(q.context_from);
      if (q.context_from !== undefined && !previous) {
        why = [`context_from "${q.context_from}" names no earlier question in the file`];
      } else {
        const answer = engine.ask(q.q, previous?.context);
        answers.set(q.id, answer);
        why = score(q, answer);
      }
    } catch (e) {
      why = [`ask threw ${(e as Error).message}`];
    }
    if (why.length) {
      failed++;
      out(`FAIL ${q.id}: ${why.join('; ')}`);
    } else {
      passed++;
      out(`PASS ${q.id}`);
    }
  });
  out(`${passed} passed, ${failed} failed`);
  const total = passed + failed;
  if (min !== undefined && (total === 0 || passed / total < min)) {
    process.stderr.write(`eval: pass ratio ${total ? (passed / total).toFixed(3) : 'n/a (no questions)'} is below --min ${min}\n`);
    return 1;
  }
  return 0;
});
