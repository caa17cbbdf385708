/**
 * /story new|add|list|use|remove-article|delete — manage the server's stories. Changing stories
 * needs the Manage Server permission: Discord hides the command from others by default
 * (`default_member_permissions`), and execute checks again, since server admins may re-grant it.
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { BotContext } from '../src/discord/command.js';
import { NO_MENTIONS, notice, truncate, LIMITS } from '../src/discord/render.js';
import { storyChoices } from '../src/discord/stories.js';
import type { ArticleInput } from '../src/store/article-input.js';
import { addedText, listText } from '../src/stories/text.js';

const FILE_OPTIONS = ['file', 'file2', 'file3'] as const;

export const data = new SlashCommandBuilder()
  .setName('story')
  .setDescription('Manage stories: named sets of articles the bot answers about.')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => s.setName('new').setDescription('Make an empty story.').addStringOption((o) => o.setName('name').setDescription('e.g. bridge-collapse (a-z, 0-9, - and _)').setRequired(true).setMaxLength(32)))
  .addSubcommand((s) => {
    s.setName('add')
      .setDescription('Add articles to a story from links and uploaded .txt or .html files.')
      .addStringOption((o) => o.setName('story').setDescription('The story to add to').setRequired(true).setMaxLength(32).setAutocomplete(true))
      .addStringOption((o) => o.setName('url').setDescription('Links to articles, separated by spaces').setMaxLength(1500));
    for (const name of FILE_OPTIONS) s.addAttachmentOption((o) => o.setName(name).setDescription('A .txt or .html article'));
    return s;
  })
  .addSubcommand((s) => s.setName('list').setDescription('The stories and how many articles each has.'))
  .addSubcommand((s) =>
    s
      .setName('use')
      .setDescription('Make a story the default here.')
      .addStringOption((o) => o.setName('story').setDescription('The story').setRequired(true).setMaxLength(32).setAutocomplete(true))
      .addStringOption((o) => o.setName('for').setDescription('This channel (default) or the whole server').addChoices({ name: 'this channel', value: 'channel' }, { name: 'the whole server', value: 'server' })),
  )
  .addSubcommand((s) =>
    s
      .setName('remove-article')
      .setDescription('Take one article out of a story.')
      .addStringOption((o) => o.setName('story').setDescription('The story').setRequired(true).setMaxLength(32).setAutocomplete(true))
      .addStringOption((o) => o.setName('article').setDescription('The article id (see /sources)').setRequired(true).setMaxLength(100).setAutocomplete(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('delete')
      .setDescription('Delete a story and its articles.')
      .addStringOption((o) => o.setName('story').setDescription('The story').setRequired(true).setMaxLength(32).setAutocomplete(true)),
  );

const MUTATING = new Set(['new', 'add', 'use', 'remove-article', 'delete']);

function allowed(i: ChatInputCommandInteraction): boolean {
  return !MUTATING.has(i.options.getSubcommand()) || i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

/** Adding fetches pages and re-aligns the story; removing re-aligns it: both may take seconds. */
export const defer = (i: ChatInputCommandInteraction): boolean => allowed(i) && ['add', 'remove-article'].includes(i.options.getSubcommand());

async function say(i: ChatInputCommandInteraction, text: string, ephemeral = false): Promise<void> {
  const content = truncate(text, LIMITS.content);
  if (i.deferred) await i.editReply({ content, allowedMentions: NO_MENTIONS });
  else await i.reply({ content, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const stories = ctx.stories;
  if (!stories) {
    await say(i, notice('Stories are not enabled on this bot.'), true);
    return;
  }
  if (!allowed(i)) {
    await say(i, notice('Changing stories needs the Manage Server permission.'), true);
    return;
  }
  const sub = i.options.getSubcommand();
  if (sub === 'new') {
    const name = await stories.create(i.options.getString('name', true));
    await say(i, `Made the story **${name}**. Add articles with \`/story add story:${name}\`.`);
  } else if (sub === 'add') {
    const inputs: ArticleInput[] = (i.options.getString('url') ?? '').split(/\s+/).filter(Boolean).map((url) => ({ kind: 'url' as const, url }));
    for (const name of FILE_OPTIONS) {
      const a = i.options.getAttachment(name);
      if (a) inputs.push({ kind: 'upload', name: a.name, url: a.url });
    }
    if (!inputs.length) {
      await say(i, notice('Give a `url` or attach a file (`file`) to add.'));
      return;
    }
    await say(i, addedText(await stories.add(i.options.getString('story', true), inputs)));
  } else if (sub === 'list') {
    const current = await stories.resolve(null, { channel: i.channelId, guild: i.guildId });
    await say(i, `Stories (* answers here by default):\n${listText(await stories.list(), current)}`);
  } else if (sub === 'use') {
    const where = i.options.getString('for') === 'server' ? 'server' : 'channel';
    const scopeId = where === 'server' ? i.guildId : i.channelId;
    if (!scopeId) {
      await say(i, notice('A server default can only be set inside a server.'), true);
      return;
    }
    const name = await stories.use(i.options.getString('story', true), where, scopeId);
    await say(i, `Questions ${where === 'server' ? 'in this server' : 'in this channel'} now go to **${name}** unless they name a story.`);
  } else if (sub === 'remove-article') {
    const r = await stories.removeArticle(i.options.getString('story', true), i.options.getString('article', true));
    await say(i, `Removed ${r.removed} from **${r.story}** (${r.articles} article${r.articles === 1 ? '' : 's'} left).`);
  } else if (sub === 'delete') {
    await say(i, `Deleted the story **${await stories.delete(i.options.getString('story', true))}**.`);
  }
}

export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = i.options.getFocused(true);
  if (focused.name === 'article' && ctx.stories) {
    const story = i.options.getString('story') ?? '';
    const ids = await ctx.stories.engine(story).then((e) => e.table.articles.map((a) => a.id), () => [] as string[]);
    const needle = String(focused.value ?? '').toLowerCase();
    await i.respond(ids.filter((id) => id.toLowerCase().includes(needle)).slice(0, LIMITS.choices).map((id) => ({ name: id.slice(0, LIMITS.choiceName), value: id.slice(0, LIMITS.choiceValue) })));
    return;
  }
  await i.respond(await storyChoices(ctx, String(focused.value ?? '')));
}
