/**
 * Fuzz: 2,000 seeded questions — the corpus's own words mixed with prototype keys, controls,
 * regex syntax, impossible numbers and dates — through the engine and the viewer's /api/ask.
 * No throw, no 500, no hang, and every snippet verbatim text of the article it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import type { Answer } from '../../src/core/types.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { engineFor, recordingLogger, SEEDS } from '../web/helpers.js';
import { questions, unfaithful } from './generate.js';

const COUNT = 2000;
const SEED = 20171;
/** Slower than this for one question is a hang, on a busy two-core machine. */
const MAX_MS = 2000;

let engine: Engine;
let server: WebServer;
let qs: string[];
const webLog = recordingLogger();

beforeAll(async () => {
  engine = await engineFor(SEEDS);
  server = await startWebServer({ engine, port: 0, logger: webLog });
  const vocabulary = [...new Set(engine.table.articles.flatMap((a) => a.raw.match(/[A-Za-z]+/g) ?? []))].sort();
  qs = questions(COUNT, SEED, vocabulary);
});

afterAll(async () => {
  await server?.close();
});

describe(`${COUNT} generated questions`, () => {
  it('the engine answers or declines each, quickly, with verbatim snippets', () => {
    const failures: string[] = [];
    let answered = 0;
    for (const q of qs) {
      const t = performance.now();
      let a: Answer;
      try {
        a = engine.ask(q);
      } catch (e) {
        failures.push(`${JSON.stringify(q)} threw ${(e as Error).message}`);
        continue;
      }
      const ms = performance.now() - t;
      if (ms > MAX_MS) failures.push(`${JSON.stringify(q)} took ${Math.round(ms)} ms`);
      if (typeof a.answer !== 'string' || !a.answer) failures.push(`${JSON.stringify(q)} gave no answer text`);
      for (const p of unfaithful(a, engine.table)) failures.push(`${JSON.stringify(q)}: ${p}`);
      if (a.answered) answered++;
    }
    expect(failures).toEqual([]);
    // The generator is not all noise: real words still find answers.
    expect(answered).toBeGreaterThan(COUNT / 20);
  }, 120_000);

  it('/api/ask answers each with 200 (or 400 for a blank or oversized question), never 500, with verbatim snippets', async () => {
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < qs.length) {
        // A URL carries UTF-8: a lone surrogate cannot be sent, only its replacement character.
        const q = qs[next++]!.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
        const res = await fetch(`${server.url}/api/ask?q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(10_000) });
        const body = await res.json();
        if (res.status === 200) {
          for (const p of unfaithful(body as Answer, engine.table)) failures.push(`${JSON.stringify(q)}: ${p}`);
        } else if (!(res.status === 400 && (q.trim() === '' || /too long|Expected a question/.test(body.error)))) {
          failures.push(`${JSON.stringify(q)} → ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures).toEqual([]);
    expect(webLog.records.filter((r) => r.level === 'error')).toEqual([]);
  }, 180_000);
});
