import type { Follow } from "../core/follows.js";
import type { Period } from "../core/periods.js";
import { endOfListingDay, trendingList } from "../ranking/trending-list.js";
import type { Database } from "../storage/database.js";
import { categoryIds, featuredIds, wordMatchIds } from "../storage/followed-papers.js";
import { getSummaries, type PaperSummary } from "../storage/papers.js";

/**
 * Where digests and feeds get ranked paper ids for a period: the narrow seam to ranking and search. Trending
 * is the trending list (src/ranking/trending-list.ts) as it stood when the period ended, kept to the period's
 * papers and followed by the rest of them, most upvoted first (a quiet period still has a digest). Saved
 * searches match words in title and abstract until the search service (src/search/) is wired in here.
 */
export interface PaperSource {
  trending(period: Pick<Period, "first" | "last">, limit: number): Promise<string[]>;
  category(period: Pick<Period, "first" | "last">, category: string, limit: number): Promise<string[]>;
  search(period: Pick<Period, "first" | "last">, query: string, limit: number): Promise<string[]>;
  summaries(ids: readonly string[]): Promise<PaperSummary[]>;
}

/** Plain words of a query in the search language: operators, filters and quotes are dropped. */
export function queryWords(query: string): string[] {
  return query
    .replace(/["()]/g, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && word !== "OR" && !word.startsWith("-") && !word.includes(":"));
}

export function databasePaperSource(database: Database): PaperSource {
  return {
    trending: (period, limit) => periodTrending(database, period, limit),
    category: (period, category, limit) => categoryIds(database, period, category, limit),
    search: (period, query, limit) => wordMatchIds(database, period, queryWords(query), limit),
    summaries: (ids) => getSummaries(database, ids),
  };
}

/** Enough of the trending list to fill a period's share after papers from other days are dropped. */
const TRENDING_SCAN = 2000;

async function periodTrending(database: Database, period: Pick<Period, "first" | "last">, limit: number) {
  const [trending, featured] = await Promise.all([
    trendingList(database, endOfListingDay(period.last), TRENDING_SCAN),
    featuredIds(database, period, limit),
  ]);
  const inPeriod = trending
    .filter(
      ({ paper }) =>
        paper.listingDay !== null && paper.listingDay >= period.first && paper.listingDay <= period.last,
    )
    .map(({ paper }) => paper.id);
  return [...new Set([...inPeriod, ...featured])].slice(0, limit);
}

/** Ranked ids for one follow. */
export function followIds(
  source: PaperSource,
  period: Pick<Period, "first" | "last">,
  follow: Follow,
  limit: number,
) {
  if (follow.kind === "trending") return source.trending(period, limit);
  if (follow.kind === "category") return source.category(period, follow.category, limit);
  return source.search(period, follow.query, limit);
}
