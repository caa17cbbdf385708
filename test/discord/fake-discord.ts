/**
 * A fake Discord (REST + gateway on one 127.0.0.1 port) for end-to-end tests of the real
 * discord.js client. It records every request, validates message bodies against Discord's
 * limits (answering 400/50035 like Discord does), and can inject failures: REST statuses
 * (429, 5xx, 10062, 50013), invalid sessions (op 9), gateway close codes and missed heartbeat ACKs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, without the query string. */
  path: string;
  query: URLSearchParams;
  body: any;
  headers: http.IncomingHttpHeaders;
  /** `Date.now()` when the request arrived. */
  at: number;
  status: number;
}

export interface Injection {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times: number;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  sent: { s: number; t: string; d: unknown }[];
  ws?: WebSocket;
}

export interface FakeGuild {
  id: string;
  name: string;
}

export interface FakeUser {
  id: string;
  username: string;
}

const EPOCH = 1420070400000n;
let counter = 0n;
/** A fresh, increasing snowflake. */
export function snowflake(): string {
  counter += 1n;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | (counter & 0x3fffffn)).toString();
}

export const BOT: FakeUser = { id: '1100000000000000001', username: 'coverage-bot' };
/** Guild id chosen so it belongs to shard 0 of 2 ((id >> 22) % 2 === 0). */
export const GUILD_ID = '1200000000000000000';
export const CHANNEL_ID = '1300000000000000001';
export const ALICE: FakeUser = { id: '1400000000000000001', username: 'alice' };
export const BOB: FakeUser = { id: '1400000000000000002', username: 'bob' };

function user(u: FakeUser, bot = false) {
  return { id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null, bot };
}

/** Checks a message body against Discord's limits; returns the violations (empty when valid). */
export function messageViolations(body: any): string[] {
  const errors: string[] = [];
  if (!body || typeof body !== 'object') return errors;
  if (typeof body.content === 'string' && body.content.length > 2000) errors.push(`content: ${body.content.length} > 2000`);
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > 10) errors.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((e, n) => {
    const check = (what: string, s: unknown, max: number) => {
      if (typeof s !== 'string') return;
      total += s.length;
      if (s.length > max) errors.push(`embeds[${n}].${what}: ${s.length} > ${max}`);
    };
    check('title', e.title, 256);
    check('description', e.description, 4096);
    check('footer.text', e.footer?.text, 2048);
    check('author.name', e.author?.name, 256);
    const fields: any[] = e.fields ?? [];
    if (fields.length > 25) errors.push(`embeds[${n}].fields: ${fields.length} > 25`);
    fields.forEach((f, k) => {
      if (!f.name) errors.push(`embeds[${n}].fields[${k}].name: empty`);
      if (!f.value) errors.push(`embeds[${n}].fields[${k}].value: empty`);
      check(`fields[${k}].name`, f.name, 256);
      check(`fields[${k}].value`, f.value, 1024);
    });
  });
  if (total > 6000) errors.push(`embeds: ${total} characters in total > 6000`);
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) errors.push(`components: ${rows.length} rows > 5`);
  for (const row of rows) {
    for (const c of row.components ?? []) {
      if (c.custom_id && c.custom_id.length > 100) errors.push(`custom_id: ${c.custom_id.length} > 100`);
      if (c.label && c.label.length > 80) errors.push(`label: ${c.label.length} > 80`);
    }
  }
  return errors;
}

