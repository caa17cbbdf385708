/**
 * `npm run --silent dates -- --json --dct YYYY-MM-DD [FILE]`: the time expressions of a text
 * (FILE, or stdin) as TIMEX3, each with its offsets into the input, type, value, the tense of
 * the clause that governs it, and whether it was inferred from the article date.
 */
import { readFile } from 'node:fs/promises';
import { out, runCli, UsageError, type CommandSpec } from './args.js';
import { isCalendarDate } from '../core/calendar.js';
import { tagText } from '../core/ingest/timex.js';
import { createNlp } from '../core/nlp.js';

const spec: CommandSpec = {
  name: 'dates',
  positionals: '[FILE]',
  summary: 'Finds the time expressions of a text (FILE or stdin) and resolves them as TIMEX3 values.',
  options: {
    json: { type: 'boolean', describe: 'print JSON (stdout carries nothing else)' },
    dct: { type: 'string', arg: 'DATE', describe: 'the document creation date (ISO, e.g. 2017-07-04) that relative dates resolve against' },
    help: { type: 'boolean', short: 'h', describe: 'show this help' },
  },
  maxPositionals: 1,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

runCli(spec, async ({ flags, positionals }) => {
  const dct = flags.dct;
  if (dct !== undefined && (typeof dct !== 'string' || !isCalendarDate(dct))) {
    throw new UsageError(`--dct: expected an ISO date such as 2017-07-04, found "${String(dct)}"`);
  }
  const file = positionals[0];
  let text: string;
  if (file) {
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      process.stderr.write(`dates: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 1;
    }
  } else text = await readStdin();
  const found = tagText(text, dct, createNlp()).map((t) => ({
    text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, tense: t.tense, inferred: t.inferred,
    ...(t.mod ? { mod: t.mod } : {}),
  }));
  if (flags.json) out(JSON.stringify(found));
  else for (const t of found) out(`${String(t.start).padStart(5)}-${String(t.end).padEnd(5)} ${t.type.padEnd(8)} ${t.value.padEnd(16)} ${t.tense.padEnd(7)} ${t.text}`);
});
