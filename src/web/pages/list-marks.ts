import type { FastifyRequest } from "fastify";
import { readAmong } from "../../community/reading.js";
import { savedAmong } from "../../community/saves.js";
import { upvotedPapers } from "../../community/upvotes.js";
import type { Clock } from "../../core/clock.js";
import { todaysListingDay } from "../../core/listing-day.js";
import type { Database } from "../../storage/database.js";
import type { ListMarks } from "./listed-papers.js";

/** What a list shows per paper for this viewer: their upvotes, saves and reading, and which papers are today's. */
export async function listMarks(
  deps: { readonly database: Database; readonly clock: Clock },
  request: FastifyRequest,
  paperIds: readonly string[],
): Promise<ListMarks> {
  const account = request.account;
  const [upvoted, saved, read] = await Promise.all([
    account ? upvotedPapers(deps.database, account.id, paperIds) : new Set<string>(),
    account ? savedAmong(deps.database, account.id, paperIds) : new Set<string>(),
    account ? readAmong(deps.database, account.id, paperIds) : new Set<string>(),
  ]);
  // `?hide=read` leaves out the papers the reader has read (signed-in readers only).
  const hideRead = account !== null && (request.query as Record<string, unknown>).hide === "read";
  return { upvoted, saved, read, hideRead, today: todaysListingDay(deps.clock) };
}
