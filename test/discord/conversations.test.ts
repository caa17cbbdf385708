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

  it('a follow-up stays within its story: a question to another story starts afresh', () => {
    const c = new Conversations();
    c.remember('chan', 'alice', ctx, 'bridge');
    expect(c.context('chan', 'alice', 'bridge')).toEqual(ctx);
    expect(c.context('chan', 'alice', 'seeds')).toBeUndefined();
    expect(c.context('chan', 'alice')).toBeUndefined();
    const other = { question: 'Who built it?', intent: 'person' as const };
    c.remember('chan', 'alice', other, 'seeds');
    expect(c.context('chan', 'alice', 'bridge')).toBeUndefined();
    expect(c.context('chan', 'alice', 'seeds')).toEqual(other);
  });

  it('a kept answer remembers its story, so its "more" button names sources as that story does', () => {
    const c = new Conversations();
    const answer = { question: 'q', answered: true, answer: 'a', intent: 'quantity', citations: [], conflicts: [] } as Answer;
    expect(c.kept(c.keep(answer, 'bridge'))).toEqual({ answer, story: 'bridge' });
    expect(c.kept(c.keep(answer))).toEqual({ answer, story: undefined });
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
