/** Issue 11, item 5: ingest time grows linearly with the input, whatever its shape. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../bench/shapes.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { clean } from '../../src/core/ingest/clean.js';
import { createNlp } from '../../src/core/nlp.js';
import type { Fact, RawArticle } from '../../src/core/types.js';
import { groupFacts, quantitiesCompatible, quantityReach } from '../../src/core/values.js';
import { rng } from '../fuzz/generate.js';

const nlp = createNlp();

const compatible = (a: Fact, b: Fact) => quantitiesCompatible(
  { value: a.value as number, range: a.range, label: a.label, unit: a.unit },
  { value: b.value as number, range: b.range, label: b.label, unit: b.unit },
);
const reach = (f: Fact) => quantityReach({ value: f.value as number, range: f.range });

function quantity(i: number, value: number, unit: string, label: string, range?: [number, number]): Fact {
  return { id: `f${i}`, article: 'a', sentence: 0, span: { start: 0, end: 1 }, kind: 'quantity', subject: 'wall', attribute: 'length', value, unit, range, surface: label, label };
}

/** Facts with clustered, spread, negative, zero, hedged and huge values, in several units and wordings. */
function randomFacts(n: number, seed: number): Fact[] {
  const random = rng(seed);
  const units = [['m', 'm'], ['m', 'meters'], ['m', 'km'], ['count', 'people'], ['USD', '$'], ['%', '%']] as const;
  return Array.from({ length: n }, (_, i) => {
    const [unit, word] = units[Math.floor(random() * units.length)]!;
    const shape = random();
    let value = shape < 0.3 ? 1000 * (1 + Math.floor(random() * 5) * 0.01) : shape < 0.6 ? Math.round(10 ** (random() * 9)) : shape < 0.7 ? -Math.round(random() * 500) : shape < 0.75 ? 0 : random() * 100;
    if (random() < 0.02) value = 1e300 * random();
    const hedge = random();
    const range: [number, number] | undefined = hedge < 0.1 ? [value * 0.95, value * 1.05] : hedge < 0.15 ? [value / 2, value] : hedge < 0.17 ? [0, value * 1000] : undefined;
    return quantity(i, value, unit, `${value} ${word}`, range);
  });
}

function realQuantityLists(): Fact[][] {
  const dirs = ['seeds', '../shared/corpora/wikinews-apple', ...readdirSync('test/fixtures/corpora').filter((d) => !d.includes('.')).map((d) => `test/fixtures/corpora/${d}`)];
  const lists = new Map<string, Fact[]>();
  for (const dir of dirs.filter(existsSync)) {
    const raws: RawArticle[] = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f, raw: readFileSync(path.join(dir, f), 'utf8'), meta: {} }));
    for (const f of buildFactTable(raws, dir, nlp).facts) {
      if (f.kind !== 'quantity') continue;
      const key = `${dir}|${f.attribute}|${f.unit}`;
      (lists.get(key) ?? lists.set(key, []).get(key)!).push(f);
    }
  }
  return [...lists.values()];
}

describe('groupFacts with value buckets', () => {
  it('groups the real corpora\'s quantities exactly as trying every group does', () => {
    const lists = realQuantityLists();
    expect(lists.length).toBeGreaterThan(20);
    for (const list of lists) expect(groupFacts(list, compatible, reach)).toEqual(groupFacts(list, compatible));
  }, 60_000);

  it.each([1, 2, 3, 4, 5])('groups 1,500 random quantities (seed %i) exactly as trying every group does', (seed) => {
    const list = randomFacts(1500, seed);
    expect(groupFacts(list, compatible, reach)).toEqual(groupFacts(list, compatible));
  });

  it('compares each fact with a bounded number of groups, however many distinct values there are', () => {
    const calls = (n: number) => {
      let count = 0;
      const list = Array.from({ length: n }, (_, i) => quantity(i, i + 1, 'm', `${i + 1} meters`));
      groupFacts(list, (a, b) => (count++, compatible(a, b)), reach);
      return count;
    };
    const small = calls(2000);
    const large = calls(16_000);
    // Trying every group would be about 64 times as many calls.
    expect(large / small).toBeLessThan(8 * 1.5);
    // Trying every group would be thousands per fact.
    expect(large / 16_000).toBeLessThan(100);
  });
});

/** Best of `runs` timings, in ms. */
function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

describe('ingest of hostile shapes', () => {
  // Linear is a ratio of 8 between 1× and 8×; quadratic would be 64. The bound leaves room for a busy machine.
  const BOUND = 8 ** 1.5;

  it('cleaning 8× as many repeated lines costs about 8× as much', () => {
    // 5,000 and 40,000 lines: big enough that timer and collector noise do not dominate.
    const [one, eight] = [1, 8].map((k) => SHAPES.find((s) => s.name === 'repeated lines')!.make(k).raw);
    clean(one!);
    expect(best(5, () => clean(eight!)) / best(5, () => clean(one!))).toBeLessThan(BOUND);
  });

  it.each(SHAPES.map((s) => [s.name, s] as const))('building a table of %s grows linearly', (_name, shape) => {
    // Half and four times the bench's base size: the small one long enough that noise does not decide.
    const [one, eight] = [shape.make(0.5), shape.make(4)];
    buildFactTable([one], 'warm', nlp);
    const ratio = best(2, () => buildFactTable([eight], 'e', nlp)) / best(3, () => buildFactTable([one], 'o', nlp));
    expect(ratio).toBeLessThan(BOUND);
  }, 120_000);
});
