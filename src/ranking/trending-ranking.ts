import { addDays, type Day, endOfListingDay, listingDayOf } from "../core/listing-day.js";
import { totalUpvotes } from "../core/paper.js";
import type { TrendingCandidate } from "../storage/trending-candidates.js";
import { explainTrending, hoursBetween, TRENDING_WINDOW_DAYS, type TrendingExplanation } from "./trending.js";

/** A paper's place on the trending list, with the parts of its score. */
export interface TrendingPlace {
  readonly paperId: string;
  readonly listingDay: Day;
  readonly why: TrendingExplanation;
}

/** The first listing day whose papers are candidates for trending at `now`. */
export function trendingWindowStart(now: Date): Day {
  return addDays(listingDayOf(now), -TRENDING_WINDOW_DAYS);
}

/**
 * Age counts from when the paper was featured, but at the latest from the end of its listing day: papers
 * imported later for a past day (bulk loads, Hugging Face backfills) age from their day, not from the import.
 */
export function featuredInstant(
  candidate: Pick<TrendingCandidate, "featuredAt" | "listingDay">,
  endOf: (day: Day) => Date = endOfListingDay,
): Date {
  const featured = new Date(candidate.featuredAt);
  const end = endOf(candidate.listingDay);
  return featured < end ? featured : end;
}

/** endOfListingDay, remembered per day: a week's candidates share a handful of days. */
function memoisedEndOfDay(): (day: Day) => Date {
  const ends = new Map<Day, Date>();
  return (day) => {
    let end = ends.get(day);
    if (!end) {
      end = endOfListingDay(day);
      ends.set(day, end);
    }
    return end;
  };
}

export interface TrendingOptions {
  /**
   * After the papers with upvotes or comments, list the window's other featured papers, newest first (their
   * score is 0, which pages say): lists a reader browses; digests leave it off.
   */
  readonly withUnvoted?: boolean;
}

interface Scored extends TrendingPlace {
  readonly featured: number;
}

const byScore = (a: Scored, b: Scored) =>
  b.why.score - a.why.score || b.featured - a.featured || (a.paperId < b.paperId ? -1 : 1);

/** The candidates in trending order at `now`: best score first, papers that score nothing left out or last. */
export function rankTrending(
  candidates: readonly TrendingCandidate[],
  now: Date,
  options: TrendingOptions = {},
): TrendingPlace[] {
  const endOf = memoisedEndOfDay();
  return candidates
    .map((c): Scored => {
      const featured = featuredInstant(c, endOf);
      const ageHours = hoursBetween(featured, now);
      const why = explainTrending({ upvotes: totalUpvotes(c), comments: c.comments, ageHours });
      return { paperId: c.paperId, listingDay: c.listingDay, why, featured: featured.getTime() };
    })
    .filter((place) => options.withUnvoted || place.why.score > 0)
    .sort(byScore)
    .map(({ paperId, listingDay, why }) => ({ paperId, listingDay, why }));
}
