import type { Database } from "./database.js";

/** The kinds of private mark a reader puts on a paper. `read` is library's reading state. */
export type MarkKind = "not_interested" | "read";

export interface MarkRow {
  readonly paperId: string;
  readonly createdAt: string;
}

/** Puts a mark on; the primary key keeps one per (account, paper, kind), so a repeat changes nothing. */
export async function addMark(
  database: Database,
  mark: { accountId: number; paperId: string; kind: MarkKind; now: string },
): Promise<void> {
  await database.kysely
    .insertInto("reader_marks")
    .values({ account_id: mark.accountId, paper_id: mark.paperId, kind: mark.kind, created_at: mark.now })
    .onConflict((oc) => oc.columns(["account_id", "paper_id", "kind"]).doNothing())
    .execute();
}

export async function removeMark(
  database: Database,
  mark: { accountId: number; paperId: string; kind: MarkKind },
): Promise<void> {
  await database.kysely
    .deleteFrom("reader_marks")
    .where("account_id", "=", mark.accountId)
    .where("paper_id", "=", mark.paperId)
    .where("kind", "=", mark.kind)
    .execute();
}

/** Which of these papers carry the account's mark of this kind. */
export async function markedAmong(
  database: Database,
  accountId: number,
  kind: MarkKind,
  paperIds: readonly string[],
): Promise<Set<string>> {
  if (paperIds.length === 0) return new Set();
  const rows = await database.kysely
    .selectFrom("reader_marks")
    .select("paper_id")
    .where("account_id", "=", accountId)
    .where("kind", "=", kind)
    .where("paper_id", "in", paperIds)
    .execute();
  return new Set(rows.map((row) => row.paper_id));
}

/** Every mark of one kind the account has made, newest first. */
export async function marksOf(database: Database, accountId: number, kind: MarkKind): Promise<MarkRow[]> {
  const rows = await database.kysely
    .selectFrom("reader_marks")
    .select(["paper_id", "created_at"])
    .where("account_id", "=", accountId)
    .where("kind", "=", kind)
    .orderBy("created_at", "desc")
    .orderBy("paper_id")
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, createdAt: row.created_at }));
}
