import type { PaperSummary } from "../../core/paper.js";
import { useViewer } from "../viewer.js";
import { PostForm } from "./forms.js";
import { SaveButton } from "./save-button.js";

/** What the viewer has already said about one paper. */
export interface PaperMarks {
  readonly upvoted: boolean;
  /** In the viewer's "Saved" collection (library's one-key save). */
  readonly saved: boolean;
  readonly notInterested: boolean;
}

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/**
 * A signal as a plain form (it works without JavaScript); keys.js posts forms with `data-action` by fetch instead,
 * and turns `on` round from the answer, so the page neither reloads nor loses its place.
 */
function SignalForm({
  action,
  paperId,
  on,
  label,
  pressed,
  kind,
  extra,
}: {
  readonly action: string;
  readonly paperId: string;
  readonly on: boolean;
  readonly label: string;
  readonly pressed: boolean;
  readonly kind: string;
  readonly extra?: Record<string, string>;
}) {
  const { path } = useViewer();
  return (
    <PostForm action={action} class="inline">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="on" value={on ? "1" : "0"} />
      <input type="hidden" name="back" value={path} />
      <button
        type="submit"
        class={`signal signal-${kind}`}
        aria-pressed={pressed ? "true" : "false"}
        data-action={kind}
        {...extra}
      >
        {label}
      </button>
    </PostForm>
  );
}

/** Upvote, save and not interested for a compact row; a sign-in link for people who are not signed in. */
export function SignalActions({
  paper,
  marks,
}: {
  readonly paper: PaperSummary;
  readonly marks: PaperMarks;
}) {
  const { account, path } = useViewer();
  const external = paper.externalUpvotes ?? 0;
  const votes = plural(paper.upvotes + external, "upvote");
  if (!account)
    return (
      <p class="signal-actions">
        <a class="upvote-count" href={`/login?next=${encodeURIComponent(path)}`} title="Sign in to upvote">
          ▲ {votes}
        </a>
      </p>
    );
  return (
    <p class="signal-actions">
      <SignalForm
        action="/upvote"
        kind="upvote"
        paperId={paper.id}
        on={!marks.upvoted}
        pressed={marks.upvoted}
        label={`▲ ${votes}`}
        extra={{ "data-external": String(external) }}
      />
      <SaveButton paperId={paper.id} saved={marks.saved} back={path} />
      <SignalForm
        action="/not-interested"
        kind="not-interested"
        paperId={paper.id}
        on={!marks.notInterested}
        pressed={marks.notInterested}
        label={marks.notInterested ? "Hidden: show again" : "Not interested"}
      />
    </p>
  );
}
