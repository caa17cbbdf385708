import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  citationFor,
  encodeFragmentTerm,
  formatTextDirective,
  paragraphAt,
  textDirectiveFor,
  viewerUrl,
  withTextFragment,
} from '../../src/core/ask/links.js';
import type { Article, Sentence } from '../../src/core/types.js';

function article(raw: string, extra: Partial<Article> = {}): Article {
  return {
    id: 'a1', raw, title: 't', furniture: [], sentences: [], words: 0, wireShare: 0, wireWith: [], ...extra,
  };
}

/** Decodes a text directive the way a browser does: split on `,`, strip `-` markers, percent-decode. */
function parseDirective(url: string) {
  const directive = url.slice(url.indexOf(':~:text=') + ':~:text='.length);
  const terms = directive.split(',');
  const out: { prefix?: string; textStart?: string; textEnd?: string; suffix?: string } = {};
  if (terms[0]?.endsWith('-')) out.prefix = decodeURIComponent(terms.shift()!.slice(0, -1));
  if (terms[terms.length - 1]?.startsWith('-')) out.suffix = decodeURIComponent(terms.pop()!.slice(1));
  out.textStart = decodeURIComponent(terms[0]!);
  if (terms[1] !== undefined) out.textEnd = decodeURIComponent(terms[1]);
  return out;
}

