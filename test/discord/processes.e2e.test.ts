/**
 * The entry points as real processes: `npm start` without a token (guidance + terminal chat),
 * the terminal chat on its own, `npm run deploy-commands`, and `npm start` with SHARDS=2 (a real
 * ShardingManager whose children log in to the fake Discord).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFake } from '../support/discord-e2e.js';
import { BOT, GUILD_ID, type FakeDiscord } from './fake-discord.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const running: ChildProcess[] = [];
const temps: string[] = [];

interface Proc {
  child: ChildProcess;
  out(): string;
  err(): string;
  waitFor(pattern: RegExp, timeoutMs: number, stream?: 'out' | 'err' | 'both'): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

const SETTINGS = ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'CORPUS_DIR', 'DATA_DIR', 'PORT', 'WEB_HOST', 'PUBLIC_URL', 'LOG_LEVEL', 'SHARDS'];

/** The environment a newcomer has: none of the bot's settings, not under test. */
function cleanEnv(extra: Record<string, string>, opts: { blank?: boolean } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DISCORD_|SHARD|CORPUS_DIR|DATA_DIR|PUBLIC_URL|PORT|LOG_LEVEL|WEB_HOST|NODE_ENV|VITEST)/.test(k)) continue;
    env[k] = v;
  }
  // Every setting present (empty = default), so a developer's own .env can't leak into a test:
  // dotenv never overrides a variable that is set. It also proves empty values, as in a copied
  // .env.example, work.
  const blank = opts.blank === false ? {} : Object.fromEntries(SETTINGS.map((k) => [k, '']));
  return { ...env, ...blank, ...extra };
}

