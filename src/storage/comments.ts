import { sql } from "kysely";
import type { Database } from "./database.js";

export interface CommentRow {
  readonly id: number;
  readonly paperId: string;
  readonly authorId: number;
  /** The author's handle. */
  readonly author: string;
  /** The name the author shows (display name), or their handle when they set none. */
  readonly authorName: string;
  /** The author deleted their account: the comment stays, under "deleted account", linking nowhere. */
  readonly authorDeleted: boolean;
  readonly parentId: number | null;
  readonly body: string;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly hiddenAt: string | null;
  readonly deletedAt: string | null;
}

function commentQuery(database: Database) {
  return database.kysely
    .selectFrom("comments as c")
    .innerJoin("users as u", "u.id", "c.user_id")
    .select([
      "c.id",
      "c.paper_id",
      "c.user_id",
      // A deleted account's comments stay, under this name, so threads stay readable.
      sql<string>`case when u.deleted_at is null then u.handle else 'deleted account' end`.as("handle"),
      "u.display_name",
      "u.deleted_at as author_deleted_at",
      "c.parent_id",
      "c.body",
      "c.created_at",
      "c.edited_at",
      "c.hidden_at",
      "c.deleted_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof commentQuery>["executeTakeFirstOrThrow"]>>;

function toComment(r: Row): CommentRow {
  return {
    id: r.id,
    paperId: r.paper_id,
    authorId: r.user_id,
    author: r.handle,
    authorName: r.display_name?.trim() || r.handle,
    authorDeleted: r.author_deleted_at !== null,
    parentId: r.parent_id,
    body: r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    hiddenAt: r.hidden_at,
    deletedAt: r.deleted_at,
  };
}

export async function findComment(database: Database, id: number): Promise<CommentRow | null> {
  const row = await commentQuery(database).where("c.id", "=", id).executeTakeFirst();
  return row ? toComment(row) : null;
}

/** A paper's comments, oldest first, hidden and deleted ones included (the page decides what to show). */
export async function listComments(database: Database, paperId: string): Promise<CommentRow[]> {
  const rows = await commentQuery(database).where("c.paper_id", "=", paperId).orderBy("c.id").execute();
  return rows.map(toComment);
}

export async function insertComment(
  database: Database,
  comment: { paperId: string; userId: number; parentId: number | null; body: string; now: string },
): Promise<number> {
  const row = await database.kysely
    .insertInto("comments")
    .values({
      paper_id: comment.paperId,
      user_id: comment.userId,
      parent_id: comment.parentId,
      body: comment.body,
      created_at: comment.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateComment(
  database: Database,
  id: number,
  changes: { body?: string; editedAt?: string; hiddenAt?: string | null; deletedAt?: string },
): Promise<void> {
  await database.kysely
    .updateTable("comments")
    .set({
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      ...(changes.editedAt !== undefined ? { edited_at: changes.editedAt } : {}),
      ...(changes.hiddenAt !== undefined ? { hidden_at: changes.hiddenAt } : {}),
      ...(changes.deletedAt !== undefined ? { deleted_at: changes.deletedAt } : {}),
    })
    .where("id", "=", id)
    .execute();
}
