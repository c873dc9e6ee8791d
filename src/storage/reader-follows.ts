import type { Database } from "./database.js";

export type FollowKind = "category" | "author";

export interface FollowRow {
  readonly kind: FollowKind;
  /** The folded key: a category as is, an author's folded name (core/author-name.ts). */
  readonly value: string;
  /** What the reader saw when they followed (an author's name as written). */
  readonly label: string;
  readonly createdAt: string;
}

/** Adds a follow; following the same thing again keeps the first one (and its label). */
export async function addFollow(
  database: Database,
  follow: { accountId: number; kind: FollowKind; value: string; label: string; now: string },
): Promise<void> {
  await database.kysely
    .insertInto("reader_follows")
    .values({
      account_id: follow.accountId,
      kind: follow.kind,
      value: follow.value,
      label: follow.label,
      created_at: follow.now,
    })
    .onConflict((oc) => oc.columns(["account_id", "kind", "value"]).doNothing())
    .execute();
}

/** Removes a follow; false when the account did not have it. */
export async function removeFollow(
  database: Database,
  follow: { accountId: number; kind: FollowKind; value: string },
): Promise<boolean> {
  const result = await database.kysely
    .deleteFrom("reader_follows")
    .where("account_id", "=", follow.accountId)
    .where("kind", "=", follow.kind)
    .where("value", "=", follow.value)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The account's follows, oldest first. */
export async function followsOf(database: Database, accountId: number): Promise<FollowRow[]> {
  const rows = await database.kysely
    .selectFrom("reader_follows")
    .select(["kind", "value", "label", "created_at"])
    .where("account_id", "=", accountId)
    .orderBy("created_at")
    .orderBy("kind")
    .orderBy("value")
    .execute();
  return rows.map((row) => ({
    kind: row.kind === "author" ? "author" : "category",
    value: row.value,
    label: row.label,
    createdAt: row.created_at,
  }));
}

/** Whether the account follows this (kind, value). */
export async function isFollowing(
  database: Database,
  follow: { accountId: number; kind: FollowKind; value: string },
): Promise<boolean> {
  const row = await database.kysely
    .selectFrom("reader_follows")
    .select("value")
    .where("account_id", "=", follow.accountId)
    .where("kind", "=", follow.kind)
    .where("value", "=", follow.value)
    .executeTakeFirst();
  return row !== undefined;
}
