/**
 * One engine reference that can be swapped while the bot runs (SIGHUP reloads the corpus). Every
 * face keeps the `engine` it was given; each call goes to whichever engine is current, so a
 * reload never leaves a face on a stale table and never exposes a half-built one.
 */
import type { Engine } from '../core/engine.js';

export interface LiveEngine {
  /** Stands in for the current engine; hand this to the faces. */
  engine: Engine;
  current(): Engine;
  /** Makes `next` current; calls already running finish on the engine they started with. */
  swap(next: Engine): void;
}

export function createLiveEngine(initial: Engine): LiveEngine {
  let current = initial;
  const engine = new Proxy({} as Engine, {
    get: (_target, prop) => {
      const value: unknown = Reflect.get(current, prop);
      // Bound to the engine of this access, so a method never mixes two tables.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
    has: (_target, prop) => Reflect.has(current, prop),
    ownKeys: () => Reflect.ownKeys(current),
    getOwnPropertyDescriptor: (_target, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(current, prop);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
  return {
    engine,
    current: () => current,
    swap: (next) => {
      current = next;
    },
  };
}
