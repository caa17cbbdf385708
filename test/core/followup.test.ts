import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { isElliptical, resolveFollowUp, winkTagger } from '../../src/core/ask/followup.js';
import type { AskContext } from '../../src/core/types.js';

const tag = winkTagger(createNlp());
const after = (question: string, value?: string): AskContext => ({ question, intent: 'quantity', ...(value ? { value } : {}) });
const resolve = (prev: AskContext, q: string) => resolveFollowUp(q, prev, tag);

// Invented pairs: no story's words, so each row tests the construction, not one corpus.
describe('follow-up constructions', () => {
  it.each([
    ['a pronoun stands for the previous focus', 'How long is the old aqueduct?', 'and how high is it?', 'How high is the old aqueduct?'],
    ['a pronoun in a yes/no follow-up', 'How tall is the new ferry terminal?', 'Is it finished?', 'Is the new ferry terminal finished?'],
    ['"what about X" swaps the counted noun', 'How many ducks were rescued from the lake?', 'what about the geese?', 'How many geese were rescued from the lake?'],
    ['"what about X" swaps a name', 'Who is Mara Quill?', 'what about Otto Brand?', 'Who is Otto Brand?'],
    ['"and X" with a bare noun phrase swaps the focus', 'What did the mayor say about the dam?', 'and the governor?', 'What did the governor say about the dam?'],
    ['a bare question word asks the previous event another way', 'Did the council close the bridge?', 'when?', 'When did the council close the bridge?'],
    ['a bare question word replaces the previous one', 'When did the council close the bridge?', 'Why?', 'Why did the council close the bridge?'],
    ['"what about its X" asks for a property of the previous focus', 'How long is the old aqueduct?', 'what about its height?', 'What is the height of the old aqueduct?'],
    ['"and their X" likewise', 'Who are the Valley Wardens?', 'and their leader?', 'What is the leader of the Valley Wardens?'],
    ['"and" before a complete question is dropped', 'How long is the old aqueduct?', 'and how many arches does the viaduct have?', 'How many arches does the viaduct have?'],
  ])('%s', (_name, prev, q, expected) => {
    expect(resolve(after(prev), q).question).toBe(expected);
  });

  it('"who said that?" asks who reported the previous answer', () => {
    const out = resolve(after('How long is the old aqueduct?', '4 km'), 'who said that?');
    expect(out.question).toBe('Who said that the old aqueduct is 4 km long?');
    expect(resolve(after('How many ducks were rescued from the lake?', '40'), 'who reported it?').question).toBe('Who reported that 40 ducks were rescued from the lake?');
    expect(out.rule).toBe('who said that');
  });

  it('a complete question is left alone even with a previous one', () => {
    const q = 'How many arches does the viaduct have?';
    expect(resolve(after('How long is the old aqueduct?'), q)).toEqual({ question: q });
  });

  it('a clause opened by "that" is not a pronoun', () => {
    const q = 'who said that the ferry sank';
    expect(resolve(after('How tall is the new ferry terminal?'), q).question).toBe(q);
  });

  it('without a previous question nothing is rewritten', () => {
    expect(resolveFollowUp('and how high is it?', undefined, tag)).toEqual({ question: 'and how high is it?' });
    expect(resolveFollowUp('when?', { question: '  ', intent: 'none' }, tag)).toEqual({ question: 'when?' });
  });

  it('works without a tagger, on function words alone', () => {
    expect(resolveFollowUp('how high is it?', after('How long is the aqueduct?')).question).toBe('How high is the aqueduct?');
  });
});

describe('isElliptical', () => {
  it.each([
    ['and how high is it?', true],
    ['what about the geese?', true],
    ['when?', true],
    ['How many arches does the Millbrook viaduct have?', false],
  ])('%s → %s', (q, expected) => {
    expect(isElliptical(q as string)).toBe(expected);
  });
});
