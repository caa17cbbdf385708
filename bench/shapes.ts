/**
 * Article shapes that once made ingest super-linear, generated at a given scale: the bench
 * times each at 1× and 8× and prints the growth exponent; the tests run them small.
 */
import type { RawArticle } from '../src/core/types.js';

export interface Shape {
  name: string;
  /** The article at `scale` (1 = the bench's base size). */
  make(scale: number): RawArticle;
}

const HEAD = 'date 2017-07-05\n\nOfficials gave the figures on Monday.\n\n';

export const SHAPES: Shape[] = [
  {
    // Every figure a different length of the same wall: one claim list, one group per value.
    name: 'quantities in one sentence',
    make: (scale) => ({
      id: 'many-quantities',
      raw: `${HEAD}The wall sections measured ${Array.from({ length: 3750 * scale }, (_, i) => `${i + 1} meters`).join(', ')} long.\n`,
      meta: {},
    }),
  },
  {
    // The same line over and over (2.2 MB at 8×): every repeat is furniture (a duplicate) to check lines against.
    name: 'repeated lines',
    make: (scale) => ({
      id: 'repeated-lines',
      raw: HEAD + 'Click here to read more about the wall and its history.\n'.repeat(5000 * scale),
      meta: {},
    }),
  },
  {
    // A long article (2 MB at 8×): distinct paragraphs of prose, a photo caption after every fourth.
    name: 'long article',
    make: (scale) => ({
      id: 'long-article',
      raw: HEAD + Array.from({ length: 1300 * scale }, (_, i) =>
        `On day ${i} the council met to discuss section ${i % 97} of the wall, which is ${(i % 40) + 2} meters high, officials said. ` +
        `Work on part ${i} will cost $${i + 5} million and take ${(i % 12) + 1} weeks.` +
        (i % 4 === 3 ? `\nFILE PHOTO: Workers near section ${i % 97} (Source: Agency ${i % 7})` : '')).join('\n\n') + '\n',
      meta: {},
    }),
  },
];

/** Growth exponent k in time ∝ size^k, from timings at two sizes. */
export function growthExponent(ms1: number, ms8: number, ratio = 8): number {
  return Math.log(ms8 / ms1) / Math.log(ratio);
}
