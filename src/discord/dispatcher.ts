/**
 * Routes interactions and mention messages to handlers. Every path acknowledges or answers,
 * every failure becomes a short ephemeral message and a log line with context, and nothing
 * thrown here escapes to the client.
 */
import {
  DiscordAPIError,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type MessageReplyOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { BotContext, Command } from './command.js';
import { questionProblem, stripBotMention } from './questions.js';
import { NO_MENTIONS, notice } from './render.js';
import { askInChannel } from './ask-flow.js';

/** Discord errors that mean "too late" or "already done": logged, then survived. */
export const HARMLESS_CODES = new Set<number>([10062, 40060]);

/** True for DiscordAPIError codes known to be harmless (unknown interaction, already acknowledged). */
export function isHarmless(e: unknown): e is DiscordAPIError {
  return e instanceof DiscordAPIError && typeof e.code === 'number' && HARMLESS_CODES.has(e.code);
}

const FAILED = 'Sorry — something went wrong while answering that. It has been logged; please try again.';

export interface Dispatcher {
  interaction(interaction: Interaction): Promise<void>;
  message(message: Message, botUserId: string): Promise<void>;
}

export function createDispatcher(commands: Map<string, Command>, ctx: BotContext): Dispatcher {
  const { logger } = ctx;

  function describe(i: Interaction, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      interaction: i.id,
      type: i.type,
      command: i.isCommand() || i.isAutocomplete() ? i.commandName : undefined,
      customId: i.isMessageComponent() ? i.customId : undefined,
      user: i.user.id,
      guild: i.guildId ?? undefined,
      channel: i.channelId ?? undefined,
      shard: i.guild?.shardId,
      ...extra,
    };
  }

  function errorContext(e: unknown): Record<string, unknown> {
    if (e instanceof DiscordAPIError) return { error: e.message, code: e.code, status: e.status, method: e.method, url: redact(e.url) };
    if (e instanceof Error) return { error: e.message, stack: e.stack?.split('\n').slice(0, 6).join(' | ') };
    return { error: String(e) };
  }

  /** Sends a short ephemeral message: a reply if nothing was sent yet, else a follow-up. */
  async function tell(i: RepliableInteraction, text: string): Promise<void> {
    const payload = { content: notice(text), flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
    try {
      if (i.deferred || i.replied) await i.followUp(payload);
      else await i.reply(payload);
    } catch (e) {
      report(i, e, 'could not send a notice');
    }
  }

  function report(i: Interaction, e: unknown, what: string): void {
    if (isHarmless(e)) logger.warn(`${what}: interaction expired or already acknowledged (Discord ${e.code})`, describe(i, errorContext(e)));
    else logger.error(`${what}`, describe(i, errorContext(e)));
  }

  async function fail(i: RepliableInteraction, e: unknown): Promise<void> {
    report(i, e, 'interaction failed');
    // After 10062 the token is dead and after 40060 someone already answered: nothing more to send.
    if (isHarmless(e)) return;
    // A deferred reply nobody will edit would say "thinking…" forever: remove it after the notice.
    const pending = i.deferred && !i.replied;
    await tell(i, FAILED);
    if (pending) await i.deleteReply().catch((d: unknown) => report(i, d, 'could not remove the pending reply'));
  }

  async function command(i: ChatInputCommandInteraction): Promise<void> {
    const cmd = commands.get(i.commandName);
    if (!cmd) {
      logger.warn('unknown command', describe(i));
      await tell(i, `I don't know \`/${i.commandName}\`. Try \`/help\` for what I can do.`);
      return;
    }
    const wait = ctx.cooldowns.take(i.user.id);
    if (wait) {
      logger.info('cooldown', describe(i, { wait }));
      await tell(i, `You're going a bit fast — try again in ${wait} s.`);
      return;
    }
    try {
      const defer = typeof cmd.defer === 'function' ? cmd.defer(i) : cmd.defer;
      if (defer) await i.deferReply();
      const started = performance.now();
      await cmd.execute(i, ctx);
      logger.debug('command answered', describe(i, { ms: Math.round(performance.now() - started) }));
      if (!i.deferred && !i.replied) {
        logger.error('command finished without answering', describe(i));
        await tell(i, FAILED);
      }
    } catch (e) {
      if (isUserError(e)) {
        // A request that cannot be done (an unknown story, a bad name): say why, only to the user.
        const pending = i.deferred && !i.replied;
        await tell(i, e.message);
        if (pending) await i.deleteReply().catch((d: unknown) => report(i, d, 'could not remove the pending reply'));
        return;
      }
      await fail(i, e);
    }
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const cmd = commands.get(i.commandName);
    try {
      if (!cmd?.autocomplete) {
        logger.warn('autocomplete for a command without suggestions', describe(i));
        await i.respond([]);
        return;
      }
      await cmd.autocomplete(i, ctx);
    } catch (e) {
      report(i, e, 'autocomplete failed');
      if (!i.responded && !isHarmless(e)) await i.respond([]).catch((r: unknown) => report(i, r, 'could not answer autocomplete'));
    }
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const [name = '', owner = '', ...args] = i.customId.split(':');
    const cmd = commands.get(name);
    if (!cmd?.button) {
      logger.warn('button for an unknown command', describe(i));
      await tell(i, 'These buttons no longer work. Run the command again.');
      return;
    }
    if (owner && owner !== i.user.id) {
      await tell(i, `Only the person who ran \`/${name}\` can turn these pages — run \`/${name}\` yourself to get your own copy.`);
      return;
    }
    try {
      await cmd.button(i, ctx, args);
    } catch (e) {
      await fail(i, e);
    }
  }

  return {
    async interaction(i) {
      try {
        if (i.isChatInputCommand()) await command(i);
        else if (i.isAutocomplete()) await autocomplete(i);
        else if (i.isButton()) await button(i);
        else logger.debug('ignored interaction', describe(i));
      } catch (e) {
        // Only reachable if the handlers above throw while reporting; never let it escape.
        report(i, e, 'unexpected error while dispatching');
      }
    },

    async message(m, botUserId) {
      if (m.author.bot || !m.mentions.users.has(botUserId)) return;
      const context = { message: m.id, user: m.author.id, guild: m.guildId ?? undefined, channel: m.channelId };
      const reply = (payload: MessageReplyOptions) =>
        m.reply({ ...payload, allowedMentions: { ...NO_MENTIONS, repliedUser: false } });
      try {
        const wait = ctx.cooldowns.take(m.author.id);
        if (wait) {
          await reply({ content: notice(`You're going a bit fast — try again in ${wait} s.`) });
          return;
        }
        const question = stripBotMention(m.content, botUserId);
        const problem = questionProblem(question);
        if (problem) {
          await reply({ content: notice(problem.replace('`/ask question: ', '`@me ')) });
          return;
        }
        // A mention is answered from the channel's story, like /ask without a story option.
        const stories = ctx.stories;
        const story = stories ? await stories.resolve(null, { channel: m.channelId, guild: m.guildId }) : undefined;
        const target = stories && story ? { engine: await stories.engine(story), story } : undefined;
        const { answer, message } = askInChannel(ctx, question, m.channelId, m.author.id, target);
        await reply(message);
        logger.debug('mention answered', { ...context, answered: answer.answered });
      } catch (e) {
        if (isHarmless(e)) logger.warn('mention reply failed harmlessly', { ...context, ...errorContext(e) });
        else logger.error('mention reply failed', { ...context, ...errorContext(e) });
        // Where the bot may not post (50013 missing permissions, 50001 missing access), a notice would be refused too.
        const cannotPost = e instanceof DiscordAPIError && (e.code === 50013 || e.code === 50001);
        if (!isHarmless(e) && !cannotPost) await reply({ content: FAILED }).catch((r: unknown) => logger.error('could not send failure notice', { ...context, ...errorContext(r) }));
      }
    },
  };
}

/** Errors whose message is a sentence for the user rather than a fault (StoryError). */
function isUserError(e: unknown): e is Error {
  return e instanceof Error && e.name === 'StoryError';
}

/** Interaction and webhook URLs carry the interaction token in their path; keep it out of logs. */
function redact(url: string): string {
  return url.replace(/(\/(?:interactions\/\d+|webhooks\/\d+))\/[^/?]+/, '$1/<token>');
}
