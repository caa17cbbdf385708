/** The shape of a slash command module in `commands/`, and what handlers receive. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { Engine } from '../core/engine.js';
import type { Logger } from '../core/types.js';
import type { Cooldowns } from './cooldown.js';
import type { StoryLibrary } from '../stories/library.js';
import type { Conversations } from './conversations.js';

/** Everything a handler may use; passed in, never imported as a singleton. */
export interface BotContext {
  engine: Engine;
  logger: Logger;
  config: Config;
  cooldowns: Cooldowns;
  /** Named stories besides CORPUS_DIR's (`engine`); absent, every command answers from `engine`. */
  stories?: StoryLibrary;
  /** Each user's last question per channel (follow-ups) and answers kept for their "more" button. */
  conversations: Conversations;
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggestions while the user types an option marked `autocomplete`. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /**
   * Buttons whose custom id starts with `<command name>:<owner user id>:`; the dispatcher has
   * already checked that the clicking user is the owner. `args` are the remaining id parts.
   */
  button?(interaction: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void>;
  /** Whether the dispatcher should defer before `execute` because the work may be slow. */
  defer?: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
}
