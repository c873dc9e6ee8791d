import type { Day } from "../core/listing-day.js";
import type { Database } from "../storage/database.js";
import { topOfDay } from "../storage/featured.js";

/** How many papers of a day carry the "paper of the day" rank (#1 to #3), as on Hugging Face. */
export const PAPERS_OF_THE_DAY = 3;

/** Rank (1-based) of each paper of the day that has any upvotes. */
export async function papersOfTheDay(database: Database, day: Day): Promise<Map<string, number>> {
  const ids = await topOfDay(database, day, PAPERS_OF_THE_DAY);
  return new Map(ids.map((id, index) => [id, index + 1]));
}
