/**
 * The timeline lists events, not date mentions: the seed story's key events stay; background
 * comparisons go; an undated past-tense lead takes its article's date, marked inferred; times
 * of day are kept. Built from real text, through the same ingest the bot uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import type { RawArticle } from '../../src/core/types.js';

const nlp = createNlp();

function engineOf(articles: RawArticle[]) {
  return createEngine(buildFactTable(articles, `test-${articles.map((a) => a.id).join('-')}`, nlp), nlp, { publicUrl: 'http://localhost:8080' });
}

function article(id: string, published: string, body: string): RawArticle {
  return { id, raw: `date ${published}\n\n${body}\n`, meta: {} };
}

describe('the seed timeline', () => {
  const seeds = engineOf(readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => ({
    id: f.replace(/\.txt$/, ''), raw: readFileSync(path.join('seeds', f), 'utf8'), meta: {},
  })));
  const timeline = seeds.timeline();

  it.each([
    ['2014', /overran Raqqa in 2014/],
    ['2017-06', /entered the city’s east and west for the first time last month/],
    ['2017-06-06', /launched an offensive to seize Raqqa on June 6/],
    ['2017-07-02', /pierced jihadist-held Raqa from the south/],
    ['2017-07-03', /breached a strategic wall/],
  ])('keeps the key event of %s', (date, text) => {
    expect(timeline.find((e) => e.date === date && text.test(e.text)), `no ${date} entry matching ${text}`).toBeDefined();
  });

  it('files an undated lead telling the same breach under the dated event, with both sources', () => {
    const breach = timeline.find((e) => e.date === '2017-07-03')!;
    expect(breach.sources.length).toBeGreaterThanOrEqual(2);
    expect(timeline.filter((e) => /breached/.test(e.text))).toHaveLength(1);
  });
});

describe('events, not mentions', () => {
  const engine = engineOf([
    article('000_wire', '2016-03-10', [
      'The river flooded the lower town on Tuesday, forcing hundreds of families from their homes.',
      'The water reached its highest level since 1989, the weather service said.',
      'Rainfall this winter was up from 2011 levels, when the last flood struck.',
      'Rescue boats set out at 10:30 a.m. on Wednesday to reach stranded farms.',
    ].join('\n\n')),
    article('001_gazette', '2016-03-11', [
      'Engineers closed the old stone bridge over the swollen river to all traffic.',
      'The bridge was built in 1902.',
    ].join('\n\n')),
  ]);
  const timeline = engine.timeline();
  const texts = timeline.map((e) => `${e.date} ${e.text}`);

  it('leaves out a record measured since a year ("the highest level since 1989")', () => {
    expect(texts.some((t) => t.startsWith('1989'))).toBe(false);
  });

  it('leaves out a change measured from a year ("up from 2011")', () => {
    expect(texts.some((t) => t.startsWith('2011'))).toBe(false);
  });

  it('keeps the dated events themselves', () => {
    expect(texts.some((t) => t.startsWith('2016-03-08 The river flooded'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1902 The bridge was built'))).toBe(true);
  });

  it('keeps the time of day of an event that gives one', () => {
    const boats = timeline.find((e) => /Rescue boats/.test(e.text))!;
    expect(boats).toMatchObject({ date: '2016-03-09', time: '10:30' });
  });

  it('answers "what time" with the time of day, not the bare day', () => {
    const a = engine.ask('What time did the rescue boats set out?');
    expect(a.answer).toMatch(/^10:30 a\.m\. \(Wednesday, 9 March 2016, 10:30\)/);
    expect(engine.ask('When did the rescue boats set out?').answer).not.toMatch(/^10:30/);
  });

  it('dates an undated past-tense lead by its article, marked inferred', () => {
    const lead = timeline.find((e) => /Engineers closed the old stone bridge/.test(e.text))!;
    expect(lead).toMatchObject({ date: '2016-03-11', inferred: true, sources: ['001_gazette'] });
    expect(lead.citations[0]!.snippet).toMatch(/^Engineers closed/);
  });

  it('does not date a lead that looks ahead', () => {
    const ahead = engineOf([article('002_notice', '2016-03-12', 'Engineers will inspect every bridge over the swollen river for damage.')]);
    expect(ahead.timeline()).toEqual([]);
  });
});

describe('answers show TIMEX values readably', () => {
  const engine = engineOf([article('000_maker', '2016-05-02', [
    'Sales of the tractor fell sharply in the first quarter of 2015, the maker said.',
    'The plant was opened in summer 2012 by the governor.',
    'The union met the owners last week to discuss wages.',
  ].join('\n\n'))]);

  it.each([
    ['When did sales of the tractor fall?', /^Q1 2015 /],
    ['When was the plant opened?', /^summer 2012 /],
    ['When did the union meet the owners?', /the week of 25 April 2016/],
  ])('%s', (question, shown) => {
    const a = engine.ask(question);
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(shown);
  });
});
