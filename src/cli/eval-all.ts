/**
 * `npm run eval:all -- [QUESTIONS_DIR] [--corpora DIR] [--min RATIO]`: scores every question file
 * `NAME.jsonl` of a folder against the corpus folder `DIR/NAME` (by default the public ECB+
 * clusters: `../shared/eval/ecbplus` against `../shared/corpora/ecbplus`). Prints one line per
 * file, the failures, and one total line `N passed, N failed`. Exits 1 when the share passed is
 * below --min, or when any question that should be declined got an answer.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cliContext, COMMON_OPTIONS, MIN_OPTION, minRatio, out, runCli, type CommandSpec } from './args.js';
import { scoreFile } from './score.js';
import { loadEngine } from '../load-engine.js';
import { createNlp } from '../core/nlp.js';

const spec: CommandSpec = {
  name: 'eval:all',
  positionals: '[QUESTIONS_DIR]',
  summary: 'Scores every NAME.jsonl question file of a folder against the corpus folder of the same name.',
  options: {
    corpora: { type: 'string', arg: 'DIR', describe: 'folder holding one corpus folder per question file (default ../shared/corpora/ecbplus)' },
    ...MIN_OPTION,
    quiet: { type: 'boolean', describe: 'print only the per-file and total lines' },
    ...COMMON_OPTIONS,
  },
  minPositionals: 0,
  maxPositionals: 1,
};

runCli(spec, async ({ flags, positionals }) => {
  const dir = positionals[0] ?? '../shared/eval/ecbplus';
  const corpora = typeof flags.corpora === 'string' ? flags.corpora : '../shared/corpora/ecbplus';
  const min = minRatio(flags.min);
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  } catch (e) {
    process.stderr.write(`eval:all: cannot read question folder ${dir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (!files.length) {
    process.stderr.write(`eval:all: no .jsonl question files in ${dir}\n`);
    return 1;
  }
  const ctx = cliContext(flags);
  const nlp = createNlp();
  let passed = 0;
  let failed = 0;
  let traps = 0;
  for (const file of files) {
    const name = file.slice(0, -'.jsonl'.length);
    const engine = await loadEngine({ corpusDir: path.join(corpora, name), dataDir: ctx.config.dataDir, publicUrl: ctx.config.publicUrl, logger: ctx.logger, nlp });
    const result = scoreFile(await readFile(path.join(dir, file), 'utf8'), (q) => engine.ask(q));
    passed += result.passed;
    failed += result.failed;
    traps += result.answeredTraps;
    out(`${name}: ${result.passed} passed, ${result.failed} failed`);
    if (!flags.quiet) for (const line of result.lines) if (line.startsWith('FAIL')) out(`  ${line}`);
  }
  out(`${passed} passed, ${failed} failed`);
  const total = passed + failed;
  let code = 0;
  if (traps) {
    process.stderr.write(`eval:all: ${traps} question(s) that the coverage does not answer got an answer\n`);
    code = 1;
  }
  if (min !== undefined && passed / total < min) {
    process.stderr.write(`eval:all: pass ratio ${(passed / total).toFixed(3)} is below --min ${min}\n`);
    code = 1;
  }
  return code;
});
