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

/** The candidates in trending order at `now`: best score first, papers that score nothing left out. */
export function rankTrending(candidates: readonly TrendingCandidate[], now: Date): TrendingPlace[] {
  const endOf = memoisedEndOfDay();
  return candidates
    .map((c) => ({
      paperId: c.paperId,
      listingDay: c.listingDay,
      why: explainTrending({
        upvotes: totalUpvotes(c),
        comments: c.comments,
        ageHours: hoursBetween(featuredInstant(c, endOf), now),
      }),
    }))
    .filter((place) => place.why.score > 0)
    .sort((a, b) => b.why.score - a.why.score || (a.paperId < b.paperId ? -1 : 1));
}
