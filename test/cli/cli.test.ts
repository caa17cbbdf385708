/** The command-line contract (DESIGN.md), exercised through real child processes. */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { runCli } from '../support/run-cli.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const PUBLIC_URL = 'http://viewer.test:9000';
let dataDir: string;
let seeds: Map<string, string>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], input?: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  // CORPUS_DIR set but empty (= the default, seeds): the commands read .env, and dotenv never
  // overrides a variable that is set, so a developer's own .env cannot change what is tested.
  const env: NodeJS.ProcessEnv = opts.env ?? { ...process.env, DATA_DIR: dataDir, PUBLIC_URL, LOG_LEVEL: 'info', CORPUS_DIR: '' };
  return runCli(script, args, { env, input, cwd: opts.cwd });
}

/** Checks an object against the Answer contract; snippets must be verbatim text of their article. */
function expectAnswerShape(a: Record<string, unknown>, question: string) {
  expect(a).toMatchObject({ question, answered: expect.any(Boolean), answer: expect.any(String), citations: expect.any(Array), conflicts: expect.any(Array) });
  expect((a.answer as string).length).toBeGreaterThan(0);
  for (const c of a.citations as Record<string, unknown>[]) {
    expect(c).toMatchObject({ source: expect.any(String), snippet: expect.any(String), url: expect.any(String), viewer: expect.any(String) });
    expect(seeds.get(c.source as string)).toContain(c.snippet);
    expect(c.viewer).toMatch(new RegExp(`^${PUBLIC_URL}/sources/`));
  }
  for (const c of a.conflicts as Record<string, unknown>[]) {
    expect(c).toMatchObject({ value: expect.any(String), sources: expect.any(Array) });
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cli-data-'));
  seeds = new Map((await readCorpus('seeds')).articles.map((a) => [a.id, a.raw]));
  // Build the store once so the commands below measure the cached path.
  const ingest = await run('ingest', ['--json']);
  expect(ingest.code).toBe(0);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ corpus: 'seeds', articles: 5, cached: false, warnings: [] });
}, 60_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ask', () => {
  it('with --json and a question, prints exactly one JSON Answer on stdout', async () => {
    const q = 'What is the length of the Rafiqah Wall?';
    const r = await run('ask', ['--json', q]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expectAnswerShape(answer, q);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/2,500 m/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('joins unquoted words into one question', async () => {
    const r = await run('ask', ['--json', 'Which', 'dynasty', 'built', 'the', 'wall?']);
    expect(JSON.parse(r.stdout).question).toBe('Which dynasty built the wall?');
  });

  it('without a question, answers each stdin line as JSON Lines, one output line per input line', async () => {
    const qs = ['How tall is the Rafiqah Wall?', '', 'Who is the president of Brazil?', 'Which dynasty built the wall?'];
    const r = await run('ask', ['--json', '--corpus', 'seeds'], `${qs[0]}\n\n${qs[2]}\r\n${qs[3]}`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    lines.forEach((l, i) => expectAnswerShape(JSON.parse(l), qs[i]!));
    expect(JSON.parse(lines[1]!)).toMatchObject({ answered: false, answer: expect.stringMatching(/blank/) });
    expect(JSON.parse(lines[2]!).answered).toBe(false);
  });

  it('in stdin batch mode a lone CR stays inside its question and blank or whitespace lines keep their place', async () => {
    const input = 'How tall is\rthe Rafiqah Wall?\n\n   \t\nWhich dynasty built the wall?\n\n';
    const r = await run('ask', ['--json'], input);
    expect(r.code).toBe(0);
    const answers = r.stdout.split('\n').slice(0, -1).map((l) => JSON.parse(l));
    expect(answers.map((a) => a.question)).toEqual(['How tall is the Rafiqah Wall?', '', '', 'Which dynasty built the wall?', '']);
    expect(answers.map((a) => a.answered)).toEqual([true, false, false, true, false]);
    const single = await run('ask', ['--json', '   ']);
    expect(single.code).toBe(r.code);
    expect(JSON.parse(single.stdout)).toMatchObject({ answered: false, answer: answers[1].answer });
  });

  it('without --json prints the answer as text', async () => {
    const r = await run('ask', ['Who is the president of Brazil?']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('rejects an unknown flag with a usage error and exit code 2', async () => {
    const r = await run('ask', ['--jsn', 'question']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Unknown option '--jsn'/);
    expect(r.stderr).toMatch(/Usage: npm run --silent ask/);
  });

  it('ends quietly with exit 0 when the reader of its output goes away (| head)', async () => {
    const child = spawn(TSX, ['src/cli/ask.ts'], { env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL, CORPUS_DIR: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const question = 'How long is the Rafiqah wall?\n';
    child.stdin.end(question.repeat(2000));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('fails with a clear message for a missing corpus', async () => {
    const r = await run('ask', ['--json', '--corpus', '/no/such/corpus', 'q?']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Corpus folder not found: \/no\/such\/corpus/);
  });
});

describe('sources and timeline', () => {
  it('sources --json lists every article with viewer links', async () => {
    const r = await run('sources', ['--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list.map((s) => s.id)).toEqual([...seeds.keys()]);
    for (const s of list) {
      expect(s).toMatchObject({ id: expect.any(String), title: expect.any(String), url: expect.any(String), viewer: `${PUBLIC_URL}/sources/${s.id}` });
    }
  });

  it('reads its settings from .env in the working folder, as npm start does', async () => {
    const cwd = path.join(dataDir, 'with-dotenv');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(cwd, '.env'), `CORPUS_DIR=${path.resolve('seeds')}\nDATA_DIR=${dataDir}\nPUBLIC_URL=http://from-dotenv.test\n`);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['CORPUS_DIR', 'DATA_DIR', 'PUBLIC_URL']) delete env[k];
    const r = await run('sources', ['--json'], undefined, { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; viewer: string }[];
    expect(list.map((s) => s.id)).toEqual([...seeds.keys()]);
    expect(list[0]!.viewer).toMatch(/^http:\/\/from-dotenv\.test\/sources\//);
  });

  it('timeline --json is an array of dated entries, oldest first', async () => {
    const r = await run('timeline', ['--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { date: string; text: string; sources: string[]; citations: unknown[] }[];
    expect(entries.length, 'the seeds have dated events').toBeGreaterThan(1);
    for (const e of entries) {
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(e).toMatchObject({ text: expect.any(String), sources: expect.any(Array), citations: expect.any(Array) });
    }
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('timeline rejects a malformed --from date', async () => {
    const r = await run('timeline', ['--json', '--from', 'July']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from: expected an ISO date/);
  });
});

describe('eval', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dataDir, 'questions.jsonl');
    await writeFile(
      file,
      [
        '{"id":"abstain","q":"Who is the president of Brazil?","abstain":true}',
        '{"id":"broken", "q": ',
        '',
        '{"id":"france","q":"What is the capital of France?","expect":"Paris"}',
      ].join('\n'),
    );
  });

  it('prints one line per question, reports bad lines as failures, and ends with the totals', async () => {
    const r = await run('eval', [file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS abstain');
    expect(lines[1]).toMatch(/^FAIL line 2: bad question line 2: not valid JSON/);
    expect(lines[2]).toMatch(/^FAIL france: expected an answer/);
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
  });

  it('exits 0 when the pass ratio meets --min and 1 when it is below', async () => {
    const ok = await run('eval', [file, '--min', '0.3']);
    expect(ok.code).toBe(0);
    const low = await run('eval', [file, '--min', '0.5']);
    expect(low.code).toBe(1);
    expect(low.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
    expect(low.stderr).toMatch(/below --min 0\.5/);
  });

  it('rejects a --min that is not a ratio, and a missing file argument', async () => {
    const bad = await run('eval', [file, '--min', '80']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min: expected a ratio between 0 and 1/);
    const none = await run('eval', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing argument: expected FILE\.jsonl/);
  });
});
