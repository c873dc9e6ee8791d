import { paperById } from "../../lists/paper.js";
import type { Services } from "../../services.js";
import { type CommentRow, listComments } from "../../storage/comments.js";
import { renderCommentMarkdown } from "../markdown.js";
import type { Comment } from "./paperboy-schemas.js";

export function presentComment(row: CommentRow): Comment {
  return {
    id: row.id,
    paperId: row.paperId,
    parentId: row.parentId,
    author: row.author,
    body: row.body,
    html: renderCommentMarkdown(row.body),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

/** A paper's comments as everyone sees them: hidden and deleted ones left out. 404 for an unknown paper. */
export async function paperComments(services: Services, paperId: string): Promise<Comment[]> {
  await paperById(services.database, paperId);
  const rows = await listComments(services.database, paperId);
  return rows.filter((row) => !row.hiddenAt && !row.deletedAt).map(presentComment);
}
