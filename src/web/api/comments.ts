import { visibleComments } from "../../community/comments.js";
import { paperById } from "../../lists/paper.js";
import type { Services } from "../../services.js";
import type { CommentRow } from "../../storage/comments.js";
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
  return (await visibleComments(services.database, paperId)).map(presentComment);
}
