import type { Clock } from "../core/clock.js";
import type { Database } from "../storage/database.js";
import { type TrendingEntry, trendingList } from "./trending-list.js";

/** How long a computed trending list is served before it is computed again (writes here clear it at once). */
export const TRENDING_CACHE_MS = 60_000;

export interface TrendingCache {
  get(limit: number): Promise<readonly TrendingEntry[]>;
  /** Forgets the list, after a write that may change it. */
  clear(): void;
}

/**
 * Trending is the same for every reader and costs a scan of the week's papers, so one process computes it at
 * most once a minute; other processes' votes show up within that minute.
 */
export function createTrendingCache(
  database: Database,
  clock: Clock,
  ttlMs = TRENDING_CACHE_MS,
): TrendingCache {
  let cached: { at: number; limit: number; entries: readonly TrendingEntry[] } | null = null;
  return {
    async get(limit) {
      const now = clock.now();
      const age = cached ? now.getTime() - cached.at : Number.POSITIVE_INFINITY;
      if (cached && cached.limit === limit && age >= 0 && age < ttlMs) return cached.entries;
      const entries = await trendingList(database, now, limit);
      cached = { at: now.getTime(), limit, entries };
      return entries;
    },
    clear() {
      cached = null;
    },
  };
}
