/**
 * Fetches one web page for ingest, defensively: Node's fetch with a timeout, a size cap,
 * redirects followed by hand (at most a few, each hop checked again), the content type
 * checked, and an address check that refuses private, loopback and link-local targets
 * (the bot must not become a way to read the operator's own network) unless the host is
 * on an allow-list. Every failure is a FetchError whose message is a plain sentence.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface FetchOptions {
  /** Host names or addresses fetched even when they resolve to private addresses (FETCH_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  /** For the whole fetch, body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** False only for URLs that come from Discord itself (attachments), never for URLs people type. */
  checkAddress?: boolean;
  /** Accept any content type (an upload's type is judged by its file name instead). */
  anyType?: boolean;
  /** Resolves a host to every address it has; defaults to dns.lookup with `all: true`. */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export interface FetchedPage {
  /** Where the page finally came from, after redirects. */
  url: string;
  kind: 'html' | 'text';
  /** Decoded text of the body. */
  body: string;
  /** The body as received. */
  bytes: Uint8Array;
}

/** A fetch that failed; the message is a sentence for the person who gave the link. */
export class FetchError extends Error {
  override name = 'FetchError';
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_FETCH_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** Addresses no link from a user may reach: this machine, its networks, and reserved ranges. */
const BLOCKED = (() => {
  const b = new BlockList();
  for (const [net, bits] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) b.addSubnet(net, bits, 'ipv4');
  for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]] as const) {
    b.addSubnet(net, bits, 'ipv6');
  }
  return b;
})();

/** True when `address` is private, loopback, link-local or otherwise not a public internet address. */
export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return BLOCKED.check(address, 'ipv4');
  if (v !== 6) return true;
  const lower = address.toLowerCase();
  // An IPv4 address wrapped in IPv6 (::ffff:127.0.0.1, NAT64 64:ff9b::) is judged as the IPv4 address it carries.
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return BLOCKED.check(address, 'ipv6');
}

const defaultLookup = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** Refuses a URL people may not make the bot fetch; resolves every address of its host. */
async function checkTarget(url: URL, opts: FetchOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https links can be added (that one is ${url.protocol.replace(/:$/, '')})`);
  if (url.username || url.password) throw new FetchError('links with a user name or password in them are not fetched');
  if (opts.checkAddress === false) return;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if ((opts.allowHosts ?? []).some((h) => h.toLowerCase() === host)) return;
  let addresses: { address: string }[];
  if (isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await (opts.lookup ?? defaultLookup)(host);
    } catch {
      throw new FetchError(`the site ${host} could not be found (no such address)`);
    }
  }
  if (addresses.length === 0) throw new FetchError(`the site ${host} could not be found (no such address)`);
  if (addresses.some((a) => isPrivateAddress(a.address))) {
    throw new FetchError(`${host} is a private or local address, which the bot does not fetch (an operator can allow it with FETCH_ALLOW_HOSTS)`);
  }
}

/** Fetches `link` under every rule above; returns the decoded page or throws FetchError. */
export async function fetchPage(link: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    throw new FetchError(`"${link.slice(0, 80)}" is not a link (expected something like https://example.com/news/story)`);
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const slow = () => new FetchError(`the site did not answer in ${Math.round(timeoutMs / 100) / 10} s`);
  try {
    for (let hop = 0; ; hop++) {
      await checkTarget(url, opts);
      let res: Response;
      try {
        res = await fetch(url, {
          redirect: 'manual',
          signal,
          headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9', 'user-agent': 'coverage-bot (article ingest)' },
        });
      } catch (e) {
        if (signal.aborted) throw slow();
        throw new FetchError(`the site ${url.hostname} could not be reached (${networkReason(e)})`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) throw new FetchError(`the link redirects more than ${maxRedirects} times`);
        try {
          url = new URL(res.headers.get('location')!, url);
        } catch {
          throw new FetchError('the site redirected to something that is not a link');
        }
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`the site answered ${res.status}${res.statusText ? ` (${res.statusText})` : ''} instead of the page`);
      }
      const type = (res.headers.get('content-type') ?? '').toLowerCase();
      const kind = /^(text\/html|application\/xhtml\+xml)/.test(type) ? 'html' : /^text\/plain/.test(type) || opts.anyType ? 'text' : undefined;
      if (!kind) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`that link is not a web page (it is ${type.split(';')[0] || 'of no stated type'})`);
      }
      const length = Number(res.headers.get('content-length'));
      if (length > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`the page is larger than ${megabytes(maxBytes)}`);
      }
      const bytes = await readCapped(res, maxBytes);
      return { url: url.href, kind, body: decodeBody(bytes, type, kind), bytes };
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (signal.aborted) throw slow();
    throw new FetchError(`the page could not be read (${networkReason(e)})`);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(`the page is larger than ${megabytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Decodes with the charset the response (or, for HTML, its meta tag) declares; UTF-8 otherwise. */
function decodeBody(bytes: Uint8Array, contentType: string, kind: 'html' | 'text'): string {
  let charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1];
  if (!charset && kind === 'html') {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (e as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'no such address',
    EAI_AGAIN: 'name lookup failed',
    ETIMEDOUT: 'connection timed out',
    CERT_HAS_EXPIRED: 'its certificate has expired',
    UND_ERR_SOCKET: 'the connection closed early',
  };
  return (code && reasons[code]) ?? code ?? cause?.message ?? 'network error';
}

function megabytes(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}
