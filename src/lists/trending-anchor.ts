import { type Day, endOfListingDay } from "../core/listing-day.js";
import { trendingWindowStart } from "../ranking/trending-ranking.js";
import type { Database } from "../storage/database.js";
import { latestListingDay } from "../storage/featured.js";

/** The instant trending is counted at, and the listing day it was anchored to when that is not now. */
export interface TrendingAnchor {
  readonly at: Date;
  readonly anchoredTo: Day | null;
}

/**
 * Trending is counted at `now`, unless nothing was featured within the window before it (an instance that
 * stopped, or the demo, whose days are months old): then it is counted at the end of the newest listing day,
 * as it stood when that day was over, so the list shows that week instead of nothing.
 */
export async function trendingAnchor(database: Database, now: Date): Promise<TrendingAnchor> {
  const newest = await latestListingDay(database);
  if (newest === null || newest >= trendingWindowStart(now)) return { at: now, anchoredTo: null };
  return { at: endOfListingDay(newest), anchoredTo: newest };
}
