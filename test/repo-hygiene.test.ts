/** Issue 11, item 12: local environment files, which hold the bot token, are never committed. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ignored = (file: string): boolean => {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', file]);
    return true;
  } catch {
    return false;
  }
};

describe('.gitignore', () => {
  it.each(['.env', '.env.local', '.env.production', '.env.development.local'])('ignores %s', (f) => expect(ignored(f)).toBe(true));
  it('keeps .env.example tracked', () => expect(ignored('.env.example')).toBe(false));
});