describe('text fragment encoding', () => {
  it.each([
    ['commas', '2,500 m', '2%2C500%20m'],
    ['dashes', '2,500-meter wall', '2%2C500%2Dmeter%20wall'],
    ['ampersands', 'Q&A', 'Q%26A'],
    ['double quotes', '"key milestone"', '%22key%20milestone%22'],
    ['single quotes and parens', "IS's wall (old)", 'IS%27s%20wall%20%28old%29'],
    ['non-ASCII', 'Raqqa’s “wall” — 5 km', 'Raqqa%E2%80%99s%20%E2%80%9Cwall%E2%80%9D%20%E2%80%94%205%20km'],
    ['Arabic', 'الرقة', '%D8%A7%D9%84%D8%B1%D9%82%D8%A9'],
    ['lone surrogates', 'a\uD800b', 'a%EF%BF%BDb'],
  ])('encodes %s', (_name, term, encoded) => {
    expect(encodeFragmentTerm(term)).toBe(encoded);
    expect(encodeFragmentTerm(term)).not.toMatch(/[-,&'"()\s]/);
  });

  it('serializes prefix-, start, end and -suffix with the syntax dashes left bare', () => {
    expect(formatTextDirective({ prefix: 'the', textStart: 'a-b', textEnd: 'c,d', suffix: 'e' }))
      .toBe('text=the-,a%2Db,c%2Cd,-e');
  });

  it('keeps an existing fragment and replaces an old directive', () => {
    expect(withTextFragment('https://x.test/a#sec', { textStart: 'x' })).toBe('https://x.test/a#sec:~:text=x');
    expect(withTextFragment('https://x.test/a#:~:text=old', { textStart: 'new' })).toBe('https://x.test/a#:~:text=new');
    expect(withTextFragment('https://x.test/a?q=1', { textStart: 'x' })).toBe('https://x.test/a?q=1#:~:text=x');
  });
});

describe('choosing the text directive', () => {
  it('uses textStart alone for a short unique snippet, whitespace collapsed', () => {
    const raw = 'The wall is 2,500\n  m long. It was built long ago.';
    const start = raw.indexOf('2,500');
    expect(textDirectiveFor(raw, start, raw.indexOf(' long.'))).toEqual({ textStart: '2,500 m' });
  });

  it('uses a few words of textStart,textEnd for a long snippet', () => {
    const raw = 'Intro. US-backed forces in Syria have entered the most heavily fortified area of Raqqa, the de facto capital of the group. Outro.';
    const start = raw.indexOf('US-backed');
    const end = raw.indexOf(' Outro');
    expect(textDirectiveFor(raw, start, end)).toEqual({ textStart: 'US-backed forces in', textEnd: 'capital of the group.' .split(' ').slice(-3).join(' ') });
  });

  it('grows textStart,textEnd until the first match is the snippet', () => {
    const raw = 'the wall was breached on Monday by the forces. '
      + 'Later the wall was breached again in two places near the old city by the forces.';
    const start = raw.indexOf('Later') + 'Later '.length;
    const end = raw.length;
    const d = textDirectiveFor(raw, start, end);
    expect(d.textStart.split(' ').length).toBeGreaterThan(3);
    expect(d.prefix).toBeUndefined();
  });

  it('adds prefix or suffix context when a short snippet repeats in the article', () => {
    const raw = 'The first wall is 5 km long. The second wall is 5 km long too.';
    const second = raw.lastIndexOf('5 km');
    const d = textDirectiveFor(raw, second, second + '5 km'.length);
    expect(d.textStart).toBe('5 km');
    expect(d.prefix ?? d.suffix).toBeDefined();
    // The chosen context is the words around the second occurrence, and the first gets another directive.
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\W+');
    if (d.prefix) expect(raw.slice(0, second)).toMatch(new RegExp(`${esc(d.prefix)}\\W*$`));
    if (d.suffix) expect(raw.slice(second + 4)).toMatch(new RegExp(`^\\W*${esc(d.suffix)}`));
    const first = raw.indexOf('5 km');
    const forFirst = textDirectiveFor(raw, first, first + 4);
    expect(forFirst).toEqual(expect.objectContaining({ textStart: '5 km' }));
    expect(forFirst).not.toEqual(d);
  });

  it('widens a span cut mid-word to whole words, since browsers match on word boundaries', () => {
    const raw = 'The overall 2,500-meter wall stands.';
    const start = raw.indexOf('500-met');
    expect(textDirectiveFor(raw, start, start + '500-met'.length)).toEqual({ textStart: '2,500-meter' });
  });

  it('rejects a whitespace-only span', () => {
    expect(() => textDirectiveFor('a   b', 1, 3)).toThrow(RangeError);
  });
});

describe('citationFor', () => {
  const raw = 'date 2017-07-04\n\nSkip to main content\n\nThe wall, which is 2,500-meter long, was breached.\n\nA "key milestone", McGurk said.';

  it('links to the original URL with a text fragment when sources.json gives one', () => {
    const a = article(raw, { url: 'https://news.example/raqqa' });
    const start = raw.indexOf('2,500-meter');
    const c = citationFor(a, start, start + '2,500-meter'.length, 'http://localhost:8080/');
    expect(c).toMatchObject({
      source: 'a1', snippet: '2,500-meter', start, end: start + 11,
      viewer: `http://localhost:8080/sources/a1?hl=${start}-${start + 11}`,
      url: 'https://news.example/raqqa#:~:text=2%2C500%2Dmeter',
    });
    expect(parseDirective(c.url)).toEqual({ textStart: '2,500-meter' });
  });

  it('links to the viewer when the URL is not known', () => {
    const a = article(raw);
    const start = raw.indexOf('"key');
    const c = citationFor(a, start, start + '"key milestone"'.length, 'https://bot.example');
    expect(c.url).toBe(c.viewer);
    expect(c.viewer).toBe(`https://bot.example/sources/a1?hl=${start}-${start + 15}`);
    expect(c.snippet).toBe('"key milestone"');
  });

  it('ignores a URL that is not http(s)', () => {
    const a = article(raw, { url: 'javascript:alert(1)' });
    const c = citationFor(a, 0, 4, 'http://x');
    expect(c.url).toBe(c.viewer);
  });

  it('counts paragraphs as non-empty lines when there are no sentences, and from sentences when there are', () => {
    const start = raw.indexOf('A "key');
    expect(citationFor(article(raw), start, start + 5, 'http://x').paragraph).toBe(4);
    const withSentences = article(raw, { sentences: [{ index: 0, start, end: raw.length, paragraph: 2, terms: [] } as Sentence] });
    expect(paragraphAt(withSentences, start + 3)).toBe(2);
  });

  it.each([[-1, 3], [3, 3], [5, 2], [0, 10_000], [0.5, 3]])('throws a RangeError for span %s-%s', (s, e) => {
    expect(() => citationFor(article(raw), s, e, 'http://x')).toThrow(/expected 0 <= start < end/);
  });

  it('escapes odd ids in the viewer link', () => {
    expect(viewerUrl('http://x/', 'a b/c')).toBe('http://x/sources/a%20b%2Fc');
  });

  it('gives every sentence-length snippet of a seed article a directive that round-trips to it', () => {
    const seed = readFileSync(new URL('../../seeds/000_6e79381d7b31fe90.txt', import.meta.url), 'utf8');
    const a = article(seed, { url: 'https://example.org/story' });
    const lines = [...seed.matchAll(/[^\n]{30,}/g)].slice(0, 40);
    for (const m of lines) {
      const c = citationFor(a, m.index!, m.index! + m[0].length, 'http://x');
      const d = parseDirective(c.url);
      const flat = m[0].replace(/\s+/g, ' ').trim();
      expect(flat.startsWith(d.textStart!)).toBe(true);
      if (d.textEnd) expect(flat.endsWith(d.textEnd)).toBe(true);
      expect(c.url.length).toBeLessThan(a.url!.length + 400);
    }
  });
});
