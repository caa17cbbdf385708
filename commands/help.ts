/** /help — what the bot can answer, with example questions drawn from the loaded corpus. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/command.js';
import { NO_MENTIONS, renderHelp } from '../src/discord/render.js';
import { storyEngine } from '../src/discord/stories.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What I can answer, with examples from the loaded coverage.');

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // Examples come from the story this channel answers from.
  const { engine } = await storyEngine(i, ctx);
  await i.reply({ embeds: [renderHelp(engine.suggest('', 5), engine.sources().length)], allowedMentions: NO_MENTIONS });
}
