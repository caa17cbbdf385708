/** /ask question:<text> [story] — answers from the fact table, with agreement and cited snippets. */
import { SlashCommandBuilder, MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/command.js';
import { MAX_QUESTION, questionProblem } from '../src/discord/questions.js';
import { NO_MENTIONS, choices, notice } from '../src/discord/render.js';
import { askInChannel, moreFor } from '../src/discord/ask-flow.js';
import { storyChoices, storyEngine, storyOption } from '../src/discord/stories.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the news coverage; the answer cites its sources.')
  .addStringOption((o) =>
    o.setName('question').setDescription('e.g. How long is the wall?').setRequired(true).setMaxLength(MAX_QUESTION).setAutocomplete(true),
  )
  .addStringOption((o) => o.setName('story').setDescription("Which story to answer from (default: this channel's)").setMaxLength(32).setAutocomplete(true));

/** Valid questions are deferred: answering may take a moment on a large corpus. */
export const defer = (i: ChatInputCommandInteraction): boolean => questionProblem(i.options.getString('question')) === undefined;

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = i.options.getString('question') ?? '';
  const problem = questionProblem(question);
  if (problem) {
    await i.reply({ content: notice(problem), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const target = await storyEngine(i, ctx, storyOption(i));
  const { message } = askInChannel(ctx, question.trim(), i.channelId ?? 'dm', i.user.id, target);
  await i.editReply({ ...message, allowedMentions: NO_MENTIONS });
}

/** The "more sources" button (`ask::more:<key>`): the cited snippets the answer did not show, only to whoever asks. */
export async function button(i: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void> {
  const [action, key = ''] = args;
  const embed = action === 'more' ? await moreFor(ctx, key) : undefined;
  if (!embed) {
    await i.reply({ content: notice('That answer is no longer kept — ask the question again to see its sources.'), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  await i.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = i.options.getFocused(true);
  if (focused.name === 'story') {
    await i.respond(await storyChoices(ctx, String(focused.value ?? '')));
    return;
  }
  const typed = String(focused.value ?? '').slice(0, MAX_QUESTION);
  // Suggestions come from the story the question will go to; a story name still being typed falls back to the default.
  const engine = await storyEngine(i, ctx, i.options.getString('story')).then((s) => s.engine, () => ctx.engine);
  await i.respond(choices(engine.suggest(typed, 25)));
}
