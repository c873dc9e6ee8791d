import { PostForm } from "./forms.js";

/** Marks a paper read or unread (reading state, private to the reader), as a plain form. */
export function ReadButton({ paperId, read, back }: { paperId: string; read: boolean; back: string }) {
  return (
    <PostForm action="/read" class="inline read-form">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="on" value={read ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="link-button" aria-pressed={read ? "true" : "false"}>
        {read ? "Read ✓ (mark unread)" : "Mark read"}
      </button>
    </PostForm>
  );
}
