import { findAccountIdByHandle } from "../storage/accounts.js";
import { unfeaturedWithComments } from "../storage/announcements.js";
import type { Database } from "../storage/database.js";
import { insertListingEntries } from "../storage/listing-entries.js";
import { IMPORT_ACCOUNT } from "./import-files.js";

/** How the demo's featured papers are marked in `listing_entries.source`. */
export const DEMO_SOURCE = "demo";

// "Accepted at ICML 2026", "accepted by IEEE TWC", "to appear in the proceedings of", "published in npj ..."
const ACCEPTED = /\b(accepted|to appear|published)\b[^.;]{0,40}?\b(at|in|by|to|for)\b/i;

/**
 * The demo corpus is arXiv's lists of new submissions, which nobody has featured, and it comes with no upvotes.
 * So that its daily lists, trending and `/api/daily_papers` have something to show, the demo features, on each
 * arXiv day, the papers whose authors' comment says a venue accepted them: peer review standing in for a
 * community's picks, a rule anyone can check on the paper. About one paper in six qualifies.
 */
export function acceptedSomewhere(comment: string): boolean {
  return ACCEPTED.test(comment);
}

/** Features the demo's picks on their arXiv days; answers how many it featured (none on a second run). */
export async function featureDemoPicks(database: Database, now: Date): Promise<number> {
  const picks = (await unfeaturedWithComments(database)).filter((paper) => acceptedSomewhere(paper.comment));
  return insertListingEntries(database, picks, {
    submitterId: await findAccountIdByHandle(database, IMPORT_ACCOUNT),
    now: now.toISOString(),
    source: DEMO_SOURCE,
  });
}
