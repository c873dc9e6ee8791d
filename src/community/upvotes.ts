import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { addUpvote, countUpvotes, removeUpvote, upvotedAmong } from "../storage/upvotes.js";

/** What this module reads and writes with: the database, and the clock for its stamps. */
type Deps = { readonly database: Database; readonly clock: Clock };

/**
 * Sets the account's upvote on a paper to `on`. Forms and the API say which state they want rather than
 * "toggle", so a double-click or a retried request cannot flip it back; one account counts once either way.
 */
export async function setUpvote(deps: Deps, account: Account, paperId: string, on: boolean) {
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  if (on) await addUpvote(deps.database, account.id, paperId, deps.clock.now().toISOString());
  else await removeUpvote(deps.database, account.id, paperId);
  return { paperId, upvoted: on, upvotes: await countUpvotes(deps.database, paperId) };
}

/** The reader's upvote marks on a list: which of these papers the account has upvoted. */
export function upvotedPapers(database: Database, accountId: number, paperIds: readonly string[]) {
  return upvotedAmong(database, accountId, paperIds);
}
