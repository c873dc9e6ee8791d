import { COMMENT_WEIGHT, TRENDING_WINDOW_DAYS } from "../../ranking/trending.js";
import type { TrendingEntry } from "../../ranking/trending-list.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { Kept } from "../kept-fragment.js";
import type { ListMarks } from "./paper-list.js";

const number = (value: number, digits: number) => value.toFixed(digits).replace(/\.?0+$/, "") || "0";

/** Why a paper is where it is: the parts of its trending score, in words a reader can check. */
export function TrendingWhy({ entry }: { entry: TrendingEntry }) {
  const { why } = entry;
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

export function TrendingPage({ entries, marks }: { entries: readonly TrendingEntry[]; marks: ListMarks }) {
  return (
    <Layout
      title="Trending papers"
      description="Papers the community is upvoting and discussing now"
      head={<FeedLinks path="/feeds/trending" title="Trending papers" />}
    >
      <section class="list-header">
        <h1>Trending papers</h1>
        <p class="list-date">
          Papers featured in the last {TRENDING_WINDOW_DAYS} days, by upvotes and comments, discounted by age.{" "}
          <a href="/about#trending">The formula</a>
        </p>
        <SubscribeCta />
        <FollowList path="/feeds/trending" />
      </section>
      {entries.length === 0 ? (
        <p class="empty">Nothing is trending yet: upvote or comment on recent papers.</p>
      ) : (
        <ol class="paper-list">
          {entries.map((entry) => {
            const upvoted = marks.upvoted.has(entry.paper.id);
            const saved = marks.saved.has(entry.paper.id);
            const isNew = Boolean(marks.today) && entry.paper.listingDay === marks.today;
            return (
              <Kept key={entry.paper.id} tag="li" contentKey={JSON.stringify([entry, upvoted, saved, isNew])}>
                <PaperCard paper={entry.paper} today={marks.today ?? null}>
                  <PaperStats paper={entry.paper} upvoted={upvoted} saved={saved} />
                  <TrendingWhy entry={entry} />
                </PaperCard>
              </Kept>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}
