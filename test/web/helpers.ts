/** Shared set-up for the viewer tests: real engines over real corpora, a recording logger. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/core/engine.js';
import type { Logger } from '../../src/core/types.js';
import { loadEngine } from '../../src/load-engine.js';

export const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
export const PUBLIC_URL = 'http://viewer.test';

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  ctx?: Record<string, unknown>;
}

/** A logger that keeps records for assertions instead of printing them. */
export function recordingLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const at = (level: LogRecord['level']) => (msg: string, ctx?: Record<string, unknown>) => void records.push({ level, msg, ctx });
  return { records, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Loads a corpus with its own temporary data folder, so tests never touch data/. */
export async function engineFor(corpusDir: string, logger: Logger = recordingLogger()): Promise<Engine> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coverage-web-data-'));
  return loadEngine({ corpusDir, dataDir, publicUrl: PUBLIC_URL, logger });
}

export const EVIL_ID = 'evil_markup';
export const EVIL_SCRIPT = '<script>window.__pwned = 1; alert("script ran")</script>';
export const EVIL_IMG = `<img src=x onerror="window.__pwned = 2; alert('img ran')">`;

/** A corpus with an article full of markup that must render as inert text. */
export async function evilCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coverage-web-evil-'));
  const text = [
    'date 2017-07-05',
    '',
    `Evil Gazette reports ${EVIL_SCRIPT} that the wall is 2,500 meters long.`,
    '',
    `Officials said the breach ${EVIL_IMG} was made on Monday near the Old City.`,
    '',
    'Quotes "double" and \'single\' & ampersands </p></main><b>bold?</b> stay text.',
    '',
  ].join('\n');
  await writeFile(path.join(dir, `${EVIL_ID}.txt`), text);
  await writeFile(
    path.join(dir, 'sources.json'),
    JSON.stringify({ [EVIL_ID]: { title: 'Wall <b>breached</b> <script>alert(1)</script>', outlet: '<i>Evil</i> Gazette' } }),
  );
  return dir;
}
