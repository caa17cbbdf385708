import { describe, expect, it } from 'vitest';
import { groupCitations, trimSnippet } from '../../src/core/snippets.js';
import type { Citation } from '../../src/core/types.js';

const long = 'The county said on Friday that the new footbridge over the Alder River, which took three years to build and cost more than expected, is 140 meters long and will open to cyclists and walkers next spring after a final inspection by engineers.';

describe('trimSnippet', () => {
  it('keeps a short snippet whole', () => {
    expect(trimSnippet('The bridge is 140 meters long.', '140 m')).toBe('The bridge is 140 meters long.');
  });

  it('trims a long snippet around the fact, at word boundaries, with ellipses', () => {
    const shown = trimSnippet(long, '140 m', 90);
    expect(shown).toContain('140 meters long');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(92);
    // Still the source's own words, in order.
    expect(long).toContain(shown.replace(/^…|…$/g, ''));
  });

  it('without the fact in it, shows the start', () => {
    const shown = trimSnippet(long, 'Mara Quill', 60);
    expect(shown.startsWith('The county said')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
  });
});

const cite = (source: string): Citation => ({ source, snippet: 's', url: 'u', viewer: 'v', start: 0, end: 1, paragraph: 1 });

describe('groupCitations', () => {
  it('leads each wire group with its first citation and lists the other copies', () => {
    const groups = groupCitations([cite('a'), cite('b'), cite('c'), cite('b')], [
      { id: 'a', wireWith: [] }, { id: 'b', wireWith: ['c'] }, { id: 'c', wireWith: ['b'] },
    ]);
    expect(groups.map((g) => [g.lead.source, g.also])).toEqual([['a', []], ['b', ['c']]]);
  });
});
