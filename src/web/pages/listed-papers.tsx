import type { Day } from "../../core/listing-day.js";
import type { PaperList } from "../../lists/paper-list.js";
import type { TrendingExplanation } from "../../ranking/trending.js";
import { HideRead } from "../components/hide-read.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";
import { TrendingWhy } from "../components/trending-why.js";
import { Kept } from "../kept-fragment.js";

export interface ListMarks {
  /** Papers the viewer has upvoted. */
  readonly upvoted: ReadonlySet<string>;
  /** Papers in the viewer's "Saved" collection. */
  readonly saved: ReadonlySet<string>;
  /** Papers the viewer has read (opened or marked). */
  readonly read: ReadonlySet<string>;
  /** Leave the read papers out of the list (`?hide=read`). */
  readonly hideRead: boolean;
  /** Today's listing day (America/New_York): papers featured on it carry the "new" mark. */
  readonly today?: Day | null;
}

export interface ListedPapersProps {
  readonly list: PaperList;
  readonly marks: ListMarks;
  /** Paper-of-the-day ranks by paper id (day lists). */
  readonly ranks?: ReadonlyMap<string, number>;
  /** Why each paper is where it is (the trending list). */
  readonly reasons?: ReadonlyMap<string, TrendingExplanation>;
}

/** A list's papers, numbered from the list's page, each with its upvote button and counts. */
export function ListedPapers({ list, marks, ranks, reasons }: ListedPapersProps) {
  const shown = marks.hideRead ? list.papers.filter((paper) => !marks.read.has(paper.id)) : list.papers;
  return (
    <>
      <HideRead marks={marks} hidden={list.papers.length - shown.length} />
      <ol class="paper-list" start={(list.page - 1) * list.pageSize + 1}>
        {shown.map((paper) => {
          const read = marks.read.has(paper.id);
          const upvoted = marks.upvoted.has(paper.id);
          const saved = marks.saved.has(paper.id);
          const rank = ranks?.get(paper.id);
          const why = reasons?.get(paper.id);
          const isNew = Boolean(marks.today) && paper.listingDay === marks.today;
          return (
            <Kept
              key={paper.id}
              tag="li"
              contentKey={JSON.stringify([paper, upvoted, saved, read, rank ?? 0, isNew, why])}
            >
              <PaperCard paper={paper} today={marks.today ?? null}>
                <PaperStats paper={paper} upvoted={upvoted} saved={saved} read={read} rank={rank} />
                {why ? <TrendingWhy why={why} /> : null}
              </PaperCard>
            </Kept>
          );
        })}
      </ol>
    </>
  );
}
