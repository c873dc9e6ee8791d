import type { TrendingList } from "../../lists/trending.js";
import { TRENDING_WINDOW_DAYS } from "../../ranking/trending.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { Pagination } from "../components/pagination.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { formatDay } from "../format.js";
import { ListedPapers, type ListMarks } from "./listed-papers.js";

export function TrendingPage({ list, marks }: { readonly list: TrendingList; readonly marks: ListMarks }) {
  return (
    <Layout
      title={list.title}
      description="Papers the community is upvoting and discussing now"
      head={<FeedLinks path={list.feedPath} title={list.title} />}
    >
      <section class="list-header">
        <h1>Trending papers</h1>
        <p class="list-date">
          {list.description}. <a href="/about#trending">The formula</a>
        </p>
        {list.anchoredTo ? (
          <p class="notice">
            Nothing was featured here in the last {TRENDING_WINDOW_DAYS} days, so trending is counted as it
            stood at the end of <time datetime={list.anchoredTo}>{formatDay(list.anchoredTo)}</time>, the
            newest listing day.
          </p>
        ) : null}
        <SubscribeCta />
        <FollowList path={list.feedPath} />
      </section>
      {list.papers.length === 0 ? (
        <p class="empty">Nothing is trending yet: upvote or comment on recent papers.</p>
      ) : (
        <ListedPapers list={list} marks={marks} reasons={list.reasons} />
      )}
      <Pagination list={list} />
    </Layout>
  );
}
