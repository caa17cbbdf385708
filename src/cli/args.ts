/**
 * What every CLI entry point shares: strict argument parsing, exit codes, and opening the
 * engine. stdout carries only the command's output; logs and errors go to stderr.
 *
 * Exit codes: 0 ok, 1 failure (bad corpus, bad config, eval below --min), 2 usage error.
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { loadConfigFromEnvironment, type Config } from '../config.js';
import { escapeControls } from '../core/controls.js';
import type { Engine } from '../core/engine.js';
import type { AskContext, Logger } from '../core/types.js';
import { loadEngine } from '../load-engine.js';
import { createLogger } from '../logger.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; describe: string; arg?: string };

export interface CommandSpec {
  /** `ask`, `eval`, …: shown in usage. */
  name: string;
  /** Positional part of the usage line, e.g. `["question"]`. */
  positionals: string;
  summary: string;
  options: Record<string, OptionSpec>;
  minPositionals?: number;
  maxPositionals?: number;
}

/** Options most commands take. */
export const COMMON_OPTIONS = {
  corpus: { type: 'string', arg: 'DIR', describe: 'corpus folder (default: CORPUS_DIR or seeds)' },
  help: { type: 'boolean', short: 'h', describe: 'show this help' },
} satisfies Record<string, OptionSpec>;

/** `--min RATIO` of the scoring commands. */
export const MIN_OPTION = { min: { type: 'string', arg: 'RATIO', describe: 'exit 1 when the share of passed questions is below RATIO (0..1)' } } satisfies Record<string, OptionSpec>;
export const JSON_OPTION = { json: { type: 'boolean', describe: 'print JSON (stdout carries nothing else)' } } satisfies Record<string, OptionSpec>;

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses argv strictly: unknown flags, missing values and wrong positional counts throw UsageError. */
export function parseArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, o.short ? { type: o.type, short: o.short } : { type: o.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    if (!String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw e;
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { flags: values, positionals };
  if (spec.minPositionals !== undefined && positionals.length < spec.minPositionals) {
    throw new UsageError(`missing argument: expected ${spec.positionals}`);
  }
  if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
    throw new UsageError(`too many arguments: expected ${spec.positionals || 'none'}, found ${positionals.map((p) => JSON.stringify(p)).join(' ')}`);
  }
  return { flags: values, positionals };
}

/** The usage text for a command. */
export function usage(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([k, o]) => {
    const left = `${o.short ? `-${o.short}, ` : ''}--${k}${o.arg ? ` ${o.arg}` : ''}`;
    return `  ${left.padEnd(22)} ${o.describe}`;
  });
  return `Usage: npm run --silent ${spec.name} -- [options] ${spec.positionals}\n${spec.summary}\n\nOptions:\n${opts.join('\n')}`;
}

export interface CliContext {
  config: Config;
  logger: Logger;
  corpusDir: string;
}

/** Reads the configuration (`.env` included, as `npm start` does) and makes the stderr logger; `--corpus` overrides CORPUS_DIR. */
export function cliContext(flags: ParsedArgs['flags']): CliContext {
  const config = loadConfigFromEnvironment();
  const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
  const corpusDir = typeof flags.corpus === 'string' ? flags.corpus : config.corpusDir;
  return { config, logger, corpusDir };
}

/** Opens the engine for the command's corpus, reusing the stored fact table when valid. */
export function openEngine(ctx: CliContext): Promise<Engine> {
  return loadEngine({ corpusDir: ctx.corpusDir, dataDir: ctx.config.dataDir, publicUrl: ctx.config.publicUrl, logger: ctx.logger });
}

/**
 * Runs a command's main: parses argv, prints help, maps errors to exit codes. Sets
 * process.exitCode rather than calling process.exit, so piped stdout is flushed in full.
 */
export function runCli(spec: CommandSpec, main: (args: ParsedArgs) => Promise<number | void>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`… | head`): nothing more can be shown, and that is not a failure.
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`${spec.name}: cannot write the output: ${e.message}\n`);
    process.exit(1);
  });
  const run = async () => {
    const args = parseArgs(process.argv.slice(2), spec);
    if (args.flags.help) {
      process.stdout.write(usage(spec) + '\n');
      return 0;
    }
    return (await main(args)) ?? 0;
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${spec.name}: ${escapeControls(e.message)}\n\n${usage(spec)}\n`);
        process.exitCode = 2;
        return;
      }
      const err = e as Error;
      // Known, explained failures print their message; anything else keeps its stack for a bug report.
      const known = ['CorpusError', 'ConfigError', 'StoreWriteError'].includes(err?.name);
      process.stderr.write(`${spec.name}: ${escapeControls(known ? err.message : (err?.stack ?? String(e)))}\n`);
      process.exitCode = 1;
    },
  );
}

/** Writes one line to stdout, controls escaped (JSON parses to the same value; text shows them). */
export function out(line: string): void {
  process.stdout.write(escapeControls(line) + '\n');
}

/**
 * Reads `--context JSON` (a previous answer's `context` field). Absent → undefined; anything
 * that is not such an object is a UsageError saying what was expected and found.
 */
export function parseContextOption(value: string | boolean | undefined): AskContext | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof value !== 'string') throw new UsageError('--context: expected a JSON object');
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch (e) {
    throw new UsageError(`--context: expected the JSON "context" of a previous answer, found text that is not JSON (${(e as Error).message})`);
  }
  const o = data as Record<string, unknown>;
  if (!o || typeof o !== 'object' || Array.isArray(o) || typeof o.question !== 'string' || typeof o.intent !== 'string' || (o.value !== undefined && typeof o.value !== 'string')) {
    throw new UsageError(`--context: expected {"question": "…", "intent": "…"} (a previous answer's "context"), found ${value.slice(0, 80)}`);
  }
  return { question: o.question, intent: o.intent as AskContext['intent'], ...(typeof o.value === 'string' ? { value: o.value } : {}) };
}

/** The `--min RATIO` flag of the eval commands: undefined when absent, a usage error unless 0..1. */
export function minRatio(flag: unknown): number | undefined {
  if (typeof flag !== 'string') return undefined;
  const min = Number(flag);
  if (flag.trim() === '' || !Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`--min: expected a ratio between 0 and 1 (e.g. 0.8), found "${flag}"`);
  return min;
}
