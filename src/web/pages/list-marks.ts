import type { FastifyRequest } from "fastify";
import { savedAmong } from "../../community/saves.js";
import type { Day } from "../../core/listing-day.js";
import { papersOfTheDay } from "../../ranking/paper-of-the-day.js";
import type { Database } from "../../storage/database.js";
import { upvotedAmong } from "../../storage/upvotes.js";
import type { ListMarks } from "./paper-list.js";

/** What a list shows per paper for this viewer: their upvotes and saves, and the day's paper-of-the-day ranks. */
export async function listMarks(
  database: Database,
  request: FastifyRequest,
  paperIds: readonly string[],
  day?: Day,
): Promise<ListMarks> {
  const account = request.account;
  const [upvoted, saved, ranks] = await Promise.all([
    account ? upvotedAmong(database, account.id, paperIds) : Promise.resolve(new Set<string>()),
    account ? savedAmong(database, account.id, paperIds) : Promise.resolve(new Set<string>()),
    day ? papersOfTheDay(database, day) : Promise.resolve(new Map<string, number>()),
  ]);
  return { upvoted, saved, ranks };
}
