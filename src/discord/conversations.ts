/**
 * What the bot remembers between messages, in memory only: each user's last question per
 * channel (for follow-ups, 10 minutes) and recent answers (for their "more sources" button).
 * Both remember which story they came from: a follow-up leans only on a question asked of the
 * same story, and a "more" button names sources as that story does. Bounded, so a busy server
 * cannot grow it without limit; lost on restart, which only means a follow-up is read as a new
 * question.
 */
import type { Answer, AskContext } from '../core/types.js';

/** How long a follow-up may lean on the previous question. */
export const FOLLOW_UP_MS = 10 * 60_000;
/** How long a "more sources" button keeps working. */
export const ANSWER_MS = 30 * 60_000;
const MAX_CONTEXTS = 5000;
const MAX_ANSWERS = 1000;

export interface ConversationOptions {
  now?: () => number;
  followUpMs?: number;
  answerMs?: number;
}

export class Conversations {
  private readonly contexts = new Map<string, { context: AskContext; story?: string; at: number }>();
  private readonly answers = new Map<string, { answer: Answer; story?: string; at: number }>();
  private counter = 0;
  private readonly now: () => number;
  private readonly followUpMs: number;
  private readonly answerMs: number;

  constructor(opts: ConversationOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.followUpMs = opts.followUpMs ?? FOLLOW_UP_MS;
    this.answerMs = opts.answerMs ?? ANSWER_MS;
  }

  /**
   * The previous question of `user` in `channel`, if asked within the follow-up window and of the
   * same `story`: after switching stories, a question starts afresh.
   */
  context(channel: string, user: string, story?: string): AskContext | undefined {
    const key = `${channel}:${user}`;
    const hit = this.contexts.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.followUpMs) {
      this.contexts.delete(key);
      return undefined;
    }
    return hit.story === story ? hit.context : undefined;
  }

  /** Remembers the context an answer returned, for the same user's next question in the channel. */
  remember(channel: string, user: string, context: AskContext | undefined, story?: string): void {
    if (!context) return;
    const key = `${channel}:${user}`;
    this.contexts.delete(key);
    this.contexts.set(key, { context, story, at: this.now() });
    evict(this.contexts, MAX_CONTEXTS);
  }

  /** Keeps an answer (and the story it came from) for its "more" button; returns the short key the button carries. */
  keep(answer: Answer, story?: string): string {
    const key = `${this.now().toString(36)}${(++this.counter).toString(36)}`;
    this.answers.set(key, { answer, story, at: this.now() });
    evict(this.answers, MAX_ANSWERS);
    return key;
  }

  /** A kept answer, unless it has expired. */
  answer(key: string): Answer | undefined {
    return this.kept(key)?.answer;
  }

  /** A kept answer with the story it came from, unless it has expired. */
  kept(key: string): { answer: Answer; story?: string } | undefined {
    const hit = this.answers.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.answerMs) {
      this.answers.delete(key);
      return undefined;
    }
    return { answer: hit.answer, story: hit.story };
  }
}

/** Drops the oldest entries (Maps iterate in insertion order) beyond `max`. */
function evict<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}
