import { describe, expect, it } from 'vitest';
import { Conversations, FOLLOW_UP_MS } from '../../src/discord/conversations.js';
import type { Answer } from '../../src/core/types.js';

const ctx = { question: 'How long is the aqueduct?', intent: 'quantity' as const };

describe('Conversations', () => {
  it('keeps a follow-up context per channel and user for ten minutes', () => {
    let now = 1_000_000;
    const c = new Conversations({ now: () => now });
    c.remember('chan', 'alice', ctx);
    expect(c.context('chan', 'alice')).toEqual(ctx);
    expect(c.context('chan', 'bob')).toBeUndefined();
    expect(c.context('other', 'alice')).toBeUndefined();
    now += FOLLOW_UP_MS;
    expect(c.context('chan', 'alice')).toEqual(ctx);
    now += 1;
    expect(c.context('chan', 'alice')).toBeUndefined();
  });

  it('keeps answers for their "more" button under short keys that fit a custom id', () => {
    const c = new Conversations();
    const answer = { question: 'q', answered: true, answer: 'a', intent: 'quantity', citations: [], conflicts: [] } as Answer;
    const key = c.keep(answer);
    expect(key.length).toBeLessThan(20);
    expect(c.answer(key)).toBe(answer);
    expect(c.answer('nope')).toBeUndefined();
  });
});
