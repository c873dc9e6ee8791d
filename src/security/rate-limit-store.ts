/**
 * Where rate-limit counters live. The in-memory store serves one process; a store shared through PostgreSQL
 * (or anything else) implements the same one method so several processes count together.
 */
export interface RateLimitStore {
  /** Counts one hit on `key` in the fixed window of `windowMs` that holds `nowMs`; answers the window's count. */
  hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitCount>;
}

export interface RateLimitCount {
  readonly count: number;
  /** Unix milliseconds at which the window ends and the count starts again. */
  readonly resetAtMs: number;
}

/** Fixed windows in a Map; stale windows are swept when the map grows, so memory stays bounded. */
export function createMemoryRateLimitStore(maxKeys = 100_000): RateLimitStore {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  const sweep = (nowMs: number) => {
    for (const [key, window] of windows) if (window.resetAtMs <= nowMs) windows.delete(key);
  };
  return {
    async hit(key, windowMs, nowMs) {
      let window = windows.get(key);
      if (!window || window.resetAtMs <= nowMs) {
        if (windows.size >= maxKeys) sweep(nowMs);
        window = { count: 0, resetAtMs: (Math.floor(nowMs / windowMs) + 1) * windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetAtMs: window.resetAtMs };
    },
  };
}
