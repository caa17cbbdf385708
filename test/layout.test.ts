/** The layout the README describes: no import circles in src/, and the core's wings kept apart. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('src/ imports', () => {
  it('have no circles, and store/ never imports ingest/ or ask/, nor ask/ and ingest/ each other', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-imports.ts'], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/no circles/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);
});
