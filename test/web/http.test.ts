import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { EVIL_ID, SEEDS, engineFor, evilCorpus, recordingLogger } from './helpers.js';

let seeds: Engine;
let server: WebServer;
let evil: WebServer;
let failing: WebServer;
const failingLog = recordingLogger();

beforeAll(async () => {
  seeds = await engineFor(SEEDS);
  server = await startWebServer({ engine: seeds, port: 0, logger: recordingLogger() });
  evil = await startWebServer({ engine: await engineFor(await evilCorpus()), port: 0, logger: recordingLogger() });
  // An engine whose calls throw, as a bug in the core would.
  const broken: Engine = {
    ...seeds,
    table: seeds.table,
    ask: () => {
      throw new Error('boom: secret internal detail');
    },
    article: () => {
      throw new TypeError('cannot read properties of undefined');
    },
  };
  failing = await startWebServer({ engine: broken, port: 0, logger: failingLog });
});

afterAll(async () => {
  await Promise.all([server?.close(), evil?.close(), failing?.close()]);
});

const get = (base: WebServer, path: string, init?: RequestInit) => fetch(base.url + path, init);

/** Sends a raw request target (fetch would normalize it). */
function rawGet(base: WebServer, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  it.each(['/', '/timeline', '/sources', '/sources/001_16493793af55492b', '/ask?q=wall', '/api/sources', '/nope', '/assets/viewer.css'])(
    '%s carries a strict CSP and nosniff',
    async (path) => {
      const res = await get(server, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('serves the page, CSS and script with their own content types', async () => {
    expect((await get(server, '/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get(server, '/assets/viewer.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(server, '/assets/viewer.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(server, '/api/sources')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('pages contain no inline script or style', async () => {
    for (const path of ['/', '/timeline', '/sources/003_07e3151076a655cf', '/ask?q=How%20long%20is%20the%20Rafiqah%20wall%3F']) {
      const body = await (await get(server, path)).text();
      expect(body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(body).not.toMatch(/\sstyle=|<style/);
      expect(body).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe('status codes', () => {
  it('answers an unknown source id with a 404 page that escapes the id', async () => {
    const res = await get(server, '/sources/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).not.toContain('<script>alert');
  });

  it('answers an unknown path with a 404 page', async () => {
    const res = await get(server, '/wp-admin');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Not found');
  });

  it.each([
    ['not numbers', 'hl=abc'],
    ['one number', 'hl=12'],
    ['negative', 'hl=-1-5'],
    ['fractions', 'hl=1.5-3'],
    ['reversed', 'hl=50-10'],
    ['empty range', 'hl=10-10'],
    ['past the end', 'hl=0-999999999'],
    ['too many digits', 'hl=0-12345678901'],
    ['repeated', 'hl=1-2&hl=3-4'],
    ['empty', 'hl='],
  ])('rejects a highlight that is %s with a 400', async (_name, qs) => {
    const res = await get(server, `/sources/001_16493793af55492b?${qs}`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('Bad request');
    expect(body).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('rejects a question over 1000 characters with a 400, as a page and as JSON', async () => {
    const q = encodeURIComponent('w'.repeat(1001));
    expect((await get(server, `/ask?q=${q}`)).status).toBe(400);
    const res = await get(server, `/api/ask?q=${q}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, error: expect.stringContaining('1000') });
  });

  it('accepts a question of exactly 1000 characters', async () => {
    expect((await get(server, `/api/ask?q=${'w'.repeat(1000)}`)).status).toBe(200);
  });

  it('rejects a missing or repeated question on the API', async () => {
    expect((await get(server, '/api/ask')).status).toBe(400);
    expect((await get(server, '/api/ask?q=')).status).toBe(400);
    expect((await get(server, '/api/ask?q=a&q=b')).status).toBe(400);
  });

  it('rejects a bad timeline range and an oversized address', async () => {
    expect((await get(server, '/api/timeline?from=last-week')).status).toBe(400);
    expect((await get(server, '/api/timeline?from=2017&to=2017-07')).status).toBe(200);
    expect((await get(server, `/?x=${'a'.repeat(5000)}`)).status).toBe(400);
  });

  it('rejects broken percent-encoding in a source id with a 400', async () => {
    expect((await rawGet(server, '/sources/%E0%A4%A')).status).toBe(400);
  });

  it('reads a path starting with // as a path, not as another host', async () => {
    expect((await rawGet(server, '//healthz')).status).toBe(404);
    expect((await rawGet(server, '//sources/001_16493793af55492b')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    const res = await get(server, '/api/ask?q=wall', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD like GET without a body', async () => {
    const head = await get(server, '/timeline', { method: 'HEAD' });
    const getRes = await get(server, '/timeline');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(await getRes.text())));
  });
});

describe('JSON API', () => {
  it('returns the same SourceSummary[] as the CLI', async () => {
    expect(await (await get(server, '/api/sources')).json()).toEqual(JSON.parse(JSON.stringify(seeds.sources())));
  });

  it('returns the same TimelineEntry[] as the CLI', async () => {
    expect(await (await get(server, '/api/timeline')).json()).toEqual(JSON.parse(JSON.stringify(seeds.timeline())));
  });

  it('returns the same Answer as the CLI', async () => {
    const q = 'How long is the Rafiqah wall?';
    expect(await (await get(server, `/api/ask?q=${encodeURIComponent(q)}`)).json()).toEqual(JSON.parse(JSON.stringify(seeds.ask(q))));
  });

  it('reports health for whoever runs the bot', async () => {
    const res = await get(server, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, articles: 5, facts: seeds.table.facts.length });
  });
});

describe('escaping untrusted text', () => {
  it('renders an article full of markup as literal text', async () => {
    const html = await (await get(evil, `/sources/${EVIL_ID}`)).text();
    expect(html).not.toMatch(/<script>|<img|<b>|<i>/);
    // Sentence spans may cut the text; what a reader sees is the text between the tags.
    const body = html.replace(/<[^>]+>/g, '');
    expect(body).toContain('&lt;script&gt;window.__pwned = 1; alert(&quot;script ran&quot;)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=&quot;window.__pwned = 2; alert(&#39;img ran&#39;)&quot;&gt;');
    expect(body).toContain('&lt;/p&gt;&lt;/main&gt;&lt;b&gt;bold?&lt;/b&gt;');
  });

  it('escapes titles and outlets from sources.json on every page', async () => {
    for (const path of ['/', '/sources', `/sources/${EVIL_ID}`]) {
      const body = await (await get(evil, path)).text();
      expect(body).toContain('&lt;b&gt;breached&lt;/b&gt;');
      expect(body).not.toMatch(/<script>alert|<b>breached|<i>Evil/);
    }
  });

  it('echoes a question as text, never markup', async () => {
    const q = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const body = await (await get(server, `/ask?q=${encodeURIComponent(q)}`)).text();
    expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<script>alert');
  });
});

describe('a failing engine', () => {
  it('gets a 500 page without details, logs the error, and the server keeps serving', async () => {
    const res = await get(failing, '/ask?q=wall');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('Something went wrong');
    expect(body).not.toContain('boom');
    expect(body).not.toMatch(/\bat .*:\d+:\d+/);
    expect(failingLog.records.some((r) => r.level === 'error' && JSON.stringify(r.ctx).includes('boom: secret internal detail'))).toBe(true);

    const api = await get(failing, '/api/ask?q=wall');
    expect(api.status).toBe(500);
    expect(await api.json()).toEqual({ status: 500, error: expect.any(String) });

    expect((await get(failing, '/sources/001_16493793af55492b')).status).toBe(500);
    expect((await get(failing, '/')).status).toBe(200);
  });
});

describe('citations lead to their snippet', () => {
  it('every citation of an answer opens its article with the snippet marked', async () => {
    const answer = seeds.ask('How long is the Rafiqah wall?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/2,500 m/);
    for (const c of answer.citations) {
      const path = new URL(c.viewer).pathname + new URL(c.viewer).search;
      const res = await get(server, path);
      expect(res.status).toBe(200);
      const body = await res.text();
      const esc = c.snippet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const mark = /<mark id="hl">([\s\S]*?)<\/mark>/.exec(body);
      expect(mark?.[1]?.replace(/<[^>]+>/g, '')).toBe(esc);
    }
  });
});
