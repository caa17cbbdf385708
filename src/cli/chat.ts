/**
 * A terminal chat on the same commands as the Discord bot (`/ask …` or a bare question,
 * `/sources`, `/timeline [from] [to]`, `/more`, `/story …`, `/help`, `/quit`), rendering the same engine objects
 * as plain text through the CLI's own renderer (render-text.ts). `npm start` falls back to it when no Discord token is set.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfigFromEnvironment } from '../config.js';
import type { Engine } from '../core/engine.js';
import type { Answer, AskContext } from '../core/types.js';
import { isCalendarDate } from '../core/calendar.js';
import { MAX_QUESTION_LENGTH } from '../core/ask/question.js';
import { createLogger } from '../logger.js';
import { loadEngine } from '../load-engine.js';
import { CorpusError } from '../store/corpus-loader.js';
import { StoryError, type StoryLibrary } from '../stories/library.js';
import { openStoryLibrary } from '../stories/open.js';
import { runStoryWords, STORY_USAGE } from '../stories/text.js';
import { clip, renderAnswer, renderSources, renderTimeline } from './render-text.js';
import { escapeControls } from '../core/controls.js';

const MAX_QUESTION = MAX_QUESTION_LENGTH;

export function helpText(engine: Engine, stories = false): string {
  const examples = engine.suggest('', 5);
  return [
    `I answer questions about the news coverage of one story (${engine.sources().length} sources loaded), citing the exact snippets.`,
    'Commands:',
    '  /ask <question>   or just type a question; follow-ups work ("and how high is it?", "when?")',
    '  /sources          the articles, dates, links, wire copies',
    '  /timeline [from] [to]   dated events, oldest first (2017, 2017-06, 2017-07-02)',
    '  /more             every source of the last answer',
    ...(stories ? ['  /story use NAME   answer from another story', ...STORY_USAGE.map((l) => `  /${l}`)] : []),
    '  /help             this text',
    '  /quit             leave',
    ...(examples.length ? ['Try:', ...examples.map((q) => `  ${q}`)] : []),
  ].join('\n');
}

/** One terminal conversation: the previous question (for follow-ups, 10 minutes) and the last answer (for /more). */
export interface ChatSession {
  context?: AskContext;
  at?: number;
  last?: Answer;
  now?: () => number;
}

/** How long a follow-up may lean on the previous question, as in Discord. */
const FOLLOW_UP_MS = 10 * 60_000;
/** Citations a chat answer shows; /more lists the rest. */
const CHAT_CITATIONS = 3;
/** Snippets in the chat are trimmed around the fact to about this many characters. */
const CHAT_SNIPPET = 160;

/** Answers one line of input; returns undefined for /quit. */
export function respond(engine: Engine, line: string, session: ChatSession = {}): string | undefined {
  const text = line.trim();
  if (!text) return '';
  const [head = '', ...rest] = text.split(/\s+/);
  const arg = text.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case '/quit':
    case '/exit':
      return undefined;
    case '/help':
      return helpText(engine);
    case '/sources':
      return renderSources(engine.sources(), view(engine).name);
    case '/timeline': {
      const [from, to] = rest;
      for (const v of [from, to]) if (v && !isCalendarDate(v)) return `Dates look like 2017, 2017-06 or 2017-07-02 (got "${clip(v, 40)}").`;
      const entries = engine.timeline({ from, to });
      return entries.length ? renderTimeline(entries, view(engine).name) : 'No dated events in the coverage for that range.';
    }
    case '/more':
      // Every source on its own, wire copies included.
      return session.last ? renderAnswer(session.last, { name: view(engine).name }) : 'Nothing to show yet: ask a question first.';
    case '/ask':
      return ask(engine, arg, session);
    default:
      if (head.startsWith('/')) return `I don't know ${head}. Try /help.`;
      return ask(engine, text, session);
  }
}

const view = (engine: Engine) => ({ name: (id: string) => engine.sourceName(id), articles: engine.table.articles });

