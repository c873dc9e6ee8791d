import type { PaperSummary } from "../../storage/papers.js";

/** A paper in Hugging Face's `paper` object shape (field names as /api/daily_papers and /api/papers use them). */
export interface HfPaper {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly { readonly name: string; readonly hidden: boolean }[];
  readonly publishedAt: string | null;
  readonly submittedOnDailyAt: string | null;
  readonly upvotes: number;
  readonly numComments: number;
  /** Paperboy's additions, absent from HF's object. */
  readonly categories: readonly string[];
  readonly withdrawn: boolean;
}

/** A list entry as HF's search and daily lists return it: the paper plus the list-level copies of its fields. */
export interface HfPaperEntry {
  readonly paper: HfPaper;
  readonly publishedAt: string | null;
  readonly title: string;
  readonly summary: string;
  readonly numComments: number;
}

/** The one place a paper's JSON shape is defined. */
export function presentPaper(paper: PaperSummary): HfPaper {
  return {
    id: paper.id,
    title: paper.title,
    summary: paper.abstract,
    authors: paper.authors.map((name) => ({ name, hidden: false })),
    publishedAt: paper.published,
    submittedOnDailyAt: paper.listingDay ? `${paper.listingDay}T00:00:00.000Z` : null,
    upvotes: paper.upvotes + (paper.externalUpvotes ?? 0),
    numComments: paper.commentCount,
    categories: paper.categories,
    withdrawn: paper.withdrawn,
  };
}

export function presentPaperEntry(paper: PaperSummary): HfPaperEntry {
  const presented = presentPaper(paper);
  return {
    paper: presented,
    publishedAt: presented.publishedAt,
    title: presented.title,
    summary: presented.summary,
    numComments: presented.numComments,
  };
}
