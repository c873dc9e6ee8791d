import { type PaperSummary, totalUpvotes } from "../core/paper.js";

const monthDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/**
 * Why a paper is in a digest, shown beside it. A saved search or category says its own name. The trending
 * follow fills a quiet period with the period's other featured papers: those are named as featured, never as
 * trending, since nobody has upvoted or discussed them yet.
 */
export function digestReason(follow: string, paper: PaperSummary): string {
  if (follow !== "trending") return follow;
  const upvotes = totalUpvotes(paper);
  if (upvotes > 0 || paper.commentCount > 0) {
    return `trending: ${count(upvotes, "upvote", "upvotes")}, ${count(paper.commentCount, "comment", "comments")}`;
  }
  const day = paper.listingDay ? ` on ${monthDay.format(new Date(`${paper.listingDay}T00:00:00Z`))}` : "";
  return `featured${day}, no upvotes or comments yet`;
}