function ask(engine: Engine, question: string, session: ChatSession): string {
  if (!question) return 'Ask me a question about the coverage, e.g. "How long is the wall?" — or type /help.';
  if (question.length > MAX_QUESTION) return `That question is ${question.length} characters long; please keep it under ${MAX_QUESTION}.`;
  const now = (session.now ?? Date.now)();
  const fresh = session.context && session.at !== undefined && now - session.at <= FOLLOW_UP_MS ? session.context : undefined;
  const answer = engine.ask(question, fresh);
  session.context = answer.context;
  session.at = now;
  session.last = answer;
  // Say how a follow-up was understood, so a wrong guess is visible.
  const understood = answer.question !== question.trim() ? `(${answer.question})\n` : '';
  const shown = renderAnswer(answer, { ...view(engine), max: CHAT_CITATIONS, snippetChars: CHAT_SNIPPET });
  const sources = new Set(answer.citations.map((c) => c.source)).size;
  const more = sources > Math.min(CHAT_CITATIONS, (shown.match(/^ {2}\[\d+\]/gm) ?? []).length) ? '\n  (/more shows every source with its snippet)' : '';
  return understood + shown + more;
}

/**
 * `/story …` in the chat: the same commands as `npm run story`, plus `/story use NAME`, which
 * switches the story the chat answers from (`current`). A switch starts the conversation afresh:
 * no follow-up leans on a question asked of another story.
 */
async function storyLine(stories: StoryLibrary, line: string, current: { name: string; engine: Engine }, session: ChatSession): Promise<string> {
  const words = line.trim().split(/\s+/).slice(1);
  const switchTo = async (name: string) => {
    current.engine = await stories.engine(name);
    if (name !== current.name) for (const k of ['context', 'at', 'last'] as const) delete session[k];
    current.name = name;
  };
  try {
    if (words[0] === 'use') {
      if (!words[1]) return 'usage: /story use NAME';
      await switchTo(await stories.resolve(words[1]));
      const n = current.engine.sources().length;
      return `Answering from the story ${current.name} (${n} source${n === 1 ? '' : 's'}).`;
    }
    const { text } = await runStoryWords(stories, words, current.name);
    // An add or removal may have changed the story being answered from: pick up its new table.
    if (['add', 'remove-article'].includes(words[0] ?? '') && words[1]?.toLowerCase() === current.name) await switchTo(current.name);
    if (words[0] === 'delete' && words[1]?.toLowerCase() === current.name && stories.defaultName) await switchTo(stories.defaultName);
    return text.replace(/\bstory (new|add) /g, '/story $1 ');
  } catch (e) {
    if (e instanceof StoryError) return e.message;
    throw e;
  }
}

/**
 * Runs the prompt loop until /quit or the end of input; on a terminal, with line editing and
 * history. With `stories`, `/story …` manages and switches stories.
 */
export async function runChat(opts: { engine: Engine; input: NodeJS.ReadableStream; output: NodeJS.WritableStream; stories?: StoryLibrary }): Promise<void> {
  const { output, stories } = opts;
  const current = { name: stories?.defaultName ?? '', engine: opts.engine };
  const tty = Boolean((opts.input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  // On a terminal readline gives arrow-key editing and history (↑/↓); piped input stays plain.
  const rl = createInterface({ input: opts.input, output, terminal: tty, historySize: 200, removeHistoryDuplicates: true, prompt: 'coverage-bot> ' });
  const session: ChatSession = {};
  const prompt = () => (tty ? rl.prompt() : output.write('coverage-bot> '));
  output.write('Type a question about the coverage, /help for commands, /quit to leave. Follow-ups like "and how high is it?" work.\n');
  prompt();
  for await (const line of rl) {
    let reply: string | undefined;
    try {
      const head = line.trim().split(/\s+/)[0]?.toLowerCase();
      if (stories && head === '/story') reply = await storyLine(stories, line, current, session);
      else if (stories && head === '/help') reply = helpText(current.engine, true);
      else reply = respond(current.engine, line, session);
    } catch (e) {
      reply = `Sorry — that failed: ${(e as Error).message}`;
    }
    if (reply === undefined) break;
    if (reply) output.write(escapeControls(reply) + '\n');
    prompt();
  }
  rl.close();
  output.write('\nBye.\n');
}

// Run directly: `tsx src/cli/chat.ts` (npm start does the same when no Discord token is set).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const config = loadConfigFromEnvironment();
    const logger = createLogger(config.logLevel, undefined, { format: config.logFormat });
    const engine = await loadEngine({ corpusDir: config.corpusDir, dataDir: config.dataDir, publicUrl: config.publicUrl, logger });
    const stories = openStoryLibrary(config, logger, { engine });
    await runChat({ engine, input: process.stdin, output: process.stdout, stories });
    stories.close();
  } catch (e) {
    if (!(e instanceof ConfigError || e instanceof CorpusError)) throw e;
    process.stderr.write(`chat: ${e.message}\n`);
    process.exitCode = 1;
  }
}
