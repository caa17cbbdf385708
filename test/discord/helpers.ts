/** Reading what the bot sent in the Discord suites; their set-up is test/support/discord-e2e.ts. */
import type { Logger } from '../../src/core/types.js';
import { createLogger } from '../../src/logger.js';
import type { RecordedRequest } from './fake-discord.js';

export const SEED_IDS = ['000_', '001_', '002_', '003_', '004_'];

/** A logger that keeps its lines for assertions (and prints them when DEBUG_E2E is set). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (l) => {
    lines.push(l);
    if (process.env.DEBUG_E2E) process.stderr.write(l + '\n');
  }, { timestamps: false });
  return Object.assign(logger, { lines });
}

/** Matches the interaction callback (the reply, defer or autocomplete result) of the interaction with `token`. */
export const isCallback = (token: string) => (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith(`/${token}/callback`);
/** Matches an edit of the original reply of the interaction with `token`. */
export const isEdit = (token: string) => (r: { method: string; path: string }) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);

/** The message body a request carries: the callback's `data`, or the body itself for edits. */
export function messageOf(r: RecordedRequest): any {
  return r.path.endsWith('/callback') ? r.body?.data : r.body;
}

/** All text of the embeds in a message body, for content assertions. */
export function embedText(body: any): string {
  return (body?.embeds ?? [])
    .map((e: any) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}

/** Article ids that the message links to or names as `000 ¶9` labels. */
export function citedSourcePrefixes(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(\d{3}) ¶\d+/g)].map((m) => `${m[1]}_`))];
}

/** Polls `check` every 20 ms until it returns true; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
