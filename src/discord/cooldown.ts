/** Per-user flood control: at most `limit` actions in any `windowMs` window. */
export interface CooldownOptions {
  limit: number;
  windowMs: number;
}

export const DEFAULT_COOLDOWN: CooldownOptions = { limit: 5, windowMs: 15_000 };

export class Cooldowns {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly opts: CooldownOptions = DEFAULT_COOLDOWN) {}

  /** Records an action by `key`; returns 0 when allowed, else whole seconds until it would be. */
  take(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (recent.length >= this.opts.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.opts.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Keep the map from growing with every user ever seen.
    if (this.hits.size > 10_000) {
      for (const [k, v] of this.hits) if (!v.some((t) => now - t < this.opts.windowMs)) this.hits.delete(k);
    }
    return 0;
  }
}
