/** `npm run --silent sources -- [--json] [--corpus DIR]`: the articles of the corpus. */
import { cliContext, COMMON_OPTIONS, JSON_OPTION, openEngine, out, runCli, type CommandSpec } from './args.js';
import { renderSources } from './render-text.js';

const spec: CommandSpec = {
  name: 'sources',
  positionals: '',
  summary: 'Lists the sources (articles) of the corpus.',
  options: { ...JSON_OPTION, ...COMMON_OPTIONS },
  maxPositionals: 0,
};

runCli(spec, async ({ flags }) => {
  const engine = await openEngine(cliContext(flags));
  const list = engine.sources();
  out(flags.json ? JSON.stringify(list) : renderSources(list, (id) => engine.sourceName(id)));
});
