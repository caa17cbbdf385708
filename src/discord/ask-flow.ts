/**
 * Answering a question in Discord, shared by /ask and mentions: the follow-up context of the
 * same user in the same channel (and the same story) goes in, the new one is kept, and the answer
 * comes back as a message with its "more sources" button.
 */
import type { Engine } from '../core/engine.js';
import type { BotContext } from './command.js';
import { answerMessage, renderMore, type AnswerView } from './render.js';

/** How this engine's sources are named and grouped in answers. */
export function answerView(engine: Engine): AnswerView {
  return { name: (id) => engine.sourceName(id), articles: engine.table.articles };
}

/** The story a question goes to: its engine and, with stories enabled, its name. */
export interface AskTarget {
  engine: Engine;
  story?: string;
}

/**
 * Answers `question` for `user` in `channel` from `target` (CORPUS_DIR's engine when not given):
 * a follow-up of their previous question there, if recent and asked of the same story.
 */
export function askInChannel(ctx: BotContext, question: string, channel: string, user: string, target: AskTarget = { engine: ctx.engine }) {
  const { engine, story } = target;
  const context = ctx.conversations.context(channel, user, story);
  const answer = engine.ask(question, context);
  ctx.conversations.remember(channel, user, answer.context, story);
  return { answer, message: answerMessage(answer, answerView(engine), (a) => ctx.conversations.keep(a, story)) };
}

/** The embed behind a "more sources" button, or undefined when the answer is no longer kept. */
export async function moreFor(ctx: BotContext, key: string) {
  const kept = ctx.conversations.kept(key);
  if (!kept) return undefined;
  // Sources are named as the answer's story names them; a story deleted since falls back to article ids.
  const engine = kept.story && ctx.stories ? await ctx.stories.engine(kept.story).catch(goneStory) : ctx.engine;
  return renderMore(kept.answer, engine ? answerView(engine) : {});
}

/** A story deleted since the answer: undefined; any other failure is a fault and goes on. */
function goneStory(e: unknown): undefined {
  if (e instanceof Error && e.name === 'StoryError') return undefined;
  throw e;
}
