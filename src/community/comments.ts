import { type Account, hasRole } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { forbidden, invalid, notFound } from "../core/errors.js";
import {
  type CommentRow,
  findComment,
  insertComment,
  listComments,
  updateComment,
} from "../storage/comments.js";
import { logCuratorAction } from "../storage/curator-actions.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { inTransaction } from "../storage/transaction.js";

/** What this module reads and writes with: the database, and the clock for its stamps. */
type Deps = { readonly database: Database; readonly clock: Clock };

export const MAX_COMMENT_LENGTH = 5000;

function cleanBody(body: string): string {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text === "") throw invalid("a comment cannot be empty");
  if (text.length > MAX_COMMENT_LENGTH)
    throw invalid(`a comment is at most ${MAX_COMMENT_LENGTH} characters`);
  return text;
}

async function existing(deps: Deps, id: number): Promise<CommentRow> {
  const comment = await findComment(deps.database, id);
  if (!comment || comment.deletedAt) throw notFound(`There is no comment ${id}.`);
  return comment;
}

/** Posts a comment; a reply to a reply joins its parent's thread, so threads stay one level deep. */
export async function postComment(
  deps: Deps,
  account: Account,
  input: { paperId: string; body: string; parentId?: number | undefined },
): Promise<number> {
  const body = cleanBody(input.body);
  if (!(await paperExists(deps.database, input.paperId)))
    throw notFound(`No paper ${input.paperId} is known here.`);
  let parentId: number | null = null;
  if (input.parentId !== undefined) {
    const parent = await existing(deps, input.parentId);
    if (parent.paperId !== input.paperId) throw invalid("that reply belongs to another paper's comments");
    parentId = parent.parentId ?? parent.id;
  }
  const now = deps.clock.now().toISOString();
  return insertComment(deps.database, { paperId: input.paperId, userId: account.id, parentId, body, now });
}

/** One of the account's own comments, to edit or delete; 404 for a missing one, 403 for someone else's. */
export async function ownComment(deps: Deps, account: Account, id: number): Promise<CommentRow> {
  const comment = await existing(deps, id);
  if (comment.authorId !== account.id) throw forbidden("You can only change your own comments.");
  return comment;
}

export async function editComment(
  deps: Deps,
  account: Account,
  id: number,
  body: string,
): Promise<CommentRow> {
  const comment = await ownComment(deps, account, id);
  const text = cleanBody(body);
  await updateComment(deps.database, id, { body: text, editedAt: deps.clock.now().toISOString() });
  return { ...comment, body: text };
}

export async function deleteComment(deps: Deps, account: Account, id: number): Promise<CommentRow> {
  const comment = await ownComment(deps, account, id);
  await updateComment(deps.database, id, { deletedAt: deps.clock.now().toISOString() });
  return comment;
}

/** Curators hide a comment from everyone but curators, or restore it; each change is logged. */
export async function setCommentHidden(deps: Deps, curator: Account, id: number, hidden: boolean) {
  if (!hasRole(curator, "curator")) throw forbidden("Only a curator can hide or restore comments.");
  const comment = await existing(deps, id);
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database, async (tx) => {
    await updateComment(tx, id, { hiddenAt: hidden ? now : null });
    await logCuratorAction(tx, {
      curatorId: curator.id,
      action: hidden ? "hide_comment" : "restore_comment",
      paperId: comment.paperId,
      commentId: id,
      detail: `by ${comment.author}`,
      at: now,
    });
  });
  return comment;
}

/** Every comment on a paper, oldest first, hidden and deleted ones included: pages show curators the hidden. */
export function commentsOn(database: Database, paperId: string): Promise<CommentRow[]> {
  return listComments(database, paperId);
}

/** A paper's comments as everyone sees them: hidden and deleted ones left out. */
export async function visibleComments(database: Database, paperId: string): Promise<CommentRow[]> {
  return (await listComments(database, paperId)).filter((row) => !row.hiddenAt && !row.deletedAt);
}
