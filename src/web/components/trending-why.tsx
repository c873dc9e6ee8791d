import { COMMENT_WEIGHT, type TrendingExplanation } from "../../ranking/trending.js";

const number = (value: number, digits: number) => value.toFixed(digits).replace(/\.?0+$/, "") || "0";

/** Why a paper is where it is: the parts of its trending score, in words a reader can check. */
export function TrendingWhy({ why }: { readonly why: TrendingExplanation }) {
  if (why.points === 0)
    return (
      <p class="why">
        No upvotes or comments yet: listed after those that have some, newest first.{" "}
        <a href="/about#trending">How trending works</a>
      </p>
    );
  return (
    <details class="why">
      <summary>Why is this here? Score {why.score.toPrecision(3)}</summary>
      <p>
        {why.upvotes} {why.upvotes === 1 ? "upvote" : "upvotes"} + {why.comments}{" "}
        {why.comments === 1 ? "comment" : "comments"} × {COMMENT_WEIGHT} = {number(why.points, 2)} points;
        featured {number(why.ageHours, 1)} hours ago, so the points are divided by {number(why.ageDivisor, 2)}
        . <a href="/about#trending">How trending works</a>
      </p>
    </details>
  );
}
