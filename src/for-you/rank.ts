import { type Candidate, type ForYouReason, scoreForYou } from "../ranking/for-you.js";
import type { FeaturedPaper } from "./corpus.js";
import type { ReaderModel } from "./reader-model.js";

/** One paper of a reader's For you: its score (margin units, see ranking/for-you.ts) and why it is there. */
export interface ForYouPick {
  readonly paperId: string;
  readonly score: number;
  readonly reasons: readonly ForYouReason[];
}

const candidateOf = (paper: FeaturedPaper): Candidate => ({
  features: paper.features,
  authors: paper.authors,
  categories: paper.row.categories,
});

const byScore = (a: ForYouPick, b: ForYouPick) =>
  b.score - a.score || (a.paperId < b.paperId ? 1 : a.paperId > b.paperId ? -1 : 0);

/** The candidates ranked by the reader's model, each with its follow reasons and the liked paper it is like. */
export function rankByModel(
  reader: ReaderModel,
  papers: readonly FeaturedPaper[],
  dimensions: number,
): ForYouPick[] {
  const scored = scoreForYou(reader.model, papers.map(candidateOf), reader.follows, dimensions);
  return papers
    .map((paper, i) => {
      const like = reader.liked.reasonFor(paper.features, paper.row.id);
      const reasons = scored[i]?.reasons ?? [];
      return {
        paperId: paper.row.id,
        score: scored[i]?.score ?? 0,
        reasons: like ? [...reasons, like] : reasons,
      };
    })
    .sort(byScore);
}

/**
 * The cold-start order: followed authors and categories first (the same priors the model adds), then the
 * trending score, then the newest. A paper that only trends says so.
 */
export function rankColdStart(
  reader: ReaderModel,
  papers: readonly FeaturedPaper[],
  trending: ReadonlyMap<string, number>,
): ForYouPick[] {
  const scored = scoreForYou(null, papers.map(candidateOf), reader.follows, 0);
  return papers
    .map((paper, i) => {
      const trend = trending.get(paper.row.id) ?? 0;
      const reasons = scored[i]?.reasons ?? [];
      const why: ForYouReason[] = reasons.length === 0 && trend > 0 ? [{ kind: "trending" }] : [...reasons];
      return { paperId: paper.row.id, score: (scored[i]?.score ?? 0) + trend, reasons: why };
    })
    .sort(byScore);
}
