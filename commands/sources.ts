/** /sources — every article: outlet or title, date, link, and which share wire copy. */
import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/command.js';
import { NO_MENTIONS, pagerRow, paginate, renderPage, sourceLines } from '../src/discord/render.js';

export const data = new SlashCommandBuilder().setName('sources').setDescription('List the articles the answers come from.');

function page(ctx: BotContext, owner: string, n: number) {
  const sources = ctx.engine.sources();
  const pages = paginate(sourceLines(sources, (id) => ctx.engine.sourceName(id)), 3800, 10);
  const p = Math.min(Math.max(0, n), Math.max(0, pages.length - 1));
  const wire = sources.filter((s) => s.wireWith.length).length;
  const intro = `${sources.length} source${sources.length === 1 ? '' : 's'}${wire ? `; ${wire} share wire copy with another` : ''}.`;
  return {
    embeds: [renderPage('Sources', pages, p, intro)],
    components: pagerRow('sources', owner, p, pages.length),
    allowedMentions: NO_MENTIONS,
  };
}

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await i.reply(page(ctx, i.user.id, 0));
}

export async function button(i: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void> {
  await i.update(page(ctx, i.user.id, Number(args[0]) || 0));
}
