/**
 * Answering a question in Discord, shared by /ask and mentions: the follow-up context of the
 * same user in the same channel goes in, the new one is kept, and the answer comes back as a
 * message with its "more sources" button.
 */
import type { Engine } from '../core/engine.js';
import type { BotContext } from './command.js';
import { answerMessage, renderMore, type AnswerView } from './render.js';

/** How this engine's sources are named and grouped in answers. */
export function answerView(engine: Engine): AnswerView {
  return { name: (id) => engine.sourceName(id), articles: engine.table.articles };
}

/** Answers `question` for `user` in `channel` (a follow-up of their previous question there, if recent). */
export function askInChannel(ctx: BotContext, question: string, channel: string, user: string) {
  const context = ctx.conversations.context(channel, user);
  const answer = ctx.engine.ask(question, context);
  ctx.conversations.remember(channel, user, answer.context);
  return { answer, message: answerMessage(answer, answerView(ctx.engine), (a) => ctx.conversations.keep(a)) };
}

/** The embed behind a "more sources" button, or undefined when the answer is no longer kept. */
export function moreFor(ctx: BotContext, key: string) {
  const answer = ctx.conversations.answer(key);
  return answer ? renderMore(answer, answerView(ctx.engine)) : undefined;
}
