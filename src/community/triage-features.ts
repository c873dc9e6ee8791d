import { type Account, hasRole, type Role } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import type { Day } from "../core/listing-day.js";
import { announcedOn } from "../storage/announcements.js";
import type { Database } from "../storage/database.js";
import { dropUnbackedTriageEntry, insertListingEntry } from "../storage/listing-entries.js";

export interface TriageDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly config: { readonly community: { readonly submitterRole: Role } };
}

/** How a featuring by triage is marked in `listing_entries.source`. */
export const TRIAGE_SOURCE = "triage";

/**
 * How a community's daily list grows out of triage. An account that may submit papers (SUBMITTER_ROLE), upvoting
 * or saving a paper that arXiv announced and nobody has featured yet, features it on its arXiv day with itself as
 * the submitter. The paper joins the list of the day it was new on, not today's, so no age limit applies: an
 * old paper lands on an old day. Answers the listing day, or null when nothing changed.
 */
export async function featureFromTriage(
  deps: TriageDeps,
  account: Pick<Account, "id" | "role">,
  paperId: string,
): Promise<Day | null> {
  if (!hasRole(account, deps.config.community.submitterRole)) return null;
  const day = await announcedOn(deps.database, paperId);
  if (day === null) return null;
  const featured = await insertListingEntry(deps.database, {
    paperId,
    day,
    submitterId: account.id,
    now: deps.clock.now().toISOString(),
    source: TRIAGE_SOURCE,
  });
  return featured ? day : null;
}

/** Taking back the last upvote or save of a paper featured by triage unfeatures it again. */
export function unfeatureIfUnbacked(deps: Pick<TriageDeps, "database">, paperId: string): Promise<boolean> {
  return dropUnbackedTriageEntry(deps.database, paperId);
}
