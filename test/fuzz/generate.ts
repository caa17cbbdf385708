/** Seeded generators for the fuzz suites: questions, hostile corpora, damaged tables. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Answer, Citation, FactTable } from '../../src/core/types.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const TEMPLATES = [
  'How long is the {w}?', 'How many {w} were there?', 'How much did the {w} cost?', 'When did {W} {w}?', 'Who is {W}?',
  'What did {W} say?', 'Which {w} {w} the {w}?', 'Which sources mention {W}?', 'How many sources report the {w}?',
  'Do the sources disagree on the {w}?', 'What does {W} stand for?', 'Why did {W} {w} the {w}?', 'Did {W} {w} the {w}?',
  'What happened?', 'list the sources', 'show me the timeline', 'how tall {w} {w}', '{w} {w} {w}', '{W}', '{x}',
  'What is the {w} of {W}?', 'Who called it a {w}?', 'In which year did {W} {w} {W}?', 'and how high is it?', '{x} {w} {x}?',
];

/** Words and strings no question should choke on. */
export const HOSTILE = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__',
  '1e308', '10^400', '-0', 'NaN', 'Infinity', '2017-02-30', '0000-00-00', '99999-01-01', '$', '%', '€5bn', '½',
  '\u001b[2J', '\u009b31m', '\u0000', '\u202e', '\ud800', '😀', 'ﷺ', 'İ', 'ß', 'Ǆ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '(', ')', '[', '\\', '.*', '(?:', '$&', '^', '|', '+++', '???', '!!!', '...', '—', '"', "'", '`', '<script>', '&amp;', '@everyone', '<@123>',
  '**bold**', '||spoiler||', '#:~:text=', '%00', '../..', 'a'.repeat(300), 'x '.repeat(200), '\t', '\r', '\n',
];

/** `n` questions from `vocabulary` (the corpus's own words) and the hostile list, the same for the same seed. */
export function questions(n: number, seed: number, vocabulary: string[]): string[] {
  const random = rng(seed);
  const words = vocabulary.filter((w) => /^[a-z]{3,}$/.test(w));
  const names = vocabulary.filter((w) => /^[A-Z][a-z]{2,}$/.test(w));
  const word = () => (random() < 0.15 ? pick(random, HOSTILE) : pick(random, words));
  const name = () => (random() < 0.15 ? pick(random, HOSTILE) : pick(random, names));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let q = pick(random, TEMPLATES).replace(/\{w\}/g, word).replace(/\{W\}/g, name).replace(/\{x\}/g, () => pick(random, HOSTILE));
    if (random() < 0.05) q = q.toUpperCase();
    if (random() < 0.05) q = q.split('').reverse().join('');
    out.push(q.slice(0, 900));
  }
  return out;
}

/** Every snippet an answer shows, with where it claims to come from. */
export function citationsOf(a: Answer): Citation[] {
  return [...a.citations, ...(a.passages ?? []), ...a.conflicts.flatMap((c) => c.citations ?? [])];
}

/** Problems with an answer's citations against the table: snippets must be verbatim text of their article. */
export function unfaithful(a: Answer, table: FactTable): string[] {
  const byId = new Map(table.articles.map((x) => [x.id, x]));
  const problems: string[] = [];
  for (const c of citationsOf(a)) {
    const article = byId.get(c.source);
    if (!article) problems.push(`cites unknown source ${JSON.stringify(c.source)}`);
    else if (article.raw.slice(c.start, c.end) !== c.snippet) problems.push(`snippet ${c.start}-${c.end} of ${c.source} is not verbatim`);
  }
  return problems;
}

/** Hostile corpus folders, each a name and what it holds (written under one temp folder). */
export async function hostileCorpora(seed: number): Promise<{ name: string; dir: string }[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'fuzz-corpora-'));
  const random = rng(seed);
  const body = (extra = '') => `date 2017-07-0${1 + Math.floor(random() * 8)}\n\nThe wall is 2,500 meters long, officials said on Monday. ${extra}\n\nFighters crossed the river on Sunday, the coalition said.\n`;
  const corpora: Record<string, Record<string, string | Buffer>> = {
    'control characters': { 'a\u001b[31m.txt': body('\u001b]0;title\u0007 \u009b2J'), 'sources.json': JSON.stringify({ 'a\u001b[31m': { title: 'T\u001b[5m', outlet: 'O\u0085' } }) },
    'odd ids': { '..txt': body(), '...txt': body(), '.hidden.txt': body(), 'a b#?%.txt': body(), 'constructor.txt': body(), '__proto__.txt': body() },
    'impossible dates': { 'a.txt': 'date 2017-02-30\n\n' + body(), 'b.txt': 'February 30, 2017\n\n' + body(), 'c.txt': body('It happened on June 31, 2016.'), 'sources.json': JSON.stringify({ a: { published: '0000-00-00' }, c: { published: '99999-01-01' } }) },
    'broken sources.json': { 'a.txt': body(), 'sources.json': '{"a": {"title": ' },
    'sources.json of the wrong shape': { 'a.txt': body(), 'sources.json': JSON.stringify([1, 2, { a: null }]) },
    'binary and empty files': { 'a.txt': body(), 'b.txt': Buffer.from([0, 1, 2, 3, 255, 254, 0]), 'c.txt': '', 'd.txt': '   \n\t\n', 'e.txt': Buffer.from([0xff, 0xfe, ...Buffer.from(body(), 'utf16le')]) },
    'windows-1252 and line endings': { 'a.txt': Buffer.from(body('caf\u00e9 na\u00efve \u0093quoted\u0094').replace(/\n/g, '\r\n'), 'latin1'), 'b.txt': body().replace(/\n/g, '\r') },
    'many quantities': { 'a.txt': `date 2017-07-05\n\nThe sections measured ${Array.from({ length: 3000 }, (_, i) => `${i + 1} m`).join(', ')}.\n` },
    'repeated lines': { 'a.txt': body() + 'Read more about the wall.\n'.repeat(5000) },
    'exponents and huge numbers': { 'a.txt': body(`It counted 1e308 grains, needed 10^400 steps and ${'9'.repeat(400)} stars, at 1e-5 m.`) },
    'prototype words': { 'a.txt': body('The constructor said the __proto__ wall is 5 constructor long and toString called it valueOf.') },
    'markup and mentions': { 'a.txt': body('<script>alert(1)</script> @everyone <@&1> **bold** [link](http://x) ||s||'), 'sources.json': JSON.stringify({ a: { url: 'https://example.com/a?q=(1)', title: '<b>T</b>' } }) },
  };
  const out: { name: string; dir: string }[] = [];
  let k = 0;
  for (const [name, files] of Object.entries(corpora)) {
    const dir = path.join(root, String(k++));
    await mkdir(dir);
    for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
    out.push({ name, dir });
  }
  // File-system oddities: a FIFO and a symlink to /dev/zero as sources.json, a folder named like an article.
  const fifo = path.join(root, String(k++));
  await mkdir(fifo);
  await writeFile(path.join(fifo, 'a.txt'), body());
  execFileSync('mkfifo', [path.join(fifo, 'sources.json')]);
  out.push({ name: 'sources.json is a FIFO', dir: fifo });
  const zero = path.join(root, String(k++));
  await mkdir(zero);
  await writeFile(path.join(zero, 'a.txt'), body());
  await symlink('/dev/zero', path.join(zero, 'sources.json'));
  await mkdir(path.join(zero, 'folder.txt'));
  await symlink('/dev/zero', path.join(zero, 'zero.txt'));
  out.push({ name: 'symlinks to /dev/zero', dir: zero });
  return out;
}
