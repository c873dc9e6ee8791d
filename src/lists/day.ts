import type { Day } from "../core/listing-day.js";
import { dayPeriod } from "../core/periods.js";
import type { Database } from "../storage/database.js";
import { latestListingDay, neighbourDays } from "../storage/featured.js";
import { featuredList } from "./featured.js";
import type { PageRequest, PaperList } from "./paper-list.js";
import { papersOfTheDay } from "./papers-of-the-day.js";

export const DAY_PAGE_SIZE = 50;

/** A listing day's featured papers, with the neighbouring days that have papers and the papers of the day. */
export interface DayList extends PaperList {
  readonly day: Day;
  readonly previousDay: Day | null;
  readonly nextDay: Day | null;
  /** Paper-of-the-day ranks (1 to 3) by paper id. */
  readonly ranks: ReadonlyMap<string, number>;
}

/** One page of a listing day: most upvoted first. */
export async function dayList(database: Database, day: Day, request: PageRequest): Promise<DayList> {
  const [list, neighbours, ranks] = await Promise.all([
    featuredList(database, { ...request, period: dayPeriod(day), sort: "featured" }),
    neighbourDays(database, day),
    papersOfTheDay(database, day),
  ]);
  return { ...list, day, previousDay: neighbours.previous, nextDay: neighbours.next, ranks };
}

/** The list of the latest listing day that has papers, or null on an empty instance. */
export async function latestDayList(database: Database, request: PageRequest): Promise<DayList | null> {
  const day = await latestListingDay(database);
  return day === null ? null : dayList(database, day, request);
}
