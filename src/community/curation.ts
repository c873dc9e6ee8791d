import { type Account, hasRole } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { conflict, forbidden, notFound } from "../core/errors.js";
import type { Day } from "../core/listing-day.js";
import {
  type CuratorActionKind,
  type CuratorLogEntry,
  listCuratorActions,
  logCuratorAction,
} from "../storage/curator-actions.js";
import type { Database } from "../storage/database.js";
import { deleteListingEntry, insertListingEntry, moveListingEntry } from "../storage/listing-entries.js";
import { getPaper } from "../storage/papers.js";
import { inTransaction } from "../storage/transaction.js";

/** What this module reads and writes with: the database, and the clock for its stamps. */
type Deps = { readonly database: Database; readonly clock: Clock };

function requireCurator(account: Account): void {
  if (!hasRole(account, "curator")) throw forbidden("Only a curator can feature, unfeature or move papers.");
}

async function paperDay(deps: Deps, paperId: string): Promise<Day | null> {
  const paper = await getPaper(deps.database, paperId);
  if (!paper) throw notFound(`No paper ${paperId} is known here.`);
  return paper.listingDay;
}

/** Does one change and logs it in the same transaction, so the log never misses or invents an action. */
function logged(
  deps: Deps,
  curator: Account,
  entry: { action: CuratorActionKind; paperId: string; detail: string },
  change: (tx: Database, now: string) => Promise<void>,
) {
  const now = deps.clock.now().toISOString();
  return inTransaction(deps.database, async (tx) => {
    await change(tx, now);
    await logCuratorAction(tx, { curatorId: curator.id, commentId: null, at: now, ...entry });
  });
}

export async function featurePaper(deps: Deps, curator: Account, paperId: string, day: Day) {
  requireCurator(curator);
  const current = await paperDay(deps, paperId);
  if (current) throw conflict(`${paperId} is already featured, on ${current}; move it instead.`);
  await logged(deps, curator, { action: "feature", paperId, detail: `on ${day}` }, async (tx, now) => {
    const done = await insertListingEntry(tx, {
      paperId,
      day,
      submitterId: curator.id,
      now,
      source: "curator",
    });
    if (!done) throw conflict(`${paperId} was featured a moment ago.`);
  });
}

export async function unfeaturePaper(deps: Deps, curator: Account, paperId: string) {
  requireCurator(curator);
  const current = await paperDay(deps, paperId);
  if (!current) throw conflict(`${paperId} is not featured on any day.`);
  await logged(deps, curator, { action: "unfeature", paperId, detail: `from ${current}` }, async (tx) => {
    await deleteListingEntry(tx, paperId);
  });
}

export async function movePaper(deps: Deps, curator: Account, paperId: string, day: Day) {
  requireCurator(curator);
  const current = await paperDay(deps, paperId);
  if (!current) throw conflict(`${paperId} is not featured on any day; feature it instead.`);
  await logged(
    deps,
    curator,
    { action: "move", paperId, detail: `from ${current} to ${day}` },
    async (tx) => {
      await moveListingEntry(tx, paperId, day);
    },
  );
}

/** The latest curator actions, newest first, for the curators' log page. */
export function curatorLog(database: Database, limit: number): Promise<CuratorLogEntry[]> {
  return listCuratorActions(database, limit);
}
