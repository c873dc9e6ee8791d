import { hasRole } from "../../core/account.js";
import type { CommentRow } from "../../storage/comments.js";
import { renderCommentMarkdown } from "../markdown.js";
import { useViewer } from "../viewer.js";
import { CommentAuthor } from "./comment-author.js";
import { PostForm } from "./forms.js";
import { mailIsOff } from "./mail-notice.js";

export interface CommentNode {
  readonly comment: CommentRow;
  readonly replies: readonly CommentRow[];
}

/** Groups comments into threads one level deep, oldest first. */
export function threadComments(comments: readonly CommentRow[]): CommentNode[] {
  const replies = new Map<number, CommentRow[]>();
  for (const c of comments)
    if (c.parentId !== null) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  return comments
    .filter((c) => c.parentId === null)
    .map((comment) => ({ comment, replies: replies.get(comment.id) ?? [] }));
}

export function CommentSection({ paperId, comments }: { paperId: string; comments: readonly CommentRow[] }) {
  const { account, path, mail } = useViewer();
  return (
    <section id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {threadComments(comments).map((node) => (
        <Thread key={node.comment.id} node={node} paperId={paperId} />
      ))}
      {account ? (
        <CommentForm paperId={paperId} label="Add a comment" />
      ) : mailIsOff(mail) ? null : (
        <p class="comment-sign-in">
          <a href={`/login?next=${encodeURIComponent(path)}`}>Sign in</a> to comment.
        </p>
      )}
    </section>
  );
}

function Thread({ node, paperId }: { node: CommentNode; paperId: string }) {
  const { account } = useViewer();
  const visibleReplies = node.replies.filter((r) =>
    shown(r, account !== null && hasRole(account, "curator")),
  );
  return (
    <article class="comment" id={`comment-${node.comment.id}`}>
      <CommentBody comment={node.comment} hasReplies={visibleReplies.length > 0} />
      <div class="replies">
        {node.replies.map((reply) => (
          <article class="comment" id={`comment-${reply.id}`} key={reply.id}>
            <CommentBody comment={reply} hasReplies={false} />
          </article>
        ))}
        {account && !node.comment.deletedAt ? (
          <details>
            <summary>Reply</summary>
            <CommentForm paperId={paperId} parentId={node.comment.id} label="Your reply" />
          </details>
        ) : null}
      </div>
    </article>
  );
}

function shown(comment: CommentRow, curator: boolean): boolean {
  return !comment.deletedAt && (!comment.hiddenAt || curator);
}

function CommentBody({ comment, hasReplies }: { comment: CommentRow; hasReplies: boolean }) {
  const { account } = useViewer();
  const curator = account !== null && hasRole(account, "curator");
  if (!shown(comment, curator)) {
    if (!hasReplies) return null;
    return <p class="comment-meta">{comment.deletedAt ? "[deleted]" : "[hidden by a curator]"}</p>;
  }
  return (
    <div class={comment.hiddenAt ? "comment-hidden" : undefined}>
      <p class="comment-meta">
        <CommentAuthor comment={comment} /> ·{" "}
        <a href={`#comment-${comment.id}`} class="comment-time">
          <Moment instant={comment.createdAt} />
        </a>
        {comment.editedAt ? (
          <>
            {" · edited "}
            <Moment instant={comment.editedAt} />
          </>
        ) : null}
        {comment.hiddenAt ? " · hidden" : null}
      </p>
      {/* Sanitised by construction: markdown-it with raw HTML off and only http(s)/mailto links. */}
      <div class="comment-body" dangerouslySetInnerHTML={{ __html: renderCommentMarkdown(comment.body) }} />
      <CommentActions comment={comment} curator={curator} own={account?.id === comment.authorId} />
    </div>
  );
}

function CommentActions({ comment, curator, own }: { comment: CommentRow; curator: boolean; own: boolean }) {
  if (!own && !curator) return null;
  // A <div>: a <p> cannot hold a form, and the parser would end it before the first one.
  return (
    <div class="comment-actions">
      {own ? <a href={`/comments/${comment.id}/edit`}>Edit</a> : null}{" "}
      {own ? (
        <PostForm action={`/comments/${comment.id}/delete`} class="inline">
          <button type="submit" class="link-button">
            Delete
          </button>
        </PostForm>
      ) : null}{" "}
      {curator ? (
        <PostForm action={`/comments/${comment.id}/${comment.hiddenAt ? "restore" : "hide"}`} class="inline">
          <button type="submit" class="link-button">
            {comment.hiddenAt ? "Restore" : "Hide"}
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}

const EXACT = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * An instant, written exactly (UTC) and kept exact on hover; public/times.js rewrites the text as "3 hours ago"
 * in the reader's browser, so a page kept rendered for hours never shows a stale "just now".
 */
function Moment({ instant }: { readonly instant: string }) {
  const exact = `${EXACT.format(new Date(instant))} UTC`;
  return (
    <time datetime={instant} title={exact} data-relative="">
      {exact}
    </time>
  );
}

export function CommentForm({
  paperId,
  parentId,
  label,
}: {
  paperId: string;
  parentId?: number;
  label: string;
}) {
  const id = parentId ? `reply-${parentId}` : "comment-body";
  return (
    <PostForm action="/comments" class="stacked">
      <input type="hidden" name="paper" value={paperId} />
      {parentId ? <input type="hidden" name="parent" value={String(parentId)} /> : null}
      <label for={id}>{label}</label>
      <textarea id={id} name="body" rows={4} required maxLength={5000} />
      <small>Markdown: *emphasis*, `code`, [links](https://…), lists and quotes. No HTML.</small>
      <button type="submit">Post</button>
    </PostForm>
  );
}
