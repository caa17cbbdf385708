/** The layout the README describes: no import circles in src/, and the core's wings kept apart. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('src/ imports', () => {
  it('have no circles, and store/ never imports ingest/ or ask/, nor ask/ and ingest/ each other', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-imports.ts'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/no circles/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);
});

describe('src/core/', () => {
  it('reads no environment variable: the engine is configured through its arguments, never a switch left from debugging', () => {
    const files = readdirSync('src/core', { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const reading = files.filter((f) => readFileSync(path.join('src/core', f), 'utf8').includes('process.env'));
    expect(reading).toEqual([]);
  });
});
