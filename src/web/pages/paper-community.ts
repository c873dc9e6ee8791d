import type { FastifyRequest } from "fastify";
import { commentsOn } from "../../community/comments.js";
import { savedAmong } from "../../community/saves.js";
import { upvotedPapers } from "../../community/upvotes.js";
import { type Day, todaysListingDay } from "../../core/listing-day.js";
import type { Paper } from "../../core/paper.js";
import { papersOfTheDay } from "../../lists/papers-of-the-day.js";
import type { Services } from "../../services.js";
import type { CommentRow } from "../../storage/comments.js";

/** What the paper page shows beyond the paper: the viewer's upvote, its rank on its day, and its comments. */
export interface PaperCommunity {
  readonly upvoted: boolean;
  /** Whether the paper is in the viewer's "Saved" collection. */
  readonly saved: boolean;
  readonly rank: number | undefined;
  readonly comments: readonly CommentRow[];
  /** Today's listing day, the default for a curator featuring the paper. */
  readonly today: Day;
}

export async function paperCommunity(
  services: Services,
  request: FastifyRequest,
  paper: Paper,
): Promise<PaperCommunity> {
  const { database } = services;
  const account = request.account;
  const [upvoted, saved, ranks, comments] = await Promise.all([
    account ? upvotedPapers(database, account.id, [paper.id]) : Promise.resolve(new Set<string>()),
    account ? savedAmong(database, account.id, [paper.id]) : Promise.resolve(new Set<string>()),
    paper.listingDay
      ? papersOfTheDay(database, paper.listingDay)
      : Promise.resolve(new Map<string, number>()),
    commentsOn(database, paper.id),
  ]);
  return {
    upvoted: upvoted.has(paper.id),
    saved: saved.has(paper.id),
    rank: ranks.get(paper.id),
    comments,
    today: todaysListingDay(services.clock),
  };
}
