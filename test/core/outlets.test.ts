import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { independence, independenceNote, outletName, sourceNamer, wireAgency, wireGroups } from '../../src/core/outlets.js';
import type { Article, RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
const body = 'The county opened the new footbridge over the Alder River on Friday. It is 140 meters long, officials said.';
const build = (raws: RawArticle[]) => buildFactTable(raws, 'outlets-test', nlp).articles;
const one = (raw: string, meta: RawArticle['meta'] = {}, id = '007_abc') => build([{ id, raw, meta }])[0]!;

describe('outletName', () => {
  it('uses the outlet sources.json gives', () => {
    expect(outletName(one(body, { outlet: 'The Alder Courier', url: 'https://news.example.org/bridge' }))).toBe('The Alder Courier');
  });
  it("uses the page's own site name", () => {
    expect(outletName(one(`Riverside.net - ${body}`))).toBe('Riverside.net');
  });
  it('uses the wire agency a dateline names', () => {
    expect(outletName(one(`MILLTOWN (Reuters) - ${body}`))).toBe('Reuters');
    expect(outletName(one(`MILLTOWN, June 5 (AFP) — ${body}`))).toBe('AFP');
  });
  it("falls back to the URL's host, without www", () => {
    expect(outletName(one(body, { url: 'https://www.valley-post.example/2024/bridge' }))).toBe('valley-post.example');
  });
  it('uses the short id only when nothing names the source', () => {
    expect(outletName(one(`MILLTOWN: ${body}`))).toBe('007');
  });
});

describe('sourceNamer', () => {
  it('keeps names unique: two pieces from one outlet get their ids', () => {
    const arts = build([
      { id: '001_a', raw: body, meta: { outlet: 'Valley Post' } },
      { id: '002_b', raw: `Second story. ${body}`, meta: { outlet: 'Valley Post' } },
      { id: '003_c', raw: body, meta: { outlet: 'Hill Herald' } },
    ]);
    const name = sourceNamer(arts);
    expect(['001_a', '002_b', '003_c'].map(name)).toEqual(['Valley Post (001)', 'Valley Post (002)', 'Hill Herald']);
    expect(name('999_unknown')).toBe('999');
  });
});

const art = (id: string, wireWith: string[], raw = 'text'): Pick<Article, 'id' | 'wireWith' | 'raw'> => ({ id, wireWith, raw });

describe('independent agreement', () => {
  it('articles linked through shared wire copy form one group, even when the link is one-sided', () => {
    const groups = wireGroups([art('a', ['b']), art('b', []), art('c', ['b']), art('d', [])]);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('names the agency most of a group credit, ignoring photo credits', () => {
    expect(wireAgency([
      art('a', [], 'Troops crossed the river, AFP reports.'),
      art('b', [], 'A caption of a truck (AFP)\nTroops crossed the river.'),
      art('c', [], 'FILE PHOTO: a truck. (Source: Reuters)\nTroops crossed the river.'),
    ])).toBe('AFP');
    expect(wireAgency([art('a', [], 'Photo: Reuters'), art('b', [], 'no credit')])).toBeUndefined();
  });

  it('counts wire copy once: "2 independent reports (AFP wire in 3)"', () => {
    const ind = independence([
      art('a', ['b', 'c'], 'MILLTOWN (AFP) - Text.'), art('b', ['a'], 'Text, AFP said.'), art('c', ['a'], 'Text.'), art('d', [], 'Own reporting.'),
    ]);
    expect(ind).toEqual({ reports: 2, wire: [{ agency: 'AFP', count: 3 }] });
    expect(independenceNote(ind)).toBe('2 independent reports (AFP wire in 3)');
  });

  it('says nothing when every source is its own report', () => {
    expect(independenceNote(independence([art('a', []), art('b', [])]))).toBeUndefined();
  });
});

describe('answers count wire copy once (seeds)', async () => {
  const { readCorpus } = await import('../../src/store/corpus-loader.js');
  const { createEngine } = await import('../../src/core/engine.js');
  const corpus = await readCorpus('seeds');
  const engine = createEngine(buildFactTable(corpus.articles, 'seeds', nlp), nlp, { publicUrl: 'http://localhost:8080' });

  it('the wall length: five sources, two independent reports, the AFP wire in four', () => {
    const a = engine.ask('How long is the Rafiqah wall?');
    expect(a.answer).toMatch(/^2,500 m\b/);
    expect(a.answer).toContain('5 of 5 sources agree: 2 independent reports (AFP wire in 4)');
    // Every source is still cited in the JSON: conciseness is the renderers' business.
    expect(a.citations).toHaveLength(5);
  });

  it('a source already counted for the answer is not counted again for the other value', () => {
    const a = engine.ask('How long is the Rafiqah wall?');
    expect(a.conflicts.map((c) => c.value).join(' ')).toMatch(/5 km/);
    expect(a.answer).not.toMatch(/One (other )?source reports approximately 5 km/);
    expect(a.answer).toMatch(/One of those sources also cites approximately 5 km/);
  });
});
