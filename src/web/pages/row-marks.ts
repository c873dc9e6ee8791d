import { notInterestedAmong } from "../../community/not-interested.js";
import { savedAmong } from "../../community/saves.js";
import type { Account } from "../../core/account.js";
import type { Database } from "../../storage/database.js";
import { upvotedAmong } from "../../storage/upvotes.js";
import type { PaperMarks } from "../components/signal-actions.js";

/** The viewer's marks on each of these papers, for compact rows; nobody signed in has none. */
export async function rowMarks(
  database: Database,
  account: Account | null,
  paperIds: readonly string[],
): Promise<Map<string, PaperMarks>> {
  const none = Promise.resolve(new Set<string>());
  const [upvoted, saved, notInterested] = await Promise.all([
    account ? upvotedAmong(database, account.id, paperIds) : none,
    account ? savedAmong(database, account.id, paperIds) : none,
    account ? notInterestedAmong(database, account.id, paperIds) : none,
  ]);
  return new Map(
    paperIds.map((id) => [
      id,
      { upvoted: upvoted.has(id), saved: saved.has(id), notInterested: notInterested.has(id) },
    ]),
  );
}
