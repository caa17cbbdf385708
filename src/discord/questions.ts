/** Checks shared by /ask and questions by mention, so both refuse the same inputs the same way. */

import { MAX_QUESTION_LENGTH } from '../core/ask/question.js';

/** Longest question accepted (the engine's limit); also the `max_length` of the /ask option. */
export const MAX_QUESTION = MAX_QUESTION_LENGTH;

/** Why a question can't be answered as given, or undefined when it's fine. */
export function questionProblem(question: string | null | undefined): string | undefined {
  const q = (question ?? '').trim();
  if (!q) return 'Ask me a question about the coverage, e.g. `/ask question: How long is the wall?` — or try `/help`.';
  if (q.length > MAX_QUESTION) {
    return `That question is ${q.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION}.`;
  }
  return undefined;
}

/** Removes mentions of the bot (`<@id>` / `<@!id>`) from a message to get the question. */
export function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}
