import type { Day } from "../../core/listing-day.js";
import type { PaperSummary } from "../../storage/papers.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";

export interface ListMarks {
  /** Papers the viewer has upvoted. */
  readonly upvoted: ReadonlySet<string>;
  /** Paper-of-the-day ranks by paper id. */
  readonly ranks: ReadonlyMap<string, number>;
  /** Today's listing day (America/New_York): papers featured on it carry the "new" mark. */
  readonly today?: Day | null;
}

export const NO_MARKS: ListMarks = { upvoted: new Set(), ranks: new Map() };

/** A numbered list of papers, each with its upvote button and counts. */
export function PaperList({
  papers,
  start,
  marks,
}: {
  papers: readonly PaperSummary[];
  start: number;
  marks: ListMarks;
}) {
  return (
    <ol class="paper-list" start={start}>
      {papers.map((paper) => (
        <li key={paper.id}>
          <PaperCard paper={paper} today={marks.today ?? null}>
            <PaperStats
              paper={paper}
              upvoted={marks.upvoted.has(paper.id)}
              rank={marks.ranks.get(paper.id)}
            />
          </PaperCard>
        </li>
      ))}
    </ol>
  );
}
