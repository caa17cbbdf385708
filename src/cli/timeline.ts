/** `npm run --silent timeline -- [--json] [--corpus DIR] [--from DATE] [--to DATE]`: dated events, oldest first. */
import { cliContext, COMMON_OPTIONS, JSON_OPTION, openEngine, out, runCli, UsageError, type CommandSpec } from './args.js';
import { renderTimeline } from './render-text.js';
import { isCalendarDate } from '../core/calendar.js';

const spec: CommandSpec = {
  name: 'timeline',
  positionals: '',
  summary: 'Shows the dated events of the story, oldest first.',
  options: {
    ...JSON_OPTION,
    from: { type: 'string', arg: 'DATE', describe: 'only events on or after this ISO date (2017, 2017-06, 2017-07-02)' },
    to: { type: 'string', arg: 'DATE', describe: 'only events on or before this ISO date' },
    ...COMMON_OPTIONS,
  },
  maxPositionals: 0,
};

runCli(spec, async ({ flags }) => {
  const range: { from?: string; to?: string } = {};
  for (const key of ['from', 'to'] as const) {
    const v = flags[key];
    if (typeof v !== 'string') continue;
    if (!isCalendarDate(v)) throw new UsageError(`--${key}: expected an ISO date such as 2017, 2017-06 or 2017-07-02, found "${v}"`);
    range[key] = v;
  }
  const engine = await openEngine(cliContext(flags));
  const entries = engine.timeline(range);
  out(flags.json ? JSON.stringify(entries) : renderTimeline(entries, (id) => engine.sourceName(id)));
});