function choiceViolations(data: any): string[] {
  const errors: string[] = [];
  const choices: any[] = data?.choices ?? [];
  if (choices.length > 25) errors.push(`choices: ${choices.length} > 25`);
  choices.forEach((c, k) => {
    if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 100) errors.push(`choices[${k}].name length ${c.name?.length}`);
    if (typeof c.value === 'string' && c.value.length > 100) errors.push(`choices[${k}].value length ${c.value.length}`);
  });
  return errors;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly violations: { path: string; errors: string[] }[] = [];
  readonly identifies: { shard?: [number, number]; at: number; intents: number }[] = [];
  readonly resumes: { sessionId: string; seq: number; at: number }[] = [];
  readonly sessions = new Map<string, Session>();
  private readonly injections: Injection[] = [];
  private readonly listeners = new Set<() => void>();
  /** Heartbeats received (op 1), and whether they are answered with op 11. */
  heartbeats = 0;
  ackHeartbeats = true;
  /** Servers the bot is in besides GUILD_ID (see addGuild); GUILD_ID itself is always there. */
  private readonly extraGuilds: FakeGuild[] = [];
  /** Servers the bot left through DELETE /users/@me/guilds/:id. */
  readonly left: string[] = [];
  /** While true, gateway connections are refused (see dropConnections). */
  private refusing = false;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private wss = new WebSocketServer({ noServer: true });
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async start(): Promise<this> {
    this.server.on('upgrade', (req, socket, head) => {
      if (this.refusing) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.connect(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes the next `times` requests matching method and path answer with the given status. */
  inject(i: Omit<Injection, 'times'> & { times?: number }): void {
    this.injections.push({ times: 1, ...i });
  }

  /** Drops every pending injection. */
  clearInjections(): void {
    this.injections.length = 0;
  }

  /** Resolves with the first recorded request (past or future) that matches, or rejects after `timeoutMs`. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 5000, what = 'request'): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(match), timeoutMs, what);
  }

  /** Polls `check` on every recorded event until it returns a value; rejects after `timeoutMs`. */
  waitUntil<T>(check: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const tryNow = () => {
        const v = check();
        if (v) {
          done();
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void tryNow();
      this.listeners.add(listener);
      tryNow();
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Requests made with an interaction's token (callbacks, edits, follow-ups), in order. */
  forToken(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}`));
  }

  // ---------------------------------------------------------------- REST

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    let body: any = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, headers: req.headers, at: Date.now(), status: 0 };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      this.requests.push(rec);
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(text);
      this.notify();
    };

    const inj = this.injections.find((i) => i.times > 0 && i.method === rec.method && i.path.test(path));
    if (inj) {
      inj.times -= 1;
      send(inj.status, inj.body, inj.headers);
      return;
    }

    const m = rec.method;
    let match: RegExpExecArray | null;
    if (m === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      send(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    } else if (m === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const errors = body?.type === 8 ? choiceViolations(body.data) : messageViolations(body?.data);
      if (errors.length) return this.invalid(send, path, errors);
      send(204);
    } else if ((m === 'PATCH' || m === 'POST') && (match = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(.+))?$/.exec(path))) {
      const errors = messageViolations(body);
      if (errors.length) return this.invalid(send, path, errors);
      send(200, this.message(body, match[4] === '@original' || !match[4] ? snowflake() : match[4], true));
    } else if (m === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\/.+$/.test(path)) {
      send(204);
    } else if (m === 'POST' && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const errors = messageViolations(body);
      if (errors.length) return this.invalid(send, path, errors);
      send(200, { ...this.message(body, snowflake(), false), channel_id: match[1] });
    } else if (m === 'POST' && /^\/channels\/\d+\/typing$/.test(path)) {
      send(204);
    } else if (m === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      send(200, (Array.isArray(body) ? body : []).map((c: any) => ({ ...c, id: snowflake(), application_id: BOT.id, version: snowflake() })));
    } else if (m === 'DELETE' && (match = /^\/users\/@me\/guilds\/(\d+)$/.exec(path))) {
      this.leave(match[1]!);
      send(204);
    } else if (m === 'GET' && path === '/users/@me') {
      send(200, user(BOT, true));
    } else {
      send(404, { code: 0, message: `404: Not Found (fake has no ${m} ${path})` });
    }
  }

  private invalid(send: (s: number, p?: unknown) => void, path: string, errors: string[]): void {
    this.violations.push({ path, errors });
    send(400, { code: 50035, message: 'Invalid Form Body', errors: { _errors: errors.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) } });
  }

  private message(body: any, id: string, webhook: boolean) {
    return {
      id,
      channel_id: CHANNEL_ID,
      guild_id: GUILD_ID,
      author: user(BOT, true),
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: 0,
      flags: body?.flags ?? 0,
      ...(webhook ? { webhook_id: BOT.id, application_id: BOT.id } : {}),
    };
  }

  // ---------------------------------------------------------------- gateway

  private connect(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 1000 }, s: null, t: null }));
    ws.on('message', (data) => {
      let msg: any;
      try {
        msg = JSON.parse(String(data));
      } catch {
        ws.close(4002, 'decode error');
        return;
      }
      if (msg.op === 1) {
        this.heartbeats += 1;
        if (this.ackHeartbeats) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      }
      else if (msg.op === 2) this.identify(ws, msg.d);
      else if (msg.op === 6) this.resume(ws, msg.d);
      this.notify();
    });
  }

  private identify(ws: WebSocket, d: any): void {
    const shard: [number, number] = Array.isArray(d.shard) ? d.shard : [0, 1];
    this.identifies.push({ shard: d.shard, at: Date.now(), intents: d.intents });
    const session: Session = { id: `session-${snowflake()}`, shard, seq: 0, sent: [], ws };
    this.sessions.set(session.id, session);
    const owned = this.guildsIn().filter((g) => this.owns(shard, g.id));
    this.dispatch(session, 'READY', {
      v: 10,
      user: { ...user(BOT, true), verified: true, flags: 0, mfa_enabled: false },
      guilds: owned.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
      shard,
      application: { id: BOT.id, flags: 0 },
    });
    for (const g of owned) this.dispatch(session, 'GUILD_CREATE', this.guild(g));
  }

  /** Whether a shard ([id, count]) receives a guild's events: (guild_id >> 22) % count. */
  private owns(shard: [number, number], guildId: string): boolean {
    return Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) === shard[0];
  }

  private guildsIn(): FakeGuild[] {
    return [{ id: GUILD_ID, name: 'Newsroom' }, ...this.extraGuilds].filter((g) => !this.left.includes(g.id));
  }

  /** Puts the bot in another server before it logs in (listed in READY, then a GUILD_CREATE). */
  addGuild(guild: FakeGuild): void {
    this.extraGuilds.push(guild);
  }

  /** The bot is added to a server while running: GUILD_CREATE on the owning shard's session. */
  joinGuild(guild: FakeGuild): void {
    this.extraGuilds.push(guild);
    const session = this.liveSessions().find((s) => this.owns(s.shard, guild.id));
    if (!session) throw new Error(`no live gateway session owns guild ${guild.id}`);
    this.dispatch(session, 'GUILD_CREATE', this.guild(guild));
  }

  /** The bot left a server: Discord answers 204 and sends GUILD_DELETE on the owning shard. */
  private leave(guildId: string): void {
    this.left.push(guildId);
    const session = this.liveSessions().find((s) => this.owns(s.shard, guildId));
    if (session) this.dispatch(session, 'GUILD_DELETE', { id: guildId });
  }

  /** Cuts every gateway connection; with `refuse`, new ones fail until acceptConnections(). */
  dropConnections(opts: { refuse?: boolean } = {}): void {
    this.refusing = opts.refuse ?? false;
    for (const ws of this.wss.clients) ws.terminate();
  }

  acceptConnections(): void {
    this.refusing = false;
  }

  private resume(ws: WebSocket, d: any): void {
    const session = this.sessions.get(d.session_id);
    this.resumes.push({ sessionId: d.session_id, seq: d.seq, at: Date.now() });
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.ws = ws;
    for (const e of session.sent.filter((x) => x.s > d.seq)) ws.send(JSON.stringify({ op: 0, ...e }));
    this.dispatch(session, 'RESUMED', {});
  }

  private dispatch(session: Session, t: string, d: unknown): void {
    const e = { s: ++session.seq, t, d };
    session.sent.push(e);
    if (session.sent.length > 200) session.sent.shift();
    if (session.ws?.readyState === WebSocket.OPEN) session.ws.send(JSON.stringify({ op: 0, ...e }));
  }

  private guild(g: FakeGuild = { id: GUILD_ID, name: 'Newsroom' }) {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      owner_id: ALICE.id,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      system_channel_flags: 0,
      features: [],
      roles: [{ id: g.id, name: '@everyone', permissions: '3263488', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      // A channel belongs to one server: only the main one has the test channel.
      channels: g.id === GUILD_ID ? [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [], parent_id: null, nsfw: false }] : [],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
    };
  }

  /** Open sessions, optionally only those of one shard. */
  liveSessions(shard?: number): Session[] {
    return [...this.sessions.values()].filter((s) => s.ws?.readyState === WebSocket.OPEN && (shard === undefined || s.shard[0] === shard));
  }

  private sessionFor(shard = 0): Session {
    const s = this.liveSessions(shard).at(-1);
    if (!s) throw new Error(`no live gateway session for shard ${shard}`);
    return s;
  }

  /** Sends op 7 (reconnect) on a shard's connection. */
  requestReconnect(shard = 0): void {
    this.sessionFor(shard).ws!.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /** Sends op 9 (invalid session) on a shard's connection; `resumable` is its `d`. Unresumable sessions are forgotten. */
  invalidateSession(shard = 0, resumable = false): void {
    const session = this.sessionFor(shard);
    if (!resumable) this.sessions.delete(session.id);
    session.ws!.send(JSON.stringify({ op: 9, d: resumable, s: null, t: null }));
  }

  /** Closes a shard's connection with a gateway close code (4000 unknown error, 4004 authentication failed, 4014 disallowed intents…). */
  closeGateway(shard = 0, code = 4000, reason = 'closed by the fake'): void {
    this.sessionFor(shard).ws!.close(code, reason);
  }

  private interactionBase(type: number, u: FakeUser, data: unknown, extra: Record<string, unknown> = {}, permissions = '2248473465835073') {
    const id = snowflake();
    return {
      id,
      application_id: BOT.id,
      type,
      token: `itoken-${id}`,
      version: 1,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID },
      member: { user: user(u), roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      data,
      locale: 'en-US',
      guild_locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      attachment_size_limit: 8_388_608,
      ...extra,
    };
  }

  /**
   * Dispatches a slash command; returns its id, token and dispatch time. Options may nest (a
   * subcommand is `{ type: 1, name, options }`); `resolved` carries attachments by id, and
   * `permissions` the member's permission bits (the default set lacks Manage Server).
   */
  command(
    name: string,
    options: { name: string; value?: string; type?: number; options?: unknown[] }[] = [],
    opts: { user?: FakeUser; shard?: number; permissions?: string; resolved?: Record<string, unknown> } = {},
  ) {
    const payload = this.interactionBase(
      2,
      opts.user ?? ALICE,
      { id: snowflake(), name, type: 1, options: options.map((o) => ({ type: 3, ...o })), ...(opts.resolved ? { resolved: opts.resolved } : {}) },
      {},
      opts.permissions,
    );
    this.dispatch(this.sessionFor(opts.shard), 'INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, at: Date.now() };
  }

  /** Dispatches an autocomplete request for `option` with the text typed so far. */
  autocomplete(name: string, option: string, typed: string, opts: { user?: FakeUser; shard?: number; subcommand?: string } = {}) {
    const focused = [{ type: 3, name: option, value: typed, focused: true }];
    const payload = this.interactionBase(4, opts.user ?? ALICE, {
      id: snowflake(),
      name,
      type: 1,
      options: opts.subcommand ? [{ type: 1, name: opts.subcommand, options: focused }] : focused,
    });
    this.dispatch(this.sessionFor(opts.shard), 'INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, at: Date.now() };
  }

  /** Dispatches a button click on a message the bot sent. */
  button(customId: string, message: { embeds?: unknown[]; components?: unknown[] }, opts: { user?: FakeUser; shard?: number } = {}) {
    const payload = this.interactionBase(3, opts.user ?? ALICE, { custom_id: customId, component_type: 2 }, {
      message: { ...this.message(message, snowflake(), true), interaction_metadata: undefined },
    });
    this.dispatch(this.sessionFor(opts.shard), 'INTERACTION_CREATE', payload);
    return { id: payload.id, token: payload.token, at: Date.now() };
  }

  /** Dispatches a guild message; `mentionBot` puts the bot in `mentions` as Discord does for <@id>. */
  messageCreate(content: string, opts: { user?: FakeUser; mentionBot?: boolean; shard?: number } = {}) {
    const id = snowflake();
    const u = opts.user ?? ALICE;
    this.dispatch(this.sessionFor(opts.shard), 'MESSAGE_CREATE', {
      id,
      channel_id: CHANNEL_ID,
      guild_id: GUILD_ID,
      author: user(u),
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: opts.mentionBot === false ? [] : [{ ...user(BOT, true), member: { roles: [], joined_at: new Date().toISOString() } }],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
    return { id, at: Date.now() };
  }
}
