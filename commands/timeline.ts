/** /timeline [from] [to] [story] — dated events oldest first, each with its sources; paged with buttons. */
import { SlashCommandBuilder, MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../src/core/engine.js';
import type { BotContext } from '../src/discord/command.js';
import { isCalendarDate } from '../src/core/calendar.js';
import { NO_MENTIONS, notice, pagerRow, paginate, renderPage, timelineLines } from '../src/discord/render.js';
import { storyChoices, storyEngine, storyOption } from '../src/discord/stories.js';


export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events in the coverage, oldest first.')
  .addStringOption((o) => o.setName('from').setDescription('Earliest date: 2017, 2017-06 or 2017-07-02').setMaxLength(10))
  .addStringOption((o) => o.setName('to').setDescription('Latest date: 2017, 2017-06 or 2017-07-02').setMaxLength(10))
  .addStringOption((o) => o.setName('story').setDescription("Which story (default: this channel's)").setMaxLength(32).setAutocomplete(true));

/** A date option as given, trimmed; blank means not given. */
const dateOption = (i: ChatInputCommandInteraction, name: 'from' | 'to'): string | null => i.options.getString(name)?.trim() || null;

// Deferred exactly when execute will answer with editReply; both read the options the same way.
export const defer = (i: ChatInputCommandInteraction): boolean => rangeProblem(dateOption(i, 'from'), dateOption(i, 'to')) === undefined;

function rangeProblem(from: string | null, to: string | null): string | undefined {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v && !isCalendarDate(v)) return `\`${name}\` should be a date like 2017, 2017-06 or 2017-07-02 (got "${v.slice(0, 40)}").`;
  }
  return undefined;
}

function page(engine: Engine, owner: string, n: number, from?: string, to?: string, story?: string) {
  const entries = engine.timeline({ from, to });
  const pages = paginate(timelineLines(entries, (id) => engine.sourceName(id)), 3800, 6);
  const p = Math.min(Math.max(0, n), Math.max(0, pages.length - 1));
  const range = from || to ? ` (${from ?? '…'} to ${to ?? '…'})` : '';
  const intro = entries.length ? `${entries.length} dated event${entries.length === 1 ? '' : 's'}${range}, oldest first.` : `No dated events in the coverage${range}.`;
  return {
    embeds: [renderPage('Timeline', pages, p, intro)],
    components: pagerRow('timeline', owner, p, pages.length, [from ?? '', to ?? '', ...(story ? [story] : [])]),
    allowedMentions: NO_MENTIONS,
  };
}

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const from = dateOption(i, 'from');
  const to = dateOption(i, 'to');
  const problem = rangeProblem(from, to);
  if (problem) {
    await i.reply({ content: notice(problem), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  const { engine, story } = await storyEngine(i, ctx, storyOption(i));
  await i.editReply(page(engine, i.user.id, 0, from ?? undefined, to ?? undefined, story));
}

export async function button(i: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void> {
  const [n, from, to, named] = args;
  const valid = (v?: string) => (v && isCalendarDate(v) ? v : undefined);
  const { engine, story } = await storyEngine(i, ctx, named || null);
  await i.update(page(engine, i.user.id, Number(n) || 0, valid(from), valid(to), story));
}

export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await i.respond(await storyChoices(ctx, String(i.options.getFocused() ?? '')));
}
