/**
 * `npm run eval -- FILE.jsonl [--corpus DIR] [--min RATIO]`: scores a question file.
 * Prints `PASS id` / `FAIL id: why` per question and ends with `N passed, N failed`.
 * Exits 1 when the pass ratio is below --min (default: no threshold, exit 0).
 * Scoring rules: see score.ts.
 */
import { readFile } from 'node:fs/promises';
import { cliContext, COMMON_OPTIONS, MIN_OPTION, minRatio, openEngine, out, runCli, type CommandSpec } from './args.js';
import { scoreFile } from './score.js';

const spec: CommandSpec = {
  name: 'eval',
  positionals: 'FILE.jsonl',
  summary: 'Scores a question file (one JSON object per line) against the corpus.',
  options: {
    ...MIN_OPTION,
    ...COMMON_OPTIONS,
  },
  minPositionals: 1,
  maxPositionals: 1,
};

runCli(spec, async ({ flags, positionals }) => {
  const min = minRatio(flags.min);
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
  const { passed, failed, lines } = scoreFile(text, (q, context) => engine.ask(q, context));
  for (const line of lines) out(line);
  out(`${passed} passed, ${failed} failed`);
  const total = passed + failed;
  if (min !== undefined && (total === 0 || passed / total < min)) {
    process.stderr.write(`eval: pass ratio ${total ? (passed / total).toFixed(3) : 'n/a (no questions)'} is below --min ${min}\n`);
    return 1;
  }
  return 0;
});
