import type { Day } from "../core/listing-day.js";
import type { TrendingExplanation } from "../ranking/trending.js";
import { TRENDING_WINDOW_DAYS } from "../ranking/trending.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import { offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";
import type { TrendingCache } from "./trending-cache.js";

export const TRENDING_PAGE_SIZE = 50;

/** What the trending list reads: the database and the process's trending order. */
export interface TrendingDeps {
  readonly database: Database;
  readonly trending: TrendingCache;
}

/** The trending list, with why each paper is where it is. */
export interface TrendingList extends PaperList {
  readonly reasons: ReadonlyMap<string, TrendingExplanation>;
  /** The listing day trending was counted at, when nothing was featured in the window before today. */
  readonly anchoredTo: Day | null;
}

/** One page of the papers featured in the last week, by upvotes and comments, discounted by age. */
export async function trendingList(deps: TrendingDeps, request: PageRequest): Promise<TrendingList> {
  const { order, anchoredTo } = await deps.trending.browsed();
  const places = order.slice(offsetOf(request), offsetOf(request) + request.size);
  const papers = await getSummaries(
    deps.database,
    places.map((place) => place.paperId),
  );
  const heading = {
    title: "Trending papers",
    description: `Papers featured in the last ${TRENDING_WINDOW_DAYS} days, by upvotes and comments, discounted by age`,
    pagePath: "/papers/trending",
    feedPath: "/feeds/trending",
  };
  const reasons = new Map(places.map((place) => [place.paperId, place.why]));
  return { ...paperList(heading, request, papers, order.length), reasons, anchoredTo };
}
