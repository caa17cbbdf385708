/** /sources [story] — every article: outlet or title, date, link, and which share wire copy. */
import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction, type AutocompleteInteraction } from 'discord.js';
import type { Engine } from '../src/core/engine.js';
import type { BotContext } from '../src/discord/command.js';
import { NO_MENTIONS, pagerRow, paginate, renderPage, sourceLines } from '../src/discord/render.js';
import { storyChoices, storyEngine, storyOption } from '../src/discord/stories.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List the articles the answers come from.')
  .addStringOption((o) => o.setName('story').setDescription("Which story (default: this channel's)").setMaxLength(32).setAutocomplete(true));

function page(engine: Engine, owner: string, n: number, story?: string) {
  const sources = engine.sources();
  const pages = paginate(sourceLines(sources, (id) => engine.sourceName(id)), 3800, 10);
  const p = Math.min(Math.max(0, n), Math.max(0, pages.length - 1));
  const wire = sources.filter((s) => s.wireWith.length).length;
  const intro = `${sources.length} source${sources.length === 1 ? '' : 's'}${story ? ` in ${story}` : ''}${wire ? `; ${wire} share wire copy with another` : ''}.`;
  return {
    embeds: [renderPage('Sources', pages, p, intro)],
    components: pagerRow('sources', owner, p, pages.length, story ? [story] : []),
    allowedMentions: NO_MENTIONS,
  };
}

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const { engine, story } = await storyEngine(i, ctx, storyOption(i));
  await i.reply(page(engine, i.user.id, 0, story));
}

export async function button(i: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void> {
  const [n, named] = args;
  const { engine, story } = await storyEngine(i, ctx, named || null);
  await i.update(page(engine, i.user.id, Number(n) || 0, story));
}

export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await i.respond(await storyChoices(ctx, String(i.options.getFocused() ?? '')));
}
