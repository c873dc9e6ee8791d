import type { Follow } from "../core/follows.js";
import { endOfListingDay } from "../core/listing-day.js";
import type { PaperSummary } from "../core/paper.js";
import type { Period } from "../core/periods.js";
import { trendingOrder } from "../lists/trending-cache.js";
import { textMatch } from "../search/keyword.js";
import { parseQuery } from "../search/query/parse.js";
import { mergeFilters } from "../search/search-papers.js";
import type { Database } from "../storage/database.js";
import { featuredIds } from "../storage/featured.js";
import { keywordSearch } from "../storage/keyword-search.js";
import { getSummaries } from "../storage/papers.js";
import {
  type ForYouMatches,
  type ForYouRanker,
  type ForYouReader,
  forYouMatches,
  NO_FOR_YOU,
} from "./for-you-follow.js";

/**
 * Where digests and feeds get ranked paper ids for a period: the narrow seam to ranking and search. Trending
 * is the trending order (src/lists/trending-cache.ts) as it stood when the period ended, kept to the period's
 * papers and followed by the rest of them, most upvoted first (a quiet period still has a digest). Saved
 * searches run through the keyword search in the search query language (operators and filters included),
 * strict matching only, kept to the period's papers.
 */
export interface PaperSource {
  trending(period: Pick<Period, "first" | "last">, limit: number): Promise<string[]>;
  category(period: Pick<Period, "first" | "last">, category: string, limit: number): Promise<string[]>;
  search(period: Pick<Period, "first" | "last">, query: string, limit: number): Promise<string[]>;
  summaries(ids: readonly string[]): Promise<PaperSummary[]>;
  /** One reader's For you over the period (the follow `for-you`); nothing where For you is not at hand. */
  forYou(period: Pick<Period, "first" | "last">, reader: ForYouReader, limit: number): Promise<ForYouMatches>;
}

export function databasePaperSource(database: Database, forYou: ForYouRanker | null = null): PaperSource {
  return {
    forYou: async (period, reader, limit) =>
      forYou ? forYouMatches(database, forYou, period, reader, limit) : NO_FOR_YOU,
    trending: (period, limit) => periodTrending(database, period, limit),
    category: (period, category, limit) =>
      featuredIds(database, { ...period, category, sort: "upvotes" }, { offset: 0, limit }),
    search: (period, query, limit) => savedSearchIds(database, period, query, limit),
    summaries: (ids) => getSummaries(database, ids),
  };
}

/** Enough of the trending list to fill a period's share after papers from other days are dropped. */
const TRENDING_SCAN = 2000;

async function periodTrending(database: Database, period: Pick<Period, "first" | "last">, limit: number) {
  const [trending, featured] = await Promise.all([
    trendingOrder(database, endOfListingDay(period.last)),
    featuredIds(database, { ...period, sort: "upvotes" }, { offset: 0, limit }),
  ]);
  const ranked = trending
    .slice(0, TRENDING_SCAN)
    .filter((place) => place.listingDay >= period.first && place.listingDay <= period.last)
    .map((place) => place.paperId);
  return [...new Set([...ranked, ...featured])].slice(0, limit);
}

/** Ranked ids for one follow shared by every subscriber (not `for-you`, which is each reader's own). */
export function followIds(
  source: PaperSource,
  period: Pick<Period, "first" | "last">,
  follow: Exclude<Follow, { kind: "for-you" }>,
  limit: number,
) {
  if (follow.kind === "trending") return source.trending(period, limit);
  if (follow.kind === "category") return source.category(period, follow.category, limit);
  return source.search(period, follow.query, limit);
}

/** How deep a saved search's ranking is read before it is cut to the period's papers. */
const SAVED_SEARCH_SCAN = 1000;

async function savedSearchIds(
  database: Database,
  period: Pick<Period, "first" | "last">,
  query: string,
  limit: number,
): Promise<string[]> {
  const parsed = parseQuery(query);
  const match = textMatch(parsed);
  const filters = mergeFilters(parsed);
  const ranked = await keywordSearch(database, { match, filters, offset: 0, limit: SAVED_SEARCH_SCAN });
  const inPeriod = await featuredIn(database, period, ranked.ids);
  return ranked.ids.filter((id) => inPeriod.has(id)).slice(0, limit);
}

async function featuredIn(
  database: Database,
  period: Pick<Period, "first" | "last">,
  ids: readonly string[],
) {
  if (ids.length === 0) return new Set<string>();
  const rows = await database.kysely
    .selectFrom("listing_entries")
    .select("paper_id")
    .where("paper_id", "in", ids)
    .where("listing_day", ">=", period.first)
    .where("listing_day", "<=", period.last)
    .execute();
  return new Set(rows.map((row) => row.paper_id));
}
