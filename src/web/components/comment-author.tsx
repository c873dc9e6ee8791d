import type { CommentRow } from "../../storage/comments.js";

/** The author's name linking to their member page; a deleted account's name links nowhere. */
export function CommentAuthor({ comment }: { comment: CommentRow }) {
  if (comment.authorDeleted) return <span class="comment-author">{comment.authorName}</span>;
  return (
    <>
      <a href={`/members/${encodeURIComponent(comment.author)}`} class="comment-author">
        {comment.authorName}
      </a>
      {comment.authorName === comment.author ? null : <span class="handle"> @{comment.author}</span>}
    </>
  );
}
