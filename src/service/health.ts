/**
 * What `/healthz` reports: the Discord connection (per shard, with the time since it was lost),
 * the stories served and their sizes. It fails (503) once a shard has been disconnected for longer
 * than the grace period (a minute), so a supervisor can restart a bot that lost Discord for good.
 */
import type { Engine } from '../core/engine.js';

export const DISCONNECTED_GRACE_MS = 60_000;

export type ShardState = 'connecting' | 'ready' | 'disconnected';

export interface ConnectionSnapshot {
  /** `ready` when every shard is, `disconnected` when one lost its connection, else `connecting`. */
  state: ShardState;
  shards: number;
  shardsReady: number;
  /** Seconds since the longest-disconnected shard lost its connection (0 when none is). */
  disconnectedSeconds: number;
}

/** Tracks each shard's gateway connection; fed by the Discord side (src/discord/connection.ts). */
export class ConnectionTracker {
  private readonly states = new Map<number, { state: ShardState; since: number }>();
  private readonly now: () => number;

  constructor(opts: { shards: number; now?: () => number }) {
    this.now = opts.now ?? Date.now;
    for (let id = 0; id < opts.shards; id++) this.states.set(id, { state: 'connecting', since: this.now() });
  }

  ready(shard: number): void {
    this.states.set(shard, { state: 'ready', since: this.now() });
  }

  /** A lost connection; repeated reports (disconnect, then reconnecting) keep the first time. */
  down(shard: number): void {
    const s = this.states.get(shard);
    if (s?.state === 'disconnected') return;
    this.states.set(shard, { state: 'disconnected', since: this.now() });
  }

  snapshot(): ConnectionSnapshot {
    const all = [...this.states.values()];
    const down = all.filter((s) => s.state === 'disconnected');
    const ready = all.filter((s) => s.state === 'ready').length;
    const longest = down.length ? Math.max(...down.map((s) => this.now() - s.since)) : 0;
    return {
      state: down.length ? 'disconnected' : ready === all.length ? 'ready' : 'connecting',
      shards: all.length,
      shardsReady: ready,
      disconnectedSeconds: Math.floor(longest / 1000),
    };
  }

  /** True once some shard has been disconnected for longer than `graceMs`. */
  failing(graceMs = DISCONNECTED_GRACE_MS): boolean {
    return [...this.states.values()].some((s) => s.state === 'disconnected' && this.now() - s.since > graceMs);
  }
}

export interface StoryHealth {
  name: string;
  articles: number;
  facts: number;
}

export interface HealthReport {
  status: 200 | 503;
  body: {
    ok: boolean;
    discord: ConnectionSnapshot | { state: 'off' };
    stories: StoryHealth[];
    articles: number;
    facts: number;
  };
}

/** The `/healthz` answer; without a tracker (no token) Discord is `off` and never fails the check. */
export function healthReport(opts: { stories: { name: string; engine: Engine }[]; connection?: ConnectionTracker; graceMs?: number }): HealthReport {
  const stories = opts.stories.map((s) => ({ name: s.name, articles: s.engine.table.articles.length, facts: s.engine.table.facts.length }));
  const ok = !opts.connection?.failing(opts.graceMs);
  return {
    status: ok ? 200 : 503,
    body: {
      ok,
      discord: opts.connection ? opts.connection.snapshot() : { state: 'off' },
      stories,
      articles: stories.reduce((n, s) => n + s.articles, 0),
      facts: stories.reduce((n, s) => n + s.facts, 0),
    },
  };
}

const LOCAL_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** The start-up warning for a bot whose citation links point at this machine's localhost. */
export function publicUrlWarning(publicUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    return undefined;
  }
  if (!LOCAL_HOSTS.test(host) && !/\.localhost$/i.test(host)) return undefined;
  return (
    `PUBLIC_URL is ${publicUrl}: the viewer links in Discord citations will not open for anyone but this machine. ` +
    'Set PUBLIC_URL to the address people reach the viewer at (see README, "Run it on a server").'
  );
}
