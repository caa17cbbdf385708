/**
 * `npm run ingest -- [--corpus DIR] [--force] [--json]`: builds the fact table for a corpus
 * (or confirms the stored one is current) and prints a summary.
 */
import path from 'node:path';
import { buildOrLoadTable } from '../load-engine.js';
import { createFileStore, StoreWriteError, tableFileName, type FactStore } from '../store/fact-store.js';
import type { FactTable } from '../core/types.js';
import { cliContext, COMMON_OPTIONS, JSON_OPTION, out, runCli, type CommandSpec } from './args.js';

const spec: CommandSpec = {
  name: 'ingest',
  positionals: '',
  summary: 'Builds or refreshes the stored fact table for a corpus and prints a summary.',
  options: {
    force: { type: 'boolean', describe: 'rebuild even when the stored table is current' },
    ...JSON_OPTION,
    ...COMMON_OPTIONS,
  },
  maxPositionals: 0,
};

runCli(spec, async ({ flags }) => {
  const ctx = cliContext(flags);
  const fileStore = createFileStore(ctx.config.dataDir, ctx.logger);
  // Saving is what this command is for: a failed save (a full disk) fails the command.
  let saveError: Error | undefined;
  const save = (t: FactTable) => fileStore.save(t).catch((e: Error) => Promise.reject((saveError = e)));
  const store: FactStore = { load: flags.force ? async () => undefined : (h) => fileStore.load(h), save };
  const started = performance.now();
  const { table, cached, warnings } = await buildOrLoadTable({ corpusDir: ctx.corpusDir, dataDir: ctx.config.dataDir, logger: ctx.logger, store });
  const summary = {
    corpus: ctx.corpusDir,
    store: path.join(ctx.config.dataDir, tableFileName(table.hash)),
    cached,
    ms: Math.round(performance.now() - started),
    articles: table.articles.length,
    sentences: table.articles.reduce((n, a) => n + a.sentences.length, 0),
    facts: table.facts.length,
    claims: table.claims.length,
    conflicts: table.claims.filter((c) => c.groups.length > 1).length,
    warnings,
  };
  if (saveError) throw new StoreWriteError(saveError.message);
  if (flags.json) {
    out(JSON.stringify(summary));
    return;
  }
  out(`${cached ? 'Fact table is current' : 'Built fact table'} for ${summary.corpus} in ${summary.ms} ms → ${summary.store}`);
  out(`  ${summary.articles} articles, ${summary.sentences} sentences, ${summary.facts} facts, ${summary.claims} claims (${summary.conflicts} with disagreeing values)`);
  out(warnings.length ? `  ${warnings.length} warning(s):\n${warnings.map((w) => `    - ${w}`).join('\n')}` : '  no warnings');
});
