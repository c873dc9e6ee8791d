import { PostForm } from "./forms.js";

/**
 * The one-key save and, beside it, "Save to…" (the reader's other collections: a page without scripts, a menu
 * in place with library.js).
 */
export function SaveControls(props: { paperId: string; saved: boolean; back: string }) {
  return (
    <>
      <SaveButton {...props} />
      <a class="save-to" href={`/papers/${props.paperId}/save-to?back=${encodeURIComponent(props.back)}`}>
        Save to…
      </a>
    </>
  );
}

/**
 * The one-key save: puts the paper in the viewer's "Saved" collection or takes it out, as a plain form that
 * comes back to this page. keys.js and pages' scripts find it by `data-save`.
 */
export function SaveButton({ paperId, saved, back }: { paperId: string; saved: boolean; back: string }) {
  return (
    <PostForm action="/save" class="inline save-form">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="on" value={saved ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        class="save"
        data-save=""
        aria-pressed={saved ? "true" : "false"}
        title={saved ? "In your Saved collection: take it out" : "Put it in your Saved collection"}
      >
        {saved ? "Saved" : "Save"}
      </button>
    </PostForm>
  );
}
