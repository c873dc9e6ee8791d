import type { Clock } from "../core/clock.js";
import { rankTrending, type TrendingPlace, trendingWindowStart } from "../ranking/trending-ranking.js";
import type { Database } from "../storage/database.js";
import { trendingCandidates } from "../storage/trending-candidates.js";

/** How long a computed trending order is served before it is computed again (writes here clear it at once). */
export const TRENDING_CACHE_MS = 60_000;

/** The whole trending order at `now`, computed from the stored counts. */
export async function trendingOrder(database: Database, now: Date): Promise<TrendingPlace[]> {
  return rankTrending(await trendingCandidates(database, trendingWindowStart(now)), now);
}

export interface TrendingCache {
  /** The trending order as of now, at most a minute old. */
  order(): Promise<readonly TrendingPlace[]>;
  /** Forgets the order, after a write that may change it. */
  clear(): void;
}

/**
 * Trending is the same for every reader and costs a scan of the week's papers, so one process computes its
 * order at most once a minute; other processes' votes show up within that minute.
 */
export function createTrendingCache(
  database: Database,
  clock: Clock,
  ttlMs = TRENDING_CACHE_MS,
): TrendingCache {
  let cached: { at: number; order: readonly TrendingPlace[] } | null = null;
  return {
    async order() {
      const now = clock.now();
      const age = cached ? now.getTime() - cached.at : Number.POSITIVE_INFINITY;
      if (cached && age >= 0 && age < ttlMs) return cached.order;
      const order = await trendingOrder(database, now);
      cached = { at: now.getTime(), order };
      return order;
    },
    clear() {
      cached = null;
    },
  };
}
