/**
 * `npm start` as a service, as real processes: with no token and no terminal it serves the viewer
 * until SIGTERM; SIGHUP reloads the corpus from disk; LOG_FORMAT=json gives one JSON object a
 * line; with a token (against the fake Discord) /healthz reports the gateway, the PUBLIC_URL
 * warning is logged and ALLOWED_GUILDS is read from the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GUILD_ID, type FakeDiscord } from '../discord/fake-discord.js';
import { startFake } from '../support/discord-e2e.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APPLE = path.resolve(ROOT, '../shared/corpora/wikinews-apple');
const JOBS = '287096_Apple_Inc_co_founder.txt';
const SETTINGS = ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'CORPUS_DIR', 'DATA_DIR', 'PORT', 'WEB_HOST', 'PUBLIC_URL', 'LOG_LEVEL', 'LOG_FORMAT', 'SHARDS', 'ALLOWED_GUILDS'];
const running: ChildProcess[] = [];
const temps: string[] = [];

/** The operator's environment: none of the bot's settings but those given (set empty, so a developer's .env can't leak in). */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SHARD|NODE_ENV|VITEST)/.test(k) && !SETTINGS.includes(k)));
  return { ...base, ...Object.fromEntries(SETTINGS.map((k) => [k, ''])), ...extra };
}

interface Proc {
  child: ChildProcess;
  out(): string;
  err(): string;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Starts a command with stdin from /dev/null (no terminal), in its own process group. */
function start(cmd: string, args: string[], environment: NodeJS.ProcessEnv): Proc {
  const child = spawn(cmd, args, { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.push(child);
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (d) => ((out += d), waiters.forEach((w) => w())));
  child.stderr!.on('data', (d) => ((err += d), waiters.forEach((w) => w())));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    exited,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = err.match(pattern);
          if (!m) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}\n--- stdout\n${out.slice(-1500)}\n--- stderr\n${err.slice(-3000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: await res.json() };
}

async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const c of running.splice(0)) {
    if (c.exitCode === null && c.pid) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
});

afterAll(async () => {
  for (const d of temps) await rm(d, { recursive: true, force: true });
});

