/**
 * The story commands in words: `new`, `add`, `list`, `remove-article`, `delete` (and `use`, in
 * the chat), as the terminal (`npm run story`) and the terminal chat (`/story …`) run them. Both
 * call the same StoryLibrary methods as the Discord command, and print the same sentences.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../store/article-input.js';
import { StoryError, type AddResult, type StoryInfo, type StoryLibrary } from './library.js';

export const STORY_USAGE = [
  'story new NAME                      make an empty story',
  'story add NAME URL|FILE…            add articles from links and .txt/.html files',
  'story list                          the stories and how many articles each has',
  'story remove-article NAME ID        take one article out of a story',
  'story delete NAME                   delete a story and its articles',
];

/** "Added 2 articles to bridge (5 in all): …", then what was not added and why. */
export function addedText(r: AddResult): string {
  const lines: string[] = [];
  if (r.added.length) {
    lines.push(`Added ${plural(r.added.length, 'article')} to ${r.story} (${r.articles} in all):`);
    for (const a of r.added) lines.push(`  ${a.id} — ${a.title ?? a.label}`);
  } else lines.push(`Nothing was added to ${r.story}.`);
  if (r.failed.length) {
    lines.push('Not added:');
    for (const f of r.failed) lines.push(`  ${f.label} — ${f.error}`);
  }
  return lines.join('\n');
}

/** One line per story: name, article count, which is the default. */
export function listText(stories: StoryInfo[], current?: string): string {
  if (!stories.length) return 'No stories yet. Make one with: story new NAME';
  return stories
    .map((s) => `${s.name === current ? '* ' : '  '}${s.name} — ${plural(s.articles, 'article')}${s.isDefault ? ' (default, from CORPUS_DIR)' : ''}`)
    .join('\n');
}

/** Turns command-line arguments into inputs: links stay links, anything else is a file to read. */
export async function inputsFrom(args: string[]): Promise<ArticleInput[]> {
  const inputs: ArticleInput[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) inputs.push({ kind: 'url', url: arg });
    else {
      let bytes: Buffer;
      try {
        bytes = await readFile(arg);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new StoryError(code === 'ENOENT' ? `${arg}: no such file (give a link starting with http:// or https://, or a .txt or .html file)` : `${arg}: cannot read it (${(e as Error).message})`);
      }
      inputs.push({ kind: 'file', name: path.basename(arg), bytes });
    }
  }
  return inputs;
}

/**
 * Runs one story command given as words (`["add", "bridge", "https://…"]`) and returns what to
 * print, and whether it all worked (an add where some input failed did not). Throws StoryError
 * with a plain sentence for anything that cannot be done at all.
 */
export async function runStoryWords(library: StoryLibrary, words: string[], current?: string): Promise<{ text: string; ok: boolean }> {
  const [verb = ''] = words;
  if (verb === 'add' && words.length >= 3) {
    const r = await library.add(words[1]!, await inputsFrom(words.slice(2)));
    return { text: addedText(r), ok: r.failed.length === 0 };
  }
  return { text: await storyWords(library, words, current), ok: true };
}

async function storyWords(library: StoryLibrary, words: string[], current?: string): Promise<string> {
  const [verb = '', ...rest] = words;
  const need = (n: number, what: string) => {
    if (rest.length < n) throw new StoryError(`usage: story ${verb} ${what}`);
  };
  switch (verb) {
    case 'new':
      need(1, 'NAME');
      return `Made the story ${await library.create(rest[0]!)}. Add articles with: story add ${rest[0]!.toLowerCase()} URL|FILE…`;
    case 'add':
      need(2, 'NAME URL|FILE…');
      return addedText(await library.add(rest[0]!, await inputsFrom(rest.slice(1))));
    case 'list':
      return listText(await library.list(), current);
    case 'remove-article': {
      need(2, 'NAME ID');
      const r = await library.removeArticle(rest[0]!, rest[1]!);
      return `Removed ${r.removed} from ${r.story} (${plural(r.articles, 'article')} left).`;
    }
    case 'delete':
      need(1, 'NAME');
      return `Deleted the story ${await library.delete(rest[0]!)}.`;
    default:
      throw new StoryError(`${verb ? `"${verb}" is not a story command` : 'which story command?'} Try:\n${STORY_USAGE.map((l) => `  ${l}`).join('\n')}`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
