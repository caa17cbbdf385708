/**
 * The one ingest path for a new article, wherever it comes from: a `.txt` file, an `.html`
 * page, a URL, or a file uploaded to Discord. Each becomes the text a corpus stores (offsets
 * into exactly that text stay verbatim) plus the metadata `sources.json` keeps for it.
 */
import path from 'node:path';
import type { ArticleMeta } from '../core/types.js';
import { decode, DEFAULT_MAX_BYTES } from './corpus-loader.js';
import { fetchPage, FetchError, type FetchOptions } from './fetch-article.js';
import { ArticleError, htmlToArticle } from './html-article.js';

export type ArticleInput =
  /** A link someone gave: fetched under every address rule. */
  | { kind: 'url'; url: string }
  /** A file read from disk (the CLI) or already in memory. */
  | { kind: 'file'; name: string; bytes: Uint8Array }
  /** A file uploaded to Discord: `url` is Discord's own attachment link, not one a user typed. */
  | { kind: 'upload'; name: string; url: string };

export interface IncomingArticle {
  /** What to store: plain text, LF line endings. */
  text: string;
  meta: ArticleMeta;
  /** A short name for messages: the file name or the link. */
  label: string;
  /** A readable stem for the article id (the file name, or the page's host and path). */
  stem: string;
}

/** File types an article may come in, by extension. */
export const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** True for the errors whose message is meant for the person adding the article. */
export function isInputError(e: unknown): e is ArticleError | FetchError {
  return e instanceof ArticleError || e instanceof FetchError;
}

/** Reads one input into an article; throws ArticleError or FetchError with a plain sentence. */
export async function readArticleInput(input: ArticleInput, fetchOptions: FetchOptions = {}): Promise<IncomingArticle> {
  if (input.kind === 'file') return articleFromFile(input.name, input.bytes);
  if (input.kind === 'upload') {
    const ext = path.extname(input.name).toLowerCase();
    if (!ARTICLE_EXTENSIONS.has(ext)) throw new ArticleError(`${input.name} is not a .txt or .html file`);
    // The bytes then take the same path as a file read from disk: the name says what they are.
    const page = await fetchPage(input.url, { ...fetchOptions, checkAddress: false, allowHosts: [], anyType: true });
    return articleFromFile(input.name, page.bytes);
  }
  const page = await fetchPage(input.url, fetchOptions);
  const stem = urlStem(page.url);
  if (page.kind === 'text') {
    const article = fromText(input.url, page.body, stem);
    return { ...article, meta: { url: page.url } };
  }
  const article = fromHtml(input.url, page.body, page.url, stem);
  // Where the page was fetched from is a working link even when it names no canonical one.
  return { ...article, meta: { ...article.meta, url: article.meta.url ?? page.url } };
}

/** A file's bytes → an article, by its extension (`.txt`, `.html`, `.htm`). */
export function articleFromFile(name: string, bytes: Uint8Array): IncomingArticle {
  const ext = path.extname(name).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(ext)) throw new ArticleError(`${name} is not a .txt or .html file`);
  if (bytes.length > DEFAULT_MAX_BYTES) throw new ArticleError(`${name} is larger than 2 MB`);
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') throw new ArticleError(`${name} looks like a binary file, not text (${decoded.why})`);
  return ext === '.txt' ? fromText(name, decoded.text, stemOf(name)) : fromHtml(name, decoded.text, undefined, stemOf(name));
}

function fromText(label: string, text: string, stem: string): IncomingArticle {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') throw new ArticleError(`${label} is empty`);
  return { text: normalized, meta: {}, label, stem };
}

function fromHtml(label: string, html: string, pageUrl: string | undefined, stem: string): IncomingArticle {
  const article = htmlToArticle(html, pageUrl);
  return { text: article.text, meta: article.meta, label, stem };
}

function stemOf(name: string): string {
  return slug(path.basename(name, path.extname(name)));
}

function urlStem(href: string): string {
  const u = new URL(href);
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  return slug(`${u.hostname.replace(/^www\./, '').split('.')[0]}-${last.replace(/\.[a-z]+$/i, '')}`);
}

/** Lower-case letters, digits and dashes, at most 40 characters; never empty. */
export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return out || 'article';
}
