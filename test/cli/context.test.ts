/** Follow-ups through the CLI: `ask --context` and `eval` questions with `context_from`, as real child processes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';

let dataDir: string;

function run(script: string, args: string[]): Promise<CliRun> {
  return runCli(script, args, { env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://viewer.test:9000', LOG_LEVEL: 'warn', CORPUS_DIR: '' } });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cli-context-'));
  expect((await run('ingest', ['--json'])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ask --context', () => {
  it("resolves a follow-up against the previous answer's context", async () => {
    const first = await run('ask', ['--json', 'How long is the Rafiqah wall?']);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a.context).toMatchObject({ question: 'How long is the Rafiqah wall?', intent: 'quantity' });

    const follow = await run('ask', ['--json', '--context', JSON.stringify(a.context), 'and how high is it?']);
    expect(follow.code).toBe(0);
    const b = JSON.parse(follow.stdout);
    expect(b.question).toBe('How high is the Rafiqah wall?');
    expect(b.answered).toBe(true);
    expect(b.answer).toMatch(/^3\.8 m\b/);
    expect(b.context.question).toBe('How high is the Rafiqah wall?');
  }, 60_000);

  it('without a context the same follow-up is not resolved', async () => {
    const r = await run('ask', ['--json', 'and how high is it?']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ question: 'and how high is it?', answered: false });
  }, 60_000);

  it.each([
    ['text that is not JSON', '{oops', /not JSON/],
    ['JSON of the wrong shape', '[1,2]', /expected \{"question"/],
  ])('%s is a usage error (exit 2) that says what was expected', async (_name, value, message) => {
    const r = await run('ask', ['--json', '--context', value, 'and how high is it?']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  }, 60_000);
});

describe('eval with context_from', () => {
  it('asks a question as the follow-up of an earlier one, and names an unknown context_from', async () => {
    const file = path.join(dataDir, 'follow.jsonl');
    await writeFile(file, [
      JSON.stringify({ id: 'len', q: 'How long is the Rafiqah wall?', expect: '2,500' }),
      JSON.stringify({ id: 'high', q: 'and how high is it?', context_from: 'len', expect: '^3\\.8 m' }),
      JSON.stringify({ id: 'alone', q: 'and how high is it?', abstain: true }),
      JSON.stringify({ id: 'lost', q: 'and how high is it?', context_from: 'nope' }),
    ].join('\n'));
    const r = await run('eval', [file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS len');
    expect(r.stdout).toContain('PASS high');
    expect(r.stdout).toContain('PASS alone');
    expect(r.stdout).toMatch(/FAIL lost: context_from "nope" names no earlier question/);
    expect(r.stdout.trim().split('\n').pop()).toBe('3 passed, 1 failed');
  }, 60_000);
});
