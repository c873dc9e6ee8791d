import { type PaperSummary, totalUpvotes } from "../../core/paper.js";
import { IMPORT_ACCOUNT } from "../../ingestion/import-files.js";
import { useViewer } from "../viewer.js";
import { PostForm } from "./forms.js";
import { mailIsOff } from "./mail-notice.js";
import { ReadButton } from "./read-button.js";
import { SaveControls } from "./save-button.js";
import { SubmitterLink } from "./submitter-link.js";

export interface PaperStatsProps {
  readonly paper: PaperSummary;
  readonly upvoted: boolean;
  /** Whether the paper is in the viewer's "Saved" collection (signed-in viewers only). */
  readonly saved?: boolean;
  /** Whether the viewer has read the paper; the button shows on lists only (opening a page reads it). */
  readonly read?: boolean | undefined;
  /** 1 to 3 for the day's papers of the day. */
  readonly rank?: number | undefined;
}

/**
 * Upvotes (a button for signed-in people, a sign-in link otherwise), the save button, comments and the
 * paper-of-the-day rank.
 */
export function PaperStats({ paper, upvoted, saved = false, read, rank }: PaperStatsProps) {
  const { account, path, mail } = useViewer();
  const votes = totalUpvotes(paper);
  const label = `${votes} ${votes === 1 ? "upvote" : "upvotes"}`;
  return (
    <div class="paper-stats">
      {rank ? <span class="rank">#{rank} Paper of the day</span> : null}
      {account ? (
        <PostForm action="/upvote" class="inline">
          <input type="hidden" name="paper" value={paper.id} />
          <input type="hidden" name="on" value={upvoted ? "0" : "1"} />
          <input type="hidden" name="back" value={path} />
          <button
            type="submit"
            class="upvote"
            aria-pressed={upvoted ? "true" : "false"}
            data-action="upvote"
            data-external={String(paper.externalUpvotes ?? 0)}
          >
            ▲ <span class="upvote-count">{label}</span>
          </button>
        </PostForm>
      ) : mailIsOff(mail) ? (
        <span class="upvote-count">▲ {label}</span>
      ) : (
        <a href={`/login?next=${encodeURIComponent(path)}`} class="upvote-count" title="Sign in to upvote">
          ▲ {label}
        </a>
      )}
      {account ? <SaveControls paperId={paper.id} saved={saved} back={path} /> : null}
      {account && read !== undefined ? <ReadButton paperId={paper.id} read={read} back={path} /> : null}
      <a href={`/papers/${paper.id}#comments`} class="comment-count">
        {paper.commentCount} {paper.commentCount === 1 ? "comment" : "comments"}
      </a>
      {paper.submittedBy && paper.submittedBy !== IMPORT_ACCOUNT ? (
        <span class="submitter">
          submitted by <SubmitterLink paper={paper} />
        </span>
      ) : null}
    </div>
  );
}
