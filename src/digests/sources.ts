import type { Follow } from "../core/follows.js";
import type { Period } from "../core/periods.js";
import { endOfListingDay, trendingList } from "../ranking/trending-list.js";
import { textMatch } from "../search/keyword.js";
import { parseQuery } from "../search/query/parse.js";
import { mergeFilters } from "../search/search-papers.js";
import type { Database } from "../storage/database.js";
import { featuredIds } from "../storage/followed-papers.js";
import { keywordSearch } from "../storage/keyword-search.js";
import { getSummaries, type PaperSummary } from "../storage/papers.js";

/**
 * Where digests and feeds get ranked paper ids for a period: the narrow seam to ranking and search. Trending
 * is the trending list (src/ranking/trending-list.ts) as it stood when the period ended, kept to the period's
 * papers and followed by the rest of them, most upvoted first (a quiet period still has a digest). Saved
 * searches run through the keyword search in the search query language (operators and filters included),
 * strict matching only, kept to the period's papers.
 */
export interface PaperSource {
  trending(period: Pick<Period, "first" | "last">, limit: number): Promise<string[]>;
  category(period: Pick<Period, "first" | "last">, category: string, limit: number): Promise<string[]>;
  search(period: Pick<Period, "first" | "last">, query: string, limit: number): Promise<string[]>;
  summaries(ids: readonly string[]): Promise<PaperSummary[]>;
}

export function databasePaperSource(database: Database): PaperSource {
  return {
    trending: (period, limit) => periodTrending(database, period, limit),
    category: (period, category, limit) => featuredIds(database, period, limit, category),
    search: (period, query, limit) => savedSearchIds(database, period, query, limit),
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
