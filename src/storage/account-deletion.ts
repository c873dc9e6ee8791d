import type { Database } from "./database.js";

/** The tables that hold an account's personal data by its id, each deleted whole. */
const BY_USER = [
  ["sessions", "user_id"],
  ["retired_handles", "account_id"],
  ["api_tokens", "user_id"],
  ["upvotes", "user_id"],
  ["reader_marks", "account_id"],
  ["reader_follows", "account_id"],
  ["collection_editors", "user_id"],
  ["collections", "owner_id"],
] as const;

/**
 * Removes an account's personal data and leaves its row as a tombstone: no email, a handle made from its id,
 * "deleted account" as its name. Comments and featured papers keep pointing at it. Call inside a transaction.
 */
export async function eraseAccount(
  database: Database,
  account: { id: number; email: string | null },
  now: string,
) {
  const db = database.kysely;
  for (const [table, column] of BY_USER) {
    await db.deleteFrom(table).where(column, "=", account.id).execute();
  }
  await db
    .updateTable("collection_papers")
    .set({ added_by: null })
    .where("added_by", "=", account.id)
    .execute();
  await db
    .deleteFrom("subscriptions")
    .where((eb) =>
      account.email
        ? eb.or([eb("user_id", "=", account.id), eb("email", "=", account.email)])
        : eb("user_id", "=", account.id),
    )
    .execute();
  await db
    .updateTable("users")
    .set({
      email: null,
      handle: `deleted-${account.id}`,
      display_name: "deleted account",
      role: "member",
      deleted_at: now,
    })
    .where("id", "=", account.id)
    .execute();
}
