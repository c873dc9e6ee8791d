import type { DayList } from "../../lists/day.js";
import { CiteExport } from "../components/cite-export.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { Pagination } from "../components/pagination.js";
import { PeriodTabs } from "../components/period-tabs.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { formatDay } from "../format.js";
import { ListedPapers, type ListMarks } from "./listed-papers.js";

export interface DayPageProps {
  readonly list: DayList;
  readonly marks: ListMarks;
}

export function DayPage({ list, marks }: DayPageProps) {
  const { day, total } = list;
  return (
    <Layout
      title={`Papers of ${formatDay(day)}`}
      description={`${total} papers featured on ${day}`}
      head={<FeedLinks path={list.feedPath} title={list.title} />}
    >
      <section class="list-header">
        <h1>Daily Papers</h1>
        <PeriodTabs current="day" day={day} />
        <p class="list-date">
          <time datetime={day}>{formatDay(day)}</time> · {total} {total === 1 ? "paper" : "papers"}
        </p>
        <SubscribeCta />
        <DayNavigation list={list} />
        <FollowList path={list.feedPath} />
        {total > 0 ? <CiteExport path={`/papers/date/${day}`} count={total} /> : null}
      </section>
      {list.papers.length === 0 ? (
        <p class="empty">No papers were featured on this day.</p>
      ) : (
        <ListedPapers list={list} marks={marks} ranks={list.ranks} />
      )}
      <Pagination list={list} />
    </Layout>
  );
}

function DayNavigation({ list }: { readonly list: DayList }) {
  const { previousDay, nextDay } = list;
  return (
    <nav class="day-nav" aria-label="Other days">
      {previousDay ? (
        <a rel="prev" href={`/papers/date/${previousDay}`}>
          ← Previous day
        </a>
      ) : (
        <span />
      )}
      {nextDay ? (
        <a rel="next" href={`/papers/date/${nextDay}`}>
          Next day →
        </a>
      ) : null}
    </nav>
  );
}
