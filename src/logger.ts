/**
 * A small leveled logger writing one record a line to stderr: `<ISO time> [level] message {ctx}`,
 * or with the json format one JSON object a line (`{"time","level","msg",…ctx}`) for log shippers.
 */
import type { Logger } from './core/types.js';
import { escapeControls } from './core/controls.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LoggerOptions {
  /** `text` (default) or `json`. */
  format?: LogFormat;
  /** Prefix text records with the time (default true; JSON records always carry `time`). */
  timestamps?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
}

/** Record fields a context key may not overwrite. */
const RESERVED = new Set(['time', 'level', 'msg']);

/** JSON.stringify that never throws: errors become their message, bigints strings, cycles a marker. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_k, v: unknown) => {
      if (v instanceof Error) return v.message;
      if (typeof v === 'bigint') return v.toString();
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    });
  } catch (e) {
    return JSON.stringify({ unserializable: String(e) });
  }
}

/** Creates a logger that drops records below `level`; secrets must never be passed in ctx. */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n'), opts: LoggerOptions = {}): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const now = opts.now ?? (() => new Date());
  const emit = (lvl: LogLevel, msg: string, ctx?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) < rank) return;
    if (opts.format === 'json') {
      const record: Record<string, unknown> = { time: now().toISOString(), level: lvl, msg };
      for (const [k, v] of Object.entries(ctx ?? {})) record[RESERVED.has(k) ? `ctx_${k}` : k] = v;
      write(escapeControls(safeJson(record)));
      return;
    }
    const extra = ctx && Object.keys(ctx).length ? ' ' + safeJson(ctx) : '';
    write(escapeControls(`${opts.timestamps === false ? '' : now().toISOString() + ' '}[${lvl}] ${msg}${extra}`));
  };
  return {
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
  };
}
