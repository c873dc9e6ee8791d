import { type Candidate, type ForYouReason, type Scored, scoreForYou } from "../ranking/for-you.js";
import type { FeaturedPaper } from "./corpus.js";
import type { ReaderModel } from "./reader-model.js";

/** One paper of a reader's For you: its score (margin units, see ranking/for-you.ts). */
export interface ForYouPick {
  readonly paperId: string;
  readonly score: number;
}

/** Candidates in a reader's order, and why any one of them stands there. */
export interface RankedPapers {
  /** Best first. */
  readonly picks: readonly ForYouPick[];
  /** The paper's reasons (none for a paper not among the candidates). */
  reasons(paperId: string): readonly ForYouReason[];
}

const candidateOf = (paper: FeaturedPaper): Candidate => ({
  features: paper.features,
  authors: paper.authors,
  categories: paper.row.categories,
});

const byScore = (a: ForYouPick, b: ForYouPick) =>
  b.score - a.score || (a.paperId < b.paperId ? 1 : a.paperId > b.paperId ? -1 : 0);

/**
 * The candidates ranked by the reader's model. The follow reasons come with the scores; "like *X*" (the candidate
 * against every liked paper) is worked out only for the papers someone asks about, once each: a page shows 30
 * of about a thousand candidates.
 */
export function rankByModel(
  reader: ReaderModel,
  papers: readonly FeaturedPaper[],
  dimensions: number,
): RankedPapers {
  const scored = scoreForYou(reader.model, papers.map(candidateOf), reader.follows, dimensions);
  const place = new Map(papers.map((paper, i) => [paper.row.id, i]));
  const explained = new Map<string, readonly ForYouReason[]>();
  const explain = (paperId: string, i: number) => {
    const paper = papers[i];
    const follows = scored[i]?.reasons ?? [];
    const like = paper ? reader.liked.reasonFor(paper.features, paperId) : null;
    return like ? [...follows, like] : follows;
  };
  return {
    picks: papers.map((paper, i) => ({ paperId: paper.row.id, score: scored[i]?.score ?? 0 })).sort(byScore),
    reasons(paperId) {
      const i = place.get(paperId);
      if (i === undefined) return [];
      const kept = explained.get(paperId) ?? explain(paperId, i);
      explained.set(paperId, kept);
      return kept;
    },
  };
}

/** A paper that only trends says so; one lifted by a follow says which. */
const coldReasons = (scored: Scored | undefined, trend: number): readonly ForYouReason[] => {
  const reasons = scored?.reasons ?? [];
  return reasons.length === 0 && trend > 0 ? [{ kind: "trending" }] : reasons;
};

/**
 * The cold-start order: followed authors and categories first (the same priors the model adds), then the
 * trending score, then the newest.
 */
export function rankColdStart(
  reader: ReaderModel,
  papers: readonly FeaturedPaper[],
  trending: ReadonlyMap<string, number>,
): RankedPapers {
  const scored = scoreForYou(null, papers.map(candidateOf), reader.follows, 0);
  const why = new Map(
    papers.map((paper, i) => {
      const trend = trending.get(paper.row.id) ?? 0;
      return [
        paper.row.id,
        { score: (scored[i]?.score ?? 0) + trend, reasons: coldReasons(scored[i], trend) },
      ];
    }),
  );
  return {
    picks: [...why].map(([paperId, { score }]) => ({ paperId, score })).sort(byScore),
    reasons: (paperId) => why.get(paperId)?.reasons ?? [],
  };
}
