/**
 * The snippet viewer: a small node:http server over the engine. Pages are rendered
 * server-side; the JSON API returns exactly what the CLI prints. Untrusted input (article
 * text, questions) is escaped everywhere and the CSP forbids inline code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../core/engine.js';
import type { Logger, Span } from '../core/types.js';
import { isCalendarDate } from '../core/calendar.js';
import { MAX_QUESTION_LENGTH } from '../core/ask/question.js';
import { CSS, JS } from './assets.js';
import { articlePage, askPage, errorPage, sourcesPage, storyPage, timelinePage } from './pages.js';

export interface WebServerOptions {
  engine: Engine;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1; use 0.0.0.0 to serve other machines. */
  host?: string;
  logger: Logger;
  /** Named stories, served under `/stories/<name>/` with the same pages as the default story at `/`. */
  stories?: { engine(name: string): Promise<Engine> };
  /** What `/healthz` answers (status and JSON body); defaults to the engine's counts. */
  health?: () => { status: number; body: unknown };
}

export interface WebServer {
  /** Where the server listens, e.g. `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

/** Longest question, in characters, and longest request target accepted. */
export const MAX_QUERY = MAX_QUESTION_LENGTH;
const MAX_TARGET = 4096;

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A request the client got wrong; becomes a 4xx page or JSON error, never a stack trace. */
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

interface Reply {
  status: number;
  type: 'html' | 'json' | 'css' | 'js';
  body: string;
  headers?: Record<string, string>;
}

const TYPES: Record<Reply['type'], string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

const page = (body: string): Reply => ({ status: 200, type: 'html', body });
const json = (value: unknown): Reply => ({ status: 200, type: 'json', body: JSON.stringify(value, null, 2) + '\n' });

/** Reads a single-valued query parameter; repeated or oversized values are a 400. */
function param(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw new HttpError(400, `Expected one "${name}" parameter, found ${all.length}.`);
  const v = all[0];
  if (v !== undefined && v.length > MAX_QUERY) throw new HttpError(400, `"${name}" is too long: at most ${MAX_QUERY} characters, found ${v.length}.`);
  return v;
}

function requireQuestion(query: URLSearchParams): string {
  const q = param(query, 'q');
  if (q === undefined || q.trim() === '') throw new HttpError(400, 'Expected a question in the "q" parameter.');
  return q;
}

/** Parses `hl=<start>-<end>` against the article length. */
export function parseHighlight(value: string | undefined, length: number): Span | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(value);
  if (!m) throw new HttpError(400, `Expected hl=<start>-<end> with two whole numbers, found "${value.slice(0, 40)}".`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (start >= end || end > length) {
    throw new HttpError(400, `Expected a highlight with start < end ≤ ${length} (the article's length), found ${start}-${end}.`);
  }
  return { start, end };
}

/** Optional ISO date prefix (`2017`, `2017-06`, `2017-06-01`) for timeline ranges. */
function isoParam(query: URLSearchParams, name: string): string | undefined {
  const v = param(query, name);
  if (v === undefined) return undefined;
  if (!isCalendarDate(v)) throw new HttpError(400, `Expected "${name}" as YYYY, YYYY-MM or YYYY-MM-DD, found "${v.slice(0, 40)}".`);
  return v;
}

function route(engine: Engine, path: string, query: URLSearchParams): Reply {
  switch (path) {
    case '/':
      return page(storyPage(engine));
    case '/ask':
      return page(askPage(engine, param(query, 'q') ?? ''));
    case '/sources':
    case '/sources/':
      return page(sourcesPage(engine));
    case '/timeline':
      return page(timelinePage(engine));
    case '/api/ask':
      return json(engine.ask(requireQuestion(query)));
    case '/api/sources':
      return json(engine.sources());
    case '/api/timeline': {
      const from = isoParam(query, 'from');
      const to = isoParam(query, 'to');
      return json(engine.timeline(from || to ? { from, to } : undefined));
    }
    case '/healthz':
      return json({ ok: true, articles: engine.table.articles.length, facts: engine.table.facts.length });
    case '/assets/viewer.css':
      return { status: 200, type: 'css', body: CSS, headers: { 'Cache-Control': 'public, max-age=3600' } };
    case '/assets/viewer.js':
      return { status: 200, type: 'js', body: JS, headers: { 'Cache-Control': 'public, max-age=3600' } };
  }
  const m = /^\/sources\/([^/]+)$/.exec(path);
  if (m) {
    let id: string;
    try {
      id = decodeURIComponent(m[1]!);
    } catch {
      throw new HttpError(400, 'The source id in the address is not valid percent-encoding.');
    }
    const view = engine.article(id);
    if (!view) throw new HttpError(404, `There is no source "${id}" in this coverage.`);
    const hl = parseHighlight(param(query, 'hl'), view.article.raw.length);
    return page(articlePage(engine, view, hl));
  }
  throw new HttpError(404, 'There is no page at this address.');
}

function send(req: IncomingMessage, res: ServerResponse, r: Reply, base = ''): void {
  // A story's pages link within the story: its root-relative links gain the /stories/<name> prefix.
  const text = base && r.type === 'html' ? r.body.replace(/\b(href|action)="\/(?!\/|assets\/)/g, `$1="${base}/`) : r.body;
  const body = Buffer.from(text, 'utf8');
  res.writeHead(r.status, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[r.type],
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...r.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function errorReply(path: string, status: number, message: string, headers?: Record<string, string>): Reply {
  return path.startsWith('/api/') || path === '/healthz'
    ? { status, type: 'json', body: JSON.stringify({ error: message, status }) + '\n', headers }
    : { status, type: 'html', body: errorPage(status, message), headers };
}

/** Handles one request; exported for tests that want to skip the socket. `base` is a story's path prefix. */
export function handle(
  engine: Engine,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  opts: { base?: string; health?: WebServerOptions['health'] } = {},
): void {
  const { base = '', health } = opts;
  const target = (req.url ?? '/').slice(base.length) || '/';
  let path = '/';
  try {
    if (target.length > MAX_TARGET) throw new HttpError(400, `The address is too long: at most ${MAX_TARGET} characters.`);
    // Origin-form only ("/path?query"); "//host/x" must not be read as another host.
    if (!target.startsWith('/')) throw new HttpError(400, 'Expected a request for a path on this server.');
    const url = new URL('http://viewer.invalid' + target);
    path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, errorReply(path, 405, `Only GET and HEAD are supported, not ${String(req.method).slice(0, 20)}.`, { Allow: 'GET, HEAD' }), base);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS).end();
      return;
    }
    if (path === '/healthz' && health) {
      const h = health();
      send(req, res, { status: h.status, type: 'json', body: JSON.stringify(h.body, null, 2) + '\n' });
      return;
    }
    send(req, res, route(engine, path, url.searchParams), base);
  } catch (err) {
    if (err instanceof HttpError) {
      send(req, res, errorReply(path, err.status, err.message), base);
      return;
    }
    logger.error('web: request failed', {
      method: req.method,
      path,
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    send(req, res, errorReply(path, 500, 'The viewer could not answer this request. The error has been logged.'));
  }
}

/** Starts the viewer; resolves once it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { engine, logger } = opts;
  const server = createServer((req, res) => {
    const story = opts.stories && /^\/stories\/([a-z0-9][a-z0-9_-]{0,31})(?=[/?]|$)/.exec(req.url ?? '');
    if (!story) return handle(engine, logger, req, res, { health: opts.health });
    const base = story[0];
    opts.stories!.engine(story[1]!).then(
      (e) => handle(e, logger, req, res, { base }),
      (err: unknown) => {
        const unknown = err instanceof Error && err.name === 'StoryError';
        if (!unknown) logger.error('web: story could not be loaded', { story: story[1], error: err instanceof Error ? err.message : String(err) });
        send(req, res, errorReply('/', unknown ? 404 : 500, unknown ? `There is no story "${story[1]}".` : 'The story could not be loaded. The error has been logged.'));
      },
    );
  });
  server.on('clientError', (err, socket) => {
    logger.debug('web: bad client request', { error: err.message });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${shownHost}:${port}`;
  logger.info(`snippet viewer listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
