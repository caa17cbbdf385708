/** What the commands share about stories: which one an interaction means, and suggesting names. */
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../core/engine.js';
import type { BotContext } from './command.js';
import { LIMITS } from './render.js';

type AnyInteraction = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

/**
 * The engine of the story an interaction means: the one it names, else the channel's default,
 * else the server's, else CORPUS_DIR's. Throws StoryError (shown to the user) for an unknown name.
 */
export async function storyEngine(i: AnyInteraction, ctx: BotContext, named?: string | null): Promise<{ engine: Engine; story?: string }> {
  if (!ctx.stories) return { engine: ctx.engine };
  const story = await ctx.stories.resolve(named, { channel: i.channelId, guild: i.guildId });
  return { engine: await ctx.stories.engine(story), story };
}

/** Story names containing what was typed, as autocomplete choices. */
export async function storyChoices(ctx: BotContext, typed: string): Promise<{ name: string; value: string }[]> {
  const names = ctx.stories ? await ctx.stories.names() : [];
  const needle = typed.trim().toLowerCase();
  return names.filter((n) => n.includes(needle)).slice(0, LIMITS.choices).map((n) => ({ name: n, value: n }));
}

/** The `story` option as given, trimmed; blank means not given. */
export function storyOption(i: ChatInputCommandInteraction): string | null {
  return i.options.getString('story')?.trim() || null;
}
