import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { buildSuggestions } from '../../src/core/ask/overview.js';
import { readCorpus } from '../../src/store/corpus-loader.js';

const nlp = createNlp();
const table = buildFactTable((await readCorpus('seeds')).articles, 'seeds', nlp);
const engine = createEngine(table, nlp, { publicUrl: 'http://localhost:8080' });

describe('suggestions are checked against the answers they get', () => {
  it('a figure question is offered only when its answer is the figure it was built from', () => {
    const honest = buildSuggestions(table, (q) => engine.ask(q)).map((s) => s.question);
    expect(honest).toContain('How long is the wall?');
    // The same engine, except that it answers the wall question with another claim's figure.
    const wrong = buildSuggestions(table, (q) => {
      const a = engine.ask(q);
      return q === 'How long is the wall?' ? { ...a, value: '25 m', answer: '25 m — 5 of 5 sources agree.' } : a;
    }).map((s) => s.question);
    expect(wrong).not.toContain('How long is the wall?');
    expect(wrong.length).toBe(honest.length - 1);
  });

  it('every offered "how many/long" question leads with its claim\'s best-supported value', () => {
    for (const q of engine.suggest('how', 60)) {
      const a = engine.ask(q);
      expect(a.answered, q).toBe(true);
      const subject = /(?:how many|how long is the|how tall is the|how wide is the) ([a-z-]+?)(?:es|s)?(?: are there)?\?$/i.exec(q)?.[1];
      if (!subject) continue;
      const claim = table.claims.find((c) => c.subject.startsWith(subject) && a.value?.toLowerCase().replace(/^(some|up to) /, '').startsWith(c.groups[0]!.value.toLowerCase().replace(/^(some|up to) /, '')));
      expect(claim, `${q} → ${a.value}`).toBeDefined();
    }
  });
});
