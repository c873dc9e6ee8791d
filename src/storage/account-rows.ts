import type { Database } from "./database.js";

/** An account's own comments, oldest first, as stored (deleted and hidden ones too): for its data download. */
export async function commentsBy(database: Database, userId: number) {
  const rows = await database.kysely
    .selectFrom("comments")
    .select(["id", "paper_id", "parent_id", "body", "created_at", "edited_at", "hidden_at", "deleted_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    paperId: row.paper_id,
    parentId: row.parent_id,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    hiddenAt: row.hidden_at,
    deletedAt: row.deleted_at,
  }));
}

/** When the account was made. */
export async function accountCreatedAt(database: Database, userId: number): Promise<string | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select("created_at")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.created_at ?? null;
}
