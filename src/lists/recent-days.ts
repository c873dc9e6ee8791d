import { addDays, type Day } from "../core/listing-day.js";
import type { Database } from "../storage/database.js";
import { latestListingDay } from "../storage/featured.js";

/** The last `days` listing days up to the newest one with papers: lists of recent papers end there. */
export async function recentDays(database: Database, days: number): Promise<{ first: Day; last: Day }> {
  const last = (await latestListingDay(database)) ?? "1970-01-01";
  return { first: addDays(last, 1 - days), last };
}
