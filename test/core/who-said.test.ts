import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import type { RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
// Invented coverage: two outlets credit the count to the ministry, one to a charity.
const raws: RawArticle[] = [
  { id: '000_a', meta: {}, raw: 'Floods hit the Alder valley on Monday.\n\nThe health ministry said 40 people were rescued from the river.' },
  { id: '001_b', meta: {}, raw: 'Heavy rain flooded the Alder valley.\n\nAbout 40 people were rescued from the river, the health ministry said.' },
  { id: '002_c', meta: {}, raw: 'Volunteers worked through the night in the Alder valley.\n\nSome 40 people were rescued from the river, according to the Red Crane charity.' },
];
const engine = createEngine(buildFactTable(raws, 'who-said', nlp), nlp, { publicUrl: 'http://localhost:8080' });

describe('"who said that?" after an answer', () => {
  it('names who the sentences behind the previous answer credit, most sources first', () => {
    const first = engine.ask('How many people were rescued from the river?');
    expect(first.answered).toBe(true);
    expect(first.value).toMatch(/40/);
    const who = engine.ask('who said that?', first.context);
    expect(who.answered).toBe(true);
    expect(who.answer).toMatch(/^health ministry \(.*40.*\) — 2 of 3 sources attribute it to them; also credited: Red Crane charity\.$/i);
    expect(who.citations.map((c) => c.source).sort()).toEqual(['000_a', '001_b']);
  });

  it('without a previous answer it is just a question', () => {
    expect(engine.ask('who said that?').answered).toBe(false);
  });
});
