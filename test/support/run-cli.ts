/** Runs the CLI entry points as real child processes, the way a user or the evaluation runs them. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * Runs `src/cli/<script>.ts` under tsx with `env` as its whole environment (default: this
 * process's), `input` on stdin and `cwd` as its folder.
 */
export function runCli(script: string, args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.resolve(`src/cli/${script}.ts`), ...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
