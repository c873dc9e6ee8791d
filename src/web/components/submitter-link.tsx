import type { PaperSummary } from "../../core/paper.js";
import { IMPORT_ACCOUNT } from "../../ingestion/import-files.js";

/**
 * Who featured a paper, as member mentions elsewhere show a member: their display name linking to their member
 * page. Paperboy's own import and a deleted account have no member page and stay plain text.
 */
export function SubmitterLink({
  paper,
}: {
  readonly paper: Pick<PaperSummary, "submittedBy" | "submitterName">;
}) {
  const { submittedBy, submitterName } = paper;
  if (!submittedBy) return null;
  if (submittedBy === IMPORT_ACCOUNT || !submitterName) return <>{submittedBy}</>;
  return (
    <a href={`/members/${encodeURIComponent(submittedBy)}`} class="submitter-link">
      {submitterName}
    </a>
  );
}
