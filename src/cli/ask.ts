/**
 * `npm run --silent ask -- [--json] [--corpus DIR] ["question"]`: answers one question, or
 * with none, every line of stdin (JSON Lines with --json), loading the corpus once.
 */
import type { Engine } from '../core/engine.js';
import type { Answer, AskContext, Logger } from '../core/types.js';
import { cliContext, COMMON_OPTIONS, JSON_OPTION, openEngine, out, parseContextOption, runCli, type CommandSpec } from './args.js';
import { renderAnswer } from './render-text.js';

const spec: CommandSpec = {
  name: 'ask',
  positionals: '["question"]',
  summary: 'Answers a question about the coverage. Without a question, answers each line of stdin.',
  options: {
    ...JSON_OPTION,
    context: { type: 'string', arg: 'JSON', describe: "a previous answer's \"context\" field: resolves a follow-up (\"and how high is it?\")" },
    ...COMMON_OPTIONS,
  },
};

/** Said for a blank question, so a blank input line still gets its one output line. */
export const BLANK_QUESTION = 'No question: the line is blank. Type a question about the coverage.';

/** Asks the engine; a failure becomes an unanswered Answer so one bad question never ends a stream. */
function safeAsk(engine: Engine, question: string, logger: Logger, context?: AskContext): Answer & { error?: string } {
  if (!question) return { question, answered: false, answer: BLANK_QUESTION, intent: 'none', citations: [], conflicts: [] };
  try {
    return engine.ask(question, context);
  } catch (e) {
    logger.error(`ask failed for ${JSON.stringify(question)}`, { error: (e as Error).stack ?? String(e) });
    const error = (e as Error).message;
    return { question, answered: false, answer: `Error: ${error}`, intent: 'none', citations: [], conflicts: [], error };
  }
}

runCli(spec, async ({ flags, positionals }) => {
  // Checked before the corpus loads, so a bad --context is a quick usage error.
  const context = parseContextOption(flags.context);
  const ctx = cliContext(flags);
  const engine = await openEngine(ctx);
  const view = { name: (id: string) => engine.sourceName(id), articles: engine.table.articles };
  const print = (a: Answer) => out(flags.json ? JSON.stringify(a) : renderAnswer(a, view));

  if (positionals.length) {
    const answer = safeAsk(engine, positionals.join(' ').trim(), ctx.logger, context);
    print(answer);
    return 'error' in answer ? 1 : 0;
  }

  let first = true;
  let failed = false;
  for await (const line of stdinLines()) {
    if (!flags.json && !first) out('');
    first = false;
    const answer = safeAsk(engine, line.replace(/\s+/g, ' ').trim(), ctx.logger, context);
    failed ||= 'error' in answer;
    print(answer);
  }
  return failed ? 1 : 0;
});

/**
 * stdin split on `\n` only (a final `\r` of CRLF dropped), so each input line gets exactly one
 * answer: a lone CR inside a question does not split it, and blank lines are kept. A last line
 * without `\n` counts when it holds anything.
 */
async function* stdinLines(): AsyncGenerator<string> {
  process.stdin.setEncoding('utf8');
  let rest = '';
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    rest += chunk;
    let nl: number;
    while ((nl = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
    }
  }
  if (rest) yield rest.replace(/\r$/, '');
}
