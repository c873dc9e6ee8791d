import type { Day } from "../../core/listing-day.js";
import type { PaperSummary } from "../../core/paper.js";
import type { PaperList } from "../../lists/paper-list.js";
import type { TrendingExplanation } from "../../ranking/trending.js";
import { HideRead } from "../components/hide-read.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";
import { TrendingWhy } from "../components/trending-why.js";
import { TriageRow } from "../components/triage-row.js";
import { ViewToggle } from "../components/view-toggle.js";
import { Kept } from "../kept-fragment.js";
import { type ListView, viewOfPath } from "../list-view.js";
import { NO_MARKS, type PaperMarks, PaperSlot } from "../overlay/paper-slot.js";
import { useViewer } from "../viewer.js";

export interface ListMarks {
  /** The viewer's marks by paper id (papers without any are left out). */
  readonly byPaper: ReadonlyMap<string, PaperMarks>;
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

/**
 * A list's papers, numbered from the list's page: full cards with their upvote button and counts, or one compact
 * row each when the address asks for `view=compact` (the toggle above the list). Papers the reader is not
 * interested in are left out, and so are read ones on request. Each paper is a slot that the page shared by
 * signed-in readers fills per reader (overlay.ts).
 */
export function ListedPapers(props: ListedPapersProps) {
  const { list, marks } = props;
  const view = viewOfPath(useViewer().path);
  const hidden = marks.hideRead ? list.papers.filter((paper) => marks.byPaper.get(paper.id)?.read).length : 0;
  return (
    <>
      <ViewToggle view={view} />
      <HideRead marks={marks} hidden={hidden} />
      <ol
        class={view === "compact" ? "triage-list" : "paper-list"}
        start={(list.page - 1) * list.pageSize + 1}
      >
        {list.papers.map((paper) => (
          <PaperSlot
            key={paper.id}
            paperId={paper.id}
            marks={marks.byPaper.get(paper.id) ?? NO_MARKS}
            render={renderPaper(paper, view, props)}
          />
        ))}
      </ol>
    </>
  );
}

/** How one paper's place shows for given marks: nothing when the reader hid it, else a card or a compact row. */
function renderPaper(paper: PaperSummary, view: ListView, { marks, ranks, reasons }: ListedPapersProps) {
  return (paperMarks: PaperMarks) => {
    if (paperMarks.notInterested || (marks.hideRead && paperMarks.read)) return null;
    if (view === "compact") return compactRow(paper, paperMarks);
    const { upvoted, saved, read } = paperMarks;
    const rank = ranks?.get(paper.id);
    const why = reasons?.get(paper.id);
    const today = marks.today ?? null;
    const isNew = Boolean(today) && paper.listingDay === today;
    return (
      <Kept tag="li" contentKey={JSON.stringify([paper, upvoted, saved, read, rank ?? 0, isNew, why])}>
        <PaperCard paper={paper} today={today}>
          <PaperStats paper={paper} upvoted={upvoted} saved={saved} read={read} rank={rank} />
          {why ? <TrendingWhy why={why} /> : null}
        </PaperCard>
      </Kept>
    );
  };
}

function compactRow(paper: PaperSummary, { upvoted, saved }: PaperMarks) {
  const rowMarks = { upvoted, saved, notInterested: false };
  return (
    <Kept tag="li" contentKey={JSON.stringify(["compact", paper, rowMarks])}>
      <TriageRow paper={paper} marks={rowMarks} />
    </Kept>
  );
}
