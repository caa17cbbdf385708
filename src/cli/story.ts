/**
 * `npm run story -- new|add|list|remove-article|delete …`: manage stories from the terminal,
 * through the same functions as `/story` on Discord and in the terminal chat.
 */
import { escapeControls } from '../core/controls.js';
import { openStoryLibrary } from '../stories/open.js';
import { StoryError } from '../stories/library.js';
import { runStoryWords, STORY_USAGE } from '../stories/text.js';
import { cliContext, out, runCli, UsageError, type CommandSpec } from './args.js';

const spec: CommandSpec = {
  name: 'story',
  positionals: `new|add|list|remove-article|delete …\n\n${STORY_USAGE.map((l) => `  ${l}`).join('\n')}`,
  summary: 'Manages stories (named corpora in DATA_DIR/stories): links and .txt/.html files become articles.',
  options: { help: { type: 'boolean', short: 'h', describe: 'show this help' } },
  minPositionals: 1,
};

const VERBS = new Set(['new', 'add', 'list', 'remove-article', 'delete']);

runCli(spec, async ({ flags, positionals }) => {
  if (!VERBS.has(positionals[0]!)) throw new UsageError(`unknown story command "${positionals[0]}"`);
  const ctx = cliContext(flags);
  const library = openStoryLibrary(ctx.config, ctx.logger);
  try {
    const { text, ok } = await runStoryWords(library, positionals);
    out(text);
    return ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof StoryError)) throw e;
    process.stderr.write(`story: ${escapeControls(e.message)}\n`);
    return 1;
  } finally {
    library.close();
  }
});
