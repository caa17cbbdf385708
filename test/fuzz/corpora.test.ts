/**
 * Fuzz: hostile corpus folders generated at test time (controls, odd ids, impossible dates,
 * broken or hostile sources.json, binary and mis-encoded files, a FIFO and /dev/zero, many
 * quantities, repeated lines, huge numbers, prototype words, markup) through every face: the
 * engine, the viewer, Discord rendering and the JSON CLI. Nothing throws or hangs, nothing
 * is rejected by Discord, and every snippet is verbatim.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { renderAnswer, sourceLines, timelineLines, paginate, renderPage } from '../../src/discord/render.js';
import { startWebServer } from '../../src/web/server.js';
import { messageViolations } from '../discord/fake-discord.js';
import { recordingLogger } from '../web/helpers.js';
import { loadEngine } from '../../src/load-engine.js';
import { createNlp } from '../../src/core/nlp.js';
import { hostileCorpora, questions, unfaithful } from './generate.js';

const TSX = path.resolve('node_modules/.bin/tsx');
let corpora: { name: string; dir: string }[];
let dataDir: string;

beforeAll(async () => {
  corpora = await hostileCorpora(7);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fuzz-corpora-data-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (corpora?.[0]) await rm(path.dirname(corpora[0].dir), { recursive: true, force: true });
});

const nlp = createNlp();

/** Loads within a deadline (a FIFO or /dev/zero must not hang the load), sharing one wink-nlp instance. */
function load(dir: string): Promise<Engine> {
  const engine = loadEngine({ corpusDir: dir, dataDir, publicUrl: 'http://viewer.test', logger: recordingLogger(), nlp });
  return Promise.race([engine, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('load hung')), 20_000))]);
}

function askJson(dir: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.resolve('src/cli/ask.ts'), '--json', '--corpus', dir], {
      env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://viewer.test', LOG_LEVEL: 'warn', CORPUS_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
    child.stdin.end(input);
  });
}

describe('hostile corpora', () => {
  it('every face serves every one of them', async () => {
    const failures: string[] = [];
    for (const { name, dir } of corpora) {
      const engine = await load(dir);
      const say = (what: string) => failures.push(`${name}: ${what}`);
      const vocabulary = [...new Set(engine.table.articles.flatMap((a) => a.raw.match(/[A-Za-z]+/g) ?? []))];
      const asked = questions(40, name.length, vocabulary.length ? vocabulary : ['wall', 'Raqqa']);
      for (const q of asked) {
        try {
          const a = engine.ask(q);
          unfaithful(a, engine.table).forEach(say);
          const v = messageViolations({ embeds: [renderAnswer(a)] });
          if (v.length) say(`Discord would reject the answer to ${JSON.stringify(q)}: ${v.join('; ')}`);
        } catch (e) {
          say(`${JSON.stringify(q)} threw ${(e as Error).message}`);
        }
      }
      try {
        const sources = engine.sources();
        const timeline = engine.timeline();
        for (const page of [paginate(sourceLines(sources)), paginate(timelineLines(timeline))]) {
          for (let p = 0; p < page.length; p++) {
            const v = messageViolations({ embeds: [renderPage('x', page, p)] });
            if (v.length) say(`Discord would reject a page: ${v.join('; ')}`);
          }
        }
        // The viewer: every article's link opens, the overview and timeline render.
        const server = await startWebServer({ engine, port: 0, logger: recordingLogger() });
        try {
          for (const path of ['/', '/sources', '/timeline', '/api/sources', '/api/timeline', ...sources.map((s) => new URL(s.viewer).pathname)]) {
            const res = await fetch(server.url + path, { signal: AbortSignal.timeout(10_000) });
            if (res.status !== 200) say(`GET ${path} → ${res.status}`);
          }
        } finally {
          await server.close();
        }
      } catch (e) {
        say(`threw ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('the JSON CLI answers one line per question on each, exit 0, verbatim snippets', async () => {
    const input = ['How long is the wall?', '', 'What did constructor say?', 'When did fighters cross the river?', '\u001b[2J?'].join('\n') + '\n';
    const failures: string[] = [];
    for (const { name, dir } of corpora) {
      const r = await askJson(dir, input);
      if (r.code !== 0) failures.push(`${name}: exit ${r.code}: ${r.stderr.slice(-300)}`);
      const lines = r.stdout.split('\n').slice(0, -1);
      if (lines.length !== 5) failures.push(`${name}: ${lines.length} lines for 5 questions`);
      if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(r.stdout + r.stderr)) failures.push(`${name}: raw control characters in the output`);
      const engine = await load(dir);
      for (const line of lines) for (const p of unfaithful(JSON.parse(line), engine.table)) failures.push(`${name}: ${p}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