function run(cmd: string, args: string[], opts: { cwd?: string; env: NodeJS.ProcessEnv }): Proc {
  const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  running.push(child);
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  child.stdout!.on('data', (d) => ((out += d), poke()));
  child.stderr!.on('data', (d) => ((err += d), poke()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (poke(), resolve(code))));
  return {
    child,
    out: () => out,
    err: () => err,
    exited,
    waitFor: (pattern, timeoutMs, stream = 'both') =>
      new Promise((resolve, reject) => {
        const text = () => (stream === 'out' ? out : stream === 'err' ? err : out + '\n' + err);
        const check = () => {
          const m = text().match(pattern);
          if (m) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}\n--- stdout\n${out.slice(-2000)}\n--- stderr\n${err.slice(-2000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

const tsx = (file: string, env: NodeJS.ProcessEnv, cwd = ROOT) => run(process.execPath, ['--import', 'tsx', file], { cwd, env });

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

afterEach(() => {
  for (const c of running.splice(0)) {
    // Each test's processes run in their own group (detached): end the group, children included.
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

describe('without a Discord token', () => {
  it('`npm start` from a terminal on a fresh clone prints guidance and answers a question typed at the prompt', async () => {
    // A fresh clone: the committed layout, no .env, no data/, dependencies installed.
    const clone = await tempDir('coverage-bot-clone-');
    for (const entry of ['package.json', 'tsconfig.json', 'src', 'commands', 'seeds']) await cp(path.join(ROOT, entry), path.join(clone, entry), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    expect(await readdir(clone)).not.toContain('.env');

    const started = Date.now();
    // A terminal (util-linux `script` gives the process a pseudo-terminal): without one, npm start runs as a service.
    const p = run('script', ['-qec', 'npm start --silent', '/dev/null'], { cwd: clone, env: cleanEnv({}, { blank: false }) });
    await p.waitFor(/No DISCORD_TOKEN is set/, 30_000, 'out');
    await p.waitFor(/coverage-bot> /, 30_000, 'out');
    const promptMs = Date.now() - started;
    p.child.stdin!.write('How long is the Rafiqah wall?\n');
    await p.waitFor(/2,?500 m/, 15_000, 'out');
    p.child.stdin!.end('/quit\n');
    expect(await p.exited).toBe(0);
    const out = p.out();
    expect(out).toContain('https://discord.com/developers/applications');
    expect(out).toMatch(/scope=bot\+applications\.commands/);
    expect(out).toContain('npm run deploy-commands');
    expect(promptMs).toBeLessThan(30_000);
  }, 90_000);

  it('`npm start` and the chat on a missing corpus folder exit 1 with a message naming it, not a stack trace', async () => {
    for (const file of ['src/main.ts', 'src/cli/chat.ts']) {
      const p = tsx(file, cleanEnv({ CORPUS_DIR: '/no/such/corpus', PORT: '0' }));
      expect(await p.exited, file).toBe(1);
      expect(p.err(), file).toMatch(/Corpus folder not found: \/no\/such\/corpus/);
      expect(p.err(), file).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('the terminal chat runs the same commands through stdin and stdout', async () => {
    const dataDir = await tempDir('coverage-bot-chat-');
    const p = tsx('src/cli/chat.ts', cleanEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
    await p.waitFor(/coverage-bot> /, 30_000, 'out');
    p.child.stdin!.write('/ask How long is the Rafiqah wall?\n');
    await p.waitFor(/2,?500 m[\s\S]*000_6e79381d7b31fe90|2,?500 m[\s\S]*00\d_/, 15_000, 'out');
    p.child.stdin!.write('/sources\n');
    await p.waitFor(/004_978389261bf9fc36/, 10_000, 'out');
    p.child.stdin!.write('/timeline 2017-07\n');
    await p.waitFor(/2017-07-0\d/, 10_000, 'out');
    p.child.stdin!.write('/nonsense\n');
    await p.waitFor(/I don't know \/nonsense/, 10_000, 'out');
    p.child.stdin!.write('/help\n');
    await p.waitFor(/\/timeline \[from\] \[to\]/, 10_000, 'out');
    p.child.stdin!.end('/quit\n');
    expect(await p.exited).toBe(0);
    expect(p.out()).toMatch(/Bye\./);
  }, 60_000);
});

describe('with a Discord token, against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('`npm run deploy-commands` registers the five commands on the guild route, or globally', async () => {
    const env = { DISCORD_TOKEN: 'fake-token.deploy', DISCORD_CLIENT_ID: BOT.id, DISCORD_API_URL: fake.apiUrl };
    const guild = run('npm', ['run', '--silent', 'deploy-commands'], { env: cleanEnv({ ...env, DISCORD_GUILD_ID: GUILD_ID }) });
    expect(await guild.exited).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${BOT.id}/guilds/${GUILD_ID}/commands`, 5000, 'guild registration');
    expect(put.headers.authorization).toBe('Bot fake-token.deploy');
    expect(put.body.map((c: any) => c.name).sort()).toEqual(['ask', 'help', 'sources', 'story', 'timeline']);
    const ask = put.body.find((c: any) => c.name === 'ask');
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, autocomplete: true });
    expect(guild.out()).toMatch(/Registered 5 commands on server/);
    expect(guild.out() + guild.err()).not.toContain('fake-token.deploy');

    const missing = run('npm', ['run', '--silent', 'deploy-commands'], { env: cleanEnv({ DISCORD_API_URL: fake.apiUrl }) });
    expect(await missing.exited).toBe(2);
    expect(missing.err()).toMatch(/needs DISCORD_TOKEN and DISCORD_CLIENT_ID/);

    const global = run('npm', ['run', '--silent', 'deploy-commands'], { env: cleanEnv(env) });
    expect(await global.exited).toBe(0);
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${BOT.id}/commands`, 5000, 'global registration');
  }, 60_000);

  it('`npm start` with a token logs in, answers, serves the viewer, and shuts down cleanly on SIGINT', async () => {
    const dataDir = await tempDir('coverage-bot-start-');
    const before = fake.identifies.length;
    const started = Date.now();
    const p = tsx('src/main.ts', cleanEnv({ DISCORD_TOKEN: 'fake-token.start', DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' }));
    const [, viewer] = await p.waitFor(/snippet viewer listening on (http:\/\/\S+)/, 30_000, 'err');
    await p.waitFor(/logged in to Discord as coverage-bot/, 30_000, 'err');
    const startMs = Date.now() - started;
    expect(fake.identifies.length).toBe(before + 1);
    const page = await fetch(`${viewer}/sources`, { signal: AbortSignal.timeout(5000) });
    expect(page.status).toBe(200);

    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: { id: '1900000000000000001', username: 'z' } });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`), 5000, 'the answer');
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);

    p.child.kill('SIGINT');
    expect(await p.exited).toBe(0);
    expect(p.err()).toMatch(/shutting down \(SIGINT\)/);
    expect(p.err()).not.toContain('fake-token.start');
    expect(startMs).toBeLessThan(30_000);
  }, 60_000);

  it('`npm start` with SHARDS=2 builds the fact table once, spawns two shards, and each answers', async () => {
    const dataDir = await tempDir('coverage-bot-shards-');
    const before = fake.identifies.length;
    const p = tsx(
      'src/main.ts',
      cleanEnv({ DISCORD_TOKEN: 'fake-token.shards', DISCORD_API_URL: fake.apiUrl, SHARDS: '2', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'debug' }),
    );
    await p.waitFor(/all shards ready/, 45_000, 'err');
    const identifies = fake.identifies.slice(before);
    expect(identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The manager built the table before spawning; both shards read it from the store.
    expect(p.err().match(/built fact table/g)).toHaveLength(1);
    expect(p.err().match(/\[shard \d\] fact table loaded from store/g)).toHaveLength(2);

    for (const shard of [0, 1]) {
      const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { shard, user: { id: `170000000000000000${shard}`, username: `s${shard}` } });
      const ack = await fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/${i.token}/callback`), 3000, `shard ${shard} acknowledgement`);
      expect(ack.at - i.at).toBeLessThan(3000);
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`), 5000, `shard ${shard} answer`);
      expect(edit.body.embeds[0].description).toMatch(/2,?500/);
    }
    expect(p.err()).not.toContain('fake-token.shards');

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 90_000);

  it('a shard process that dies is respawned by the manager, identifies again and answers', async () => {
    const dataDir = await tempDir('coverage-bot-respawn-');
    const p = tsx('src/main.ts', cleanEnv({ DISCORD_TOKEN: 'fake-token.respawn', DISCORD_API_URL: fake.apiUrl, SHARDS: '1', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'debug' }));
    await p.waitFor(/all shards ready/, 45_000, 'err');
    const before = fake.identifies.length;
    // The shard is a process in this test's process group (the manager's child): kill only it.
    const shard = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find(([, pgid, ...args]) => Number(pgid) === p.child.pid && args.join(' ').includes('shard-worker'));
    expect(shard).toBeDefined();
    process.kill(Number(shard![0]), 'SIGKILL');
    await p.waitFor(/shard process exited/, 10_000, 'err');
    await fake.waitUntil(() => fake.identifies.length > before && fake.liveSessions(0).length > 0, 45_000, 'the respawned shard identifying');
    await p.waitFor(/\[shard 0\] logged in to Discord[\s\S]*\[shard 0\] logged in to Discord/, 30_000, 'err');
    const i = fake.command('ask', [{ name: 'question', value: 'How long is the Rafiqah wall?' }], { user: { id: '1700000000000000099', username: 'r' } });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`), 10_000, 'an answer from the respawned shard');
    expect(edit.body.embeds[0].description).toMatch(/2,?500/);
    expect(p.child.exitCode).toBeNull();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 120_000);
});
