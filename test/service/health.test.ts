/** The health tracker's rules and the PUBLIC_URL start-up warning. */
import { describe, expect, it } from 'vitest';
import { ConnectionTracker, publicUrlWarning } from '../../src/service/health.js';

describe('ConnectionTracker', () => {
  it('is connecting until every shard is ready, then ready', () => {
    let now = 0;
    const t = new ConnectionTracker({ shards: 2, now: () => now });
    expect(t.snapshot()).toEqual({ state: 'connecting', shards: 2, shardsReady: 0, disconnectedSeconds: 0 });
    t.ready(0);
    expect(t.snapshot()).toMatchObject({ state: 'connecting', shardsReady: 1 });
    t.ready(1);
    expect(t.snapshot()).toMatchObject({ state: 'ready', shardsReady: 2 });
    now = 10 * 60_000;
    expect(t.failing()).toBe(false);
  });

  it('fails only once one shard has been disconnected for over a minute, counted from the first report', () => {
    let now = 0;
    const t = new ConnectionTracker({ shards: 2, now: () => now });
    t.ready(0);
    t.ready(1);
    t.down(1);
    now = 30_000;
    t.down(1); // "reconnecting" after "disconnected" does not restart the count
    now = 60_000;
    expect(t.failing()).toBe(false);
    now = 60_001;
    expect(t.failing()).toBe(true);
    expect(t.snapshot()).toEqual({ state: 'disconnected', shards: 2, shardsReady: 1, disconnectedSeconds: 60 });
    t.ready(1);
    expect(t.failing()).toBe(false);
  });

  it('a shard that never connected does not fail the check (a slow start is not an outage)', () => {
    let now = 0;
    const t = new ConnectionTracker({ shards: 1, now: () => now });
    now = 5 * 60_000;
    expect(t.failing()).toBe(false);
  });
});

describe('publicUrlWarning', () => {
  it.each(['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080', 'http://0.0.0.0:8080', 'http://bot.localhost'])('warns for %s', (url) => {
    expect(publicUrlWarning(url)).toMatch(new RegExp(`^PUBLIC_URL is ${url.replace(/[.[\]]/g, '\\$&')}: the viewer links in Discord citations will not open for anyone but this machine`));
  });

  it.each(['https://news-bot.example.org', 'http://192.168.1.20:8080', 'https://localhost.example.org/viewer'])('does not warn for %s', (url) => {
    expect(publicUrlWarning(url)).toBeUndefined();
  });
});
