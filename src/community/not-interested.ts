import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { addMark, markedAmong, removeMark } from "../storage/reader-marks.js";

export interface NotInterestedDeps {
  readonly database: Database;
  readonly clock: Clock;
}

/**
 * Sets whether the account is not interested in a paper. Like upvotes, callers say the state they want, so a
 * retried request cannot flip it back. The paper disappears from that reader's lists and nobody else's.
 */
export async function setNotInterested(
  deps: NotInterestedDeps,
  account: Account,
  paperId: string,
  on: boolean,
) {
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  const mark = { accountId: account.id, paperId, kind: "not_interested" as const };
  if (on) await addMark(deps.database, { ...mark, now: deps.clock.now().toISOString() });
  else await removeMark(deps.database, mark);
  return { paperId, notInterested: on };
}

/** The overlay's mark function: which of these papers the account said it is not interested in. */
export function notInterestedAmong(
  database: Database,
  accountId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  return markedAmong(database, accountId, "not_interested", paperIds);
}
