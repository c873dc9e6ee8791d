import { addDays, type Day, listingDayOf } from "../core/listing-day.js";
import type { Database } from "../storage/database.js";
import { type TrendingCandidate, trendingCandidates } from "../storage/listing-entries.js";
import { getSummaries, type PaperSummary } from "../storage/papers.js";
import { explainTrending, hoursBetween, TRENDING_WINDOW_DAYS, type TrendingExplanation } from "./trending.js";

export interface TrendingEntry {
  readonly paper: PaperSummary;
  readonly why: TrendingExplanation;
}

const NY_OFFSETS_HOURS = [4, 5];

/** The instant a listing day ends in New York (midnight that starts the next day, EDT or EST). */
export function endOfListingDay(day: Day): Date {
  const next = addDays(day, 1);
  for (const offset of NY_OFFSETS_HOURS) {
    const candidate = new Date(`${next}T0${offset}:00:00Z`);
    if (listingDayOf(candidate) === next && listingDayOf(new Date(candidate.getTime() - 1)) === day)
      return candidate;
  }
  return new Date(`${next}T05:00:00Z`);
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

/** The trending list at `now`: papers featured in the last TRENDING_WINDOW_DAYS days, best score first. */
export async function trendingList(database: Database, now: Date, limit: number): Promise<TrendingEntry[]> {
  const firstDay = addDays(listingDayOf(now), -TRENDING_WINDOW_DAYS);
  const endOf = memoisedEndOfDay();
  const scored = (await trendingCandidates(database, firstDay))
    .map((c) => ({
      id: c.paperId,
      why: explainTrending({
        upvotes: c.upvotes + c.externalUpvotes,
        comments: c.comments,
        ageHours: hoursBetween(featuredInstant(c, endOf), now),
      }),
    }))
    .filter((entry) => entry.why.score > 0)
    .sort((a, b) => b.why.score - a.why.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
  const papers = await getSummaries(
    database,
    scored.map((entry) => entry.id),
  );
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  return scored.flatMap((entry) => {
    const paper = byId.get(entry.id);
    return paper ? [{ paper, why: entry.why }] : [];
  });
}
