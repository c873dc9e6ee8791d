import type { Account } from "../core/account.js";
import { notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { addUpvote, countUpvotes, removeUpvote, upvotedAmong } from "../storage/upvotes.js";
import { featureFromTriage, type TriageDeps, unfeatureIfUnbacked } from "./triage-features.js";

/** What this module reads and writes with; the community settings say who features by upvoting. */
type Deps = TriageDeps;

/**
 * Sets the account's upvote on a paper to `on`. Forms and the API say which state they want rather than
 * "toggle", so a double-click or a retried request cannot flip it back; one account counts once either way.
 * An upvote may also feature a new paper, and taking it back may unfeature it again (community/triage-features.ts).
 */
export async function setUpvote(deps: Deps, account: Account, paperId: string, on: boolean) {
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  if (on) {
    await addUpvote(deps.database, account.id, paperId, deps.clock.now().toISOString());
    await featureFromTriage(deps, account, paperId);
  } else {
    await removeUpvote(deps.database, account.id, paperId);
    await unfeatureIfUnbacked(deps, paperId);
  }
  return { paperId, upvoted: on, upvotes: await countUpvotes(deps.database, paperId) };
}

/** The reader's upvote marks on a list: which of these papers the account has upvoted. */
export function upvotedPapers(database: Database, accountId: number, paperIds: readonly string[]) {
  return upvotedAmong(database, accountId, paperIds);
}
