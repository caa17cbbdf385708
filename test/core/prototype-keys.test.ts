/** Issue 11, item 1: words that name Object.prototype members are ordinary words in a question. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { parseQuestion } from '../../src/core/ask/question.js';
import type { RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
const raw = (dir: string): RawArticle[] =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f.slice(0, -4), raw: readFileSync(path.join(dir, f), 'utf8'), meta: {} }));

// A stored table comes back through JSON.parse, so its alias map is a plain object again.
const table = JSON.parse(JSON.stringify(buildFactTable(raw('seeds'), 'seeds', nlp)));
const engine = createEngine(table, nlp, { publicUrl: 'http://localhost:8080' });

const KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
const FRAMES = [
  'What did {k} say?', 'Which sources mention {k}?', 'how many {k}', 'how many {k}s', 'Who is {k}?', 'When did {k} happen?',
  'Which {k}?', 'What is the {k}?', 'How long is the {k} wall?', 'What does {k} stand for?', 'How much did {k} cost?',
  'Do the sources disagree on {k}?', 'what did the {k} tweet', 'Which {k} built the wall?', '{k}',
];

describe('questions naming Object.prototype members', () => {
  it.each(KEYS)('"%s" in any question shape is answered or declined, never thrown', (k) => {
    for (const frame of FRAMES) {
      for (const word of [k, k.toLowerCase()]) {
        const q = frame.replace('{k}', word);
        const a = engine.ask(q);
        expect(a.answer, q).toEqual(expect.any(String));
        expect(a.answer, q).not.toMatch(/^Error/);
      }
    }
  });

  it('"What did constructor say?" is a quote question about a speaker nobody quotes', () => {
    const a = engine.ask('What did constructor say?');
    expect(a).toMatchObject({ intent: 'quote', answered: false });
  });

  it('"Which constructor?" is not read as a measure', () => {
    expect(parseQuestion('Which constructor?', nlp).intent).not.toBe('quantity');
    expect(parseQuestion('Which valueof?', nlp).intent).not.toBe('quantity');
  });

  it('an article word like "constructor" after a number is not taken for a unit', () => {
    const t = buildFactTable([{ id: 'a', raw: 'date 2017-07-05\n\nThe firm said 5 constructor units and 7 valueOf shares were sold.\n', meta: {} }], 't', nlp);
    const quantities = t.facts.filter((f) => f.kind === 'quantity');
    expect(quantities.map((f) => f.value)).toEqual([5, 7]);
  });
});
