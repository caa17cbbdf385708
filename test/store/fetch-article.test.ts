/**
 * Fetching pages for ingest against a real local HTTP server: what is fetched, what is refused
 * (private addresses without the allow-list, redirects into them, too many hops, wrong types,
 * oversized or slow pages), and that every refusal is a plain sentence.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchPage, isPrivateAddress } from '../../src/store/fetch-article.js';
import { readArticleInput } from '../../src/store/article-input.js';

let server: http.Server;
let base: string;
const ALLOW = { allowHosts: ['127.0.0.1'] };

beforeAll(async () => {
  const news = await readFile('test/fixtures/html/news-site.html');
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hops = Number(url.searchParams.get('n') ?? 0);
    switch (url.pathname) {
      case '/news/bridge':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(news);
        break;
      case '/plain.txt':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('date 2024-03-12 The bridge was shut.\r\nSecond line.\r\n');
        break;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
        break;
      case '/hop':
        res.writeHead(302, { location: hops > 0 ? `/hop?n=${hops - 1}` : '/news/bridge' }).end();
        break;
      case '/to-private':
        res.writeHead(301, { location: 'http://10.0.0.1/admin' }).end();
        break;
      case '/report.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
        break;
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>' + 'x'.repeat(3 * 1024 * 1024) + '</p>');
        break;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>');
        setTimeout(() => res.end('</html>'), 2000).unref();
        break;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(FetchError);
  const message = (e as Error).message;
  expect(message).not.toMatch(/\n\s+at /); // a sentence, never a stack
  return message;
};

describe('fetchPage', () => {
  it('fetches an allowed local page and reports it as HTML', async () => {
    const page = await fetchPage(`${base}/news/bridge`, ALLOW);
    expect(page.kind).toBe('html');
    expect(page.url).toBe(`${base}/news/bridge`);
    expect(page.body).toContain('Harlow footbridge');
  });

  it('refuses 127.0.0.1 when the host is not on the allow-list, before connecting', async () => {
    expect(await refusal(fetchPage(`${base}/news/bridge`))).toMatch(/^127\.0\.0\.1 is a private or local address.*FETCH_ALLOW_HOSTS/);
  });

  it('refuses a host whose name resolves to a private address', async () => {
    const lookup = async () => [{ address: '93.184.216.34', family: 4 }, { address: '192.168.1.20', family: 4 }];
    expect(await refusal(fetchPage('http://intranet.example/page', { lookup }))).toMatch(/intranet\.example is a private or local address/);
  });

  it('follows redirects and checks every hop again: a redirect into a private network is refused', async () => {
    expect((await fetchPage(`${base}/hop?n=2`, ALLOW)).url).toBe(`${base}/news/bridge`);
    expect(await refusal(fetchPage(`${base}/to-private`, ALLOW))).toMatch(/^10\.0\.0\.1 is a private or local address/);
  });

  it('gives up after five redirects', async () => {
    expect(await refusal(fetchPage(`${base}/hop?n=9`, ALLOW))).toBe('the link redirects more than 5 times');
  });

  it('refuses what is not a web page, an error status, and pages over the size cap', async () => {
    expect(await refusal(fetchPage(`${base}/report.pdf`, ALLOW))).toBe('that link is not a web page (it is application/pdf)');
    expect(await refusal(fetchPage(`${base}/missing`, ALLOW))).toMatch(/^the site answered 404/);
    expect(await refusal(fetchPage(`${base}/huge`, ALLOW))).toBe('the page is larger than 2 MB');
  });

  it('says the site did not answer in time', async () => {
    expect(await refusal(fetchPage(`${base}/slow`, { ...ALLOW, timeoutMs: 300 }))).toBe('the site did not answer in 0.3 s');
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await refusal(fetchPage(`http://127.0.0.1:${port}/`, ALLOW))).toMatch(/could not be reached \(connection refused\)/);
  });

  it('refuses links that are not http(s) or not links at all', async () => {
    expect(await refusal(fetchPage('file:///etc/passwd'))).toMatch(/only http and https/);
    expect(await refusal(fetchPage('not a link'))).toMatch(/is not a link/);
    expect(await refusal(fetchPage('http://user:pw@example.com/'))).toMatch(/user name or password/);
  });

  it('decodes the charset the server declares', async () => {
    expect((await fetchPage(`${base}/latin1`, ALLOW)).body).toBe('café');
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.20.0.1', true], ['192.168.0.10', true], ['169.254.169.254', true], ['100.64.0.1', true],
    ['0.0.0.0', true], ['::1', true], ['fe80::1', true], ['fd00::5', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true],
    ['93.184.216.34', false], ['8.8.8.8', false], ['2606:4700:4700::1111', false], ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('readArticleInput', () => {
  it('turns a URL of a news page into its article, with the canonical link as its URL', async () => {
    const a = await readArticleInput({ kind: 'url', url: `${base}/news/bridge` }, ALLOW);
    expect(a.text).toContain('the 340-metre bridge');
    expect(a.text).not.toContain('Cheap flights');
    expect(a.meta.url).toBe(`${base}/news/2024/03/12/harlow-footbridge-closed`);
    expect(a.stem).toBe('127-bridge');
  });

  it('keeps a plain-text link as text, with line endings normalized and the link kept', async () => {
    const a = await readArticleInput({ kind: 'url', url: `${base}/plain.txt` }, ALLOW);
    expect(a.text).toBe('date 2024-03-12 The bridge was shut.\nSecond line.\n');
    expect(a.meta).toEqual({ url: `${base}/plain.txt` });
  });
});
