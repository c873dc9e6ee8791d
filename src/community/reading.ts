import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { addMark, markedAmong, removeMark } from "../storage/reader-marks.js";

export interface ReadingDeps {
  readonly database: Database;
  readonly clock: Clock;
}

/**
 * Reading state: a paper is unread for a reader until they open its page or mark it read (`reader_marks`, kind
 * `read`). Private to that reader, like every mark.
 */
export async function setRead(deps: ReadingDeps, account: Pick<Account, "id">, paperId: string, on: boolean) {
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  const mark = { accountId: account.id, paperId, kind: "read" as const };
  if (on) await addMark(deps.database, { ...mark, now: deps.clock.now().toISOString() });
  else await removeMark(deps.database, mark);
  return { paperId, read: on };
}

/** Opening a paper's page reads it; only the first opening writes anything. */
export async function markOpened(deps: ReadingDeps, accountId: number, paperId: string): Promise<void> {
  if ((await readAmong(deps.database, accountId, [paperId])).size > 0) return;
  await addMark(deps.database, { accountId, paperId, kind: "read", now: deps.clock.now().toISOString() });
}

/** The overlay's mark function: which of these papers the reader has read. */
export function readAmong(
  database: Database,
  accountId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  return markedAmong(database, accountId, "read", paperIds);
}
