import type { ComponentChildren } from "preact";
import type { Day } from "../../core/listing-day.js";
import type { PaperSummary } from "../../core/paper.js";
import { Coins } from "./coins.js";
import { MathText } from "./math-text.js";
import { AuthorList, CategoryList, CommentCount, UpvoteCount } from "./paper-meta.js";

export interface PaperCardProps {
  readonly paper: PaperSummary;
  /** Today's listing day: papers featured on it carry the "new" mark. */
  readonly today?: Day | null;
  /** The paper's votes and comments (PaperStats with its upvote button); plain counts when absent. */
  readonly children?: ComponentChildren;
}

/** One paper in a list. keys.js moves between `data-paper` elements and opens their `data-paper-link`. */
export function PaperCard({ paper, today, children }: PaperCardProps) {
  const titleId = `title-${paper.id.replace("/", "-")}`;
  return (
    <article class="paper-card" id={`paper-${paper.id}`} data-paper={paper.id} aria-labelledby={titleId}>
      <h2 class="paper-title" id={titleId}>
        <a href={`/papers/${paper.id}`} data-paper-link="">
          <MathText text={paper.title} />
        </a>
        {today && paper.listingDay === today ? <span class="new-mark">new</span> : null}
      </h2>
      <p class="paper-authors">
        <AuthorList authors={paper.authors} limit={12} />
      </p>
      <Coins paper={paper} />
      <p class="paper-abstract">
        <MathText text={paper.abstract} />
      </p>
      <div class="paper-meta">
        <CategoryList categories={paper.categories} />
        {children ?? (
          <p class="paper-stats">
            <UpvoteCount paper={paper} />
            <CommentCount id={paper.id} count={paper.commentCount} />
          </p>
        )}
      </div>
    </article>
  );
}
