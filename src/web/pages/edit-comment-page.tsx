import type { CommentRow } from "../../storage/comments.js";
import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";

export function EditCommentPage({ comment }: { comment: CommentRow }) {
  return (
    <Layout title="Edit your comment">
      <section class="narrow">
        <h1>Edit your comment</h1>
        <PostForm action={`/comments/${comment.id}/edit`} class="stacked">
          <label for="body">Comment</label>
          <textarea id="body" name="body" rows={8} required maxLength={5000}>
            {comment.body}
          </textarea>
          <button type="submit">Save</button>
        </PostForm>
        <p>
          <a href={`/papers/${comment.paperId}#comment-${comment.id}`}>Back to the paper</a>
        </p>
      </section>
    </Layout>
  );
}