const VIEWER = /snippet viewer listening on (http:\/\/\S+?)["\s]/;

describe('npm start as a service', () => {
  it('`npm start </dev/null` without a token serves the viewer and /healthz, stays up, and stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir('coverage-bot-service-');
    const p = start('npm', ['start', '--silent'], env({ DATA_DIR: dataDir, PORT: '0' }));
    const [, viewer] = await p.waitFor(VIEWER, 30_000);
    await p.waitFor(/running as a service, serving the snippet viewer/, 10_000);
    const first = await getJson(`${viewer}/healthz`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, discord: { state: 'off' }, stories: [{ name: 'seeds', articles: 5 }], articles: 5 });

    // Still up a while later (it used to exit as soon as stdin ended).
    await new Promise((r) => setTimeout(r, 1500));
    expect(p.child.exitCode).toBeNull();
    expect((await getJson(`${viewer}/healthz`)).status).toBe(200);
    // Every log line carries a timestamp.
    for (const line of p.err().trim().split('\n')) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[(debug|info|warn|error)\] /);
    expect(p.out()).not.toContain('coverage-bot>');

    // As systemd does (KillMode=control-group): SIGTERM to every process of the group. npm and its
    // shell die of the signal; the bot itself must shut down cleanly and leave nothing behind.
    process.kill(-p.child.pid!, 'SIGTERM');
    await p.exited;
    await p.waitFor(/\[info\] shutting down \(SIGTERM\)/, 10_000);
    await until(async () => !groupAlive(p.child.pid!), 10_000, 'every process of the group to exit');
    await expect(fetch(`${viewer}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  }, 60_000);

  it('SIGHUP reloads the corpus from disk: a new article is answered from, with LOG_FORMAT=json lines that all parse', async () => {
    const dir = await tempDir('coverage-bot-sighup-');
    const corpus = path.join(dir, 'corpus');
    await cp(path.join(ROOT, 'seeds'), corpus, { recursive: true });
    const p = start(process.execPath, ['--import', 'tsx', 'src/main.ts'], env({ CORPUS_DIR: corpus, DATA_DIR: path.join(dir, 'data'), PORT: '0', LOG_FORMAT: 'json' }));
    const [, viewer] = await p.waitFor(VIEWER, 30_000);
    const question = encodeURIComponent('How old was Steve Jobs when he died?');
    expect((await getJson(`${viewer}/api/ask?q=${question}`)).body.answered).toBe(false);

    await cp(path.join(APPLE, JOBS), path.join(corpus, JOBS));
    p.child.kill('SIGHUP');
    await until(async () => (await getJson(`${viewer}/healthz`)).body.articles === 6, 30_000, 'the reloaded corpus in /healthz');
    const answer = (await getJson(`${viewer}/api/ask?q=${question}`)).body;
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/\b56\b/);
    expect(answer.citations.map((c: any) => c.source)).toContain('287096_Apple_Inc_co_founder');
    expect(p.child.exitCode).toBeNull();

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const lines = p.err().trim().split('\n');
    const records = lines.map((l) => JSON.parse(l));
    for (const r of records) {
      expect(Number.isNaN(Date.parse(r.time))).toBe(false);
      expect(['debug', 'info', 'warn', 'error']).toContain(r.level);
      expect(typeof r.msg).toBe('string');
    }
    expect(records.find((r) => r.msg === `reloaded corpus ${corpus}`)).toMatchObject({ articles: 6, previousArticles: 5 });
    expect(p.out()).toBe('');
  }, 90_000);
});

describe('npm start with a token, against the fake Discord', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('warns that localhost citation links will not open for others, reports the gateway in /healthz, and leaves servers not in ALLOWED_GUILDS', async () => {
    const other = { id: '1200000000000000777', name: 'Not Ours' };
    fake = await startFake(other);
    const dataDir = await tempDir('coverage-bot-token-');
    const p = start(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      env({ DISCORD_TOKEN: 'fake-token.service', DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, PORT: '0', ALLOWED_GUILDS: GUILD_ID }),
    );
    await p.waitFor(/logged in to Discord as coverage-bot/, 30_000);
    const [, viewer] = p.err().match(VIEWER)!;
    expect(p.err()).toMatch(/\[warn\] PUBLIC_URL is http:\/\/localhost:0: the viewer links in Discord citations will not open for anyone but this machine/);
    const h = await getJson(`${viewer}/healthz`);
    expect(h.status).toBe(200);
    expect(h.body.discord).toEqual({ state: 'ready', shards: 1, shardsReady: 1, disconnectedSeconds: 0 });
    await fake.waitUntil(() => fake!.left.includes(other.id), 5000, 'the bot to leave the unlisted server');
    await p.waitFor(/leaving server "Not Ours" \(1200000000000000777\): it is not in ALLOWED_GUILDS/, 5000);
    expect(fake.left).toEqual([other.id]);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.err() + p.out()).not.toContain('fake-token.service');
  }, 60_000);

  it('with SHARDS=2, /healthz counts both shards and SIGHUP reloads the manager, then every shard', async () => {
    fake = await startFake();
    const dir = await tempDir('coverage-bot-shards-hup-');
    const corpus = path.join(dir, 'corpus');
    await cp(path.join(ROOT, 'seeds'), corpus, { recursive: true });
    const p = start(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      env({ DISCORD_TOKEN: 'fake-token.shards', DISCORD_API_URL: fake.apiUrl, SHARDS: '2', CORPUS_DIR: corpus, DATA_DIR: path.join(dir, 'data'), PORT: '0' }),
    );
    await p.waitFor(/all shards ready/, 45_000);
    const [, viewer] = p.err().match(VIEWER)!;
    expect((await getJson(`${viewer}/healthz`)).body.discord).toEqual({ state: 'ready', shards: 2, shardsReady: 2, disconnectedSeconds: 0 });

    await cp(path.join(APPLE, JOBS), path.join(corpus, JOBS));
    p.child.kill('SIGHUP');
    await p.waitFor(/\[shard 0\] reloaded corpus[\s\S]*\[shard 1\] reloaded corpus|\[shard 1\] reloaded corpus[\s\S]*\[shard 0\] reloaded corpus/, 30_000);
    // The manager built the new table once; the shards read it from the store.
    expect(p.err().match(/built fact table/g)).toHaveLength(2);
    expect((await getJson(`${viewer}/healthz`)).body.articles).toBe(6);
    for (const shard of [0, 1]) {
      const i = fake.command('ask', [{ name: 'question', value: 'How old was Steve Jobs when he died?' }], { shard, user: { id: `160000000000000000${shard}`, username: `h${shard}` } });
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`), 10_000, `shard ${shard} answer`);
      expect(edit.body.embeds[0].description).toMatch(/\b56\b/);
    }
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 90_000);
});
