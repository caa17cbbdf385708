/** A small leveled logger writing JSON-free, single-line records to stderr. */
import type { Logger } from './core/types.js';
import { escapeControls } from './core/controls.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Creates a logger that drops records below `level`; secrets must never be passed in ctx. */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel, msg: string, ctx?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) < rank) return;
    const extra = ctx && Object.keys(ctx).length ? ' ' + JSON.stringify(ctx) : '';
    write(escapeControls(`[${lvl}] ${msg}${extra}`));
  };
  return {
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
  };
}
