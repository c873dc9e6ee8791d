import type { Day } from "../../core/listing-day.js";
import type { PaperSummary } from "../../storage/papers.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";
import { Kept } from "../kept-fragment.js";

export interface ListMarks {
  /** Papers the viewer has upvoted. */
  readonly upvoted: ReadonlySet<string>;
  /** Papers in the viewer's "Saved" collection. */
  readonly saved: ReadonlySet<string>;
  /** Paper-of-the-day ranks by paper id. */
  readonly ranks: ReadonlyMap<string, number>;
  /** Today's listing day (America/New_York): papers featured on it carry the "new" mark. */
  readonly today?: Day | null;
}

export const NO_MARKS: ListMarks = { upvoted: new Set(), saved: new Set(), ranks: new Map() };

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
      {papers.map((paper) => {
        const upvoted = marks.upvoted.has(paper.id);
        const saved = marks.saved.has(paper.id);
        const rank = marks.ranks.get(paper.id);
        const isNew = Boolean(marks.today) && paper.listingDay === marks.today;
        return (
          <Kept
            key={paper.id}
            tag="li"
            contentKey={JSON.stringify([paper, upvoted, saved, rank ?? 0, isNew])}
          >
            <PaperCard paper={paper} today={marks.today ?? null}>
              <PaperStats paper={paper} upvoted={upvoted} saved={saved} rank={rank} />
            </PaperCard>
          </Kept>
        );
      })}
    </ol>
  );
}
