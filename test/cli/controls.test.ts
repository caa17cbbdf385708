/** Issue 11, item 7: control characters from the corpus never reach a terminal as controls. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { createLogger } from '../../src/logger.js';
import { loadEngine } from '../../src/load-engine.js';
import { renderAnswer as renderEmbed, sourceLines, timelineLines } from '../../src/discord/render.js';
import type { Engine } from '../../src/core/engine.js';
import { runCli, type CliRun } from '../support/run-cli.js';

/** Raw C0 (but tab and newline), DEL and C1: what a terminal would act on. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ESC = '\u001b';
const CSI = '\u009b';
const ID = `evil${ESC}]0;pwned${ESC}\\`;
const TITLE = `Wall ${ESC}[2J${ESC}[31mbreached${CSI}0m`;
let corpus: string;
let dataDir: string;
let engine: Engine;

function run(script: string, args: string[], input = ''): Promise<CliRun> {
  return runCli(script, args, { env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://viewer.test', LOG_LEVEL: 'info', CORPUS_DIR: '' }, input });
}

beforeAll(async () => {
  corpus = await mkdtemp(path.join(os.tmpdir(), 'controls-corpus-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'controls-data-'));
  const text = [
    'date 2017-07-05',
    '',
    `The city wall is 2,500 meters long, officials said${ESC}[8m on Monday.`,
    '',
    `A spokesman said the wall${CSI}2J was built in the 8th century. The breach${'\u0007'} came on Sunday.`,
    '',
  ].join('\n');
  await writeFile(path.join(corpus, `${ID}.txt`), text);
  await writeFile(path.join(corpus, 'sources.json'), JSON.stringify({ [ID]: { title: TITLE, outlet: `Evil${ESC}[5m Gazette` } }));
  engine = await loadEngine({ corpusDir: corpus, dataDir, publicUrl: 'http://viewer.test', logger: createLogger('silent') });
}, 60_000);

describe('control characters in the corpus', () => {
  it('ask, sources and timeline print them escaped as text', async () => {
    for (const [script, args] of [['ask', ['How long is the wall?']], ['sources', []], ['timeline', []]] as const) {
      const r = await run(script, ['--corpus', corpus, ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, script).not.toMatch(CONTROL);
      expect(r.stderr, script).not.toMatch(CONTROL);
      expect(r.stdout, script).toContain('\\u001b');
    }
  }, 60_000);

  it('JSON output escapes them too and still parses to the verbatim text', async () => {
    const r = await run('sources', ['--json', '--corpus', corpus]);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: ID, title: TITLE });
    const a = await run('ask', ['--json', '--corpus', corpus, 'Which century was the wall built in?']);
    expect(a.stdout).not.toMatch(CONTROL);
    const answer = JSON.parse(a.stdout);
    for (const c of answer.citations) expect(engine.table.articles[0]!.raw).toContain(c.snippet);
    expect(answer.citations.some((c: { snippet: string }) => c.snippet.includes(CSI))).toBe(true);
  }, 60_000);

  it('the terminal chat shows them instead of sending them', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d) => (shown += d));
    const done = runChat({ engine, input, output });
    input.end(`/sources\n/timeline\nHow long is the wall?\n/what${ESC}[2J\n`);
    await done;
    expect(shown).toContain('breached');
    expect(shown).not.toMatch(CONTROL);
  });

  it('Discord embeds show them as visible characters', () => {
    const strings = JSON.stringify([renderEmbed(engine.ask('Which century was the wall built in?')), sourceLines(engine.sources()), timelineLines(engine.timeline())]);
    const all: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') all.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(strings));
    expect(all.some((s) => s.includes('␛'))).toBe(true);
    for (const s of all) expect(s).not.toMatch(CONTROL);
  });

  it('log lines escape them', () => {
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).warn(`${ID}.txt: skipped`, { file: `${ID}${CSI}` });
    expect(lines[0]).not.toMatch(CONTROL);
    expect(lines[0]).toContain('\\u001b');
  });
});
