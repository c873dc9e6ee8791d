import type { Database } from "./database.js";

export type CuratorActionKind = "feature" | "unfeature" | "move" | "hide_comment" | "restore_comment";

export interface CuratorAction {
  readonly curatorId: number;
  readonly action: CuratorActionKind;
  readonly paperId: string | null;
  readonly commentId: number | null;
  readonly detail: string | null;
  readonly at: string;
}

export async function logCuratorAction(database: Database, action: CuratorAction): Promise<void> {
  await database.kysely
    .insertInto("curator_actions")
    .values({
      user_id: action.curatorId,
      action: action.action,
      paper_id: action.paperId,
      comment_id: action.commentId,
      detail: action.detail,
      created_at: action.at,
    })
    .execute();
}

export interface CuratorLogEntry {
  readonly id: number;
  readonly curator: string | null;
  readonly action: string;
  readonly paperId: string | null;
  readonly commentId: number | null;
  readonly detail: string | null;
  readonly at: string;
}

/** The newest curator actions first. */
export async function listCuratorActions(database: Database, limit: number): Promise<CuratorLogEntry[]> {
  const rows = await database.kysely
    .selectFrom("curator_actions as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .select(["a.id", "u.handle", "a.action", "a.paper_id", "a.comment_id", "a.detail", "a.created_at"])
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    curator: r.handle,
    action: r.action,
    paperId: r.paper_id,
    commentId: r.comment_id,
    detail: r.detail,
    at: r.created_at,
  }));
}
