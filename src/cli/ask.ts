/**
 * `npm run --silent ask -- [--json] [--corpus DIR] ["question"]`: answers one question, or
 * with none, every line of stdin (JSON Lines with --json), loading the corpus once.
 */
import { createInterface } from 'node:readline';
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

/** Asks the engine; a failure becomes an unanswered Answer so one bad question never ends a stream. */
function safeAsk(engine: Engine, question: string, logger: Logger, context?: AskContext): Answer & { error?: string } {
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
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const question = line.trim();
    if (!question) continue;
    if (!flags.json && !first) out('');
    first = false;
    print(safeAsk(engine, question, ctx.logger, context));
  }
  return 0;
});
