import type { Clock } from "../core/clock.js";
import type { Day } from "../core/listing-day.js";
import {
  rankTrending,
  type TrendingOptions,
  type TrendingPlace,
  trendingWindowStart,
} from "../ranking/trending-ranking.js";
import type { Database } from "../storage/database.js";
import { trendingCandidates } from "../storage/trending-candidates.js";
import { trendingAnchor } from "./trending-anchor.js";

/** How long a computed trending order is served before it is computed again (writes here clear it at once). */
export const TRENDING_CACHE_MS = 60_000;

/** The whole trending order at `now`, computed from the stored counts. */
export async function trendingOrder(
  database: Database,
  now: Date,
  options: TrendingOptions = {},
): Promise<TrendingPlace[]> {
  return rankTrending(await trendingCandidates(database, trendingWindowStart(now)), now, options);
}

/** The order a reader browses: at its anchor (see trending-anchor.ts), unvoted papers after the others. */
export interface BrowsedTrending {
  readonly anchoredTo: Day | null;
  readonly order: readonly TrendingPlace[];
}

export async function browsedTrending(database: Database, now: Date): Promise<BrowsedTrending> {
  const anchor = await trendingAnchor(database, now);
  const order = await trendingOrder(database, anchor.at, { withUnvoted: true });
  return { anchoredTo: anchor.anchoredTo, order };
}

export interface TrendingCache {
  /** The trending order as of now, at most a minute old. */
  order(): Promise<readonly TrendingPlace[]>;
  /** The order with the listing day it was anchored to (null when counted at now). */
  browsed(): Promise<BrowsedTrending>;
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
  let cached: { at: number; browsed: BrowsedTrending } | null = null;
  const browsed = async () => {
    const now = clock.now();
    const age = cached ? now.getTime() - cached.at : Number.POSITIVE_INFINITY;
    if (cached && age >= 0 && age < ttlMs) return cached.browsed;
    const fresh = await browsedTrending(database, now);
    cached = { at: now.getTime(), browsed: fresh };
    return fresh;
  };
  return {
    browsed,
    async order() {
      return (await browsed()).order;
    },
    clear() {
      cached = null;
    },
  };
}
