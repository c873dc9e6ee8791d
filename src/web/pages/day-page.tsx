import type { Day } from "../../core/listing-day.js";
import type { PaperSummary } from "../../storage/papers.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { formatDay } from "../format.js";
import { type ListMarks, PaperList } from "./paper-list.js";

export interface DayPageProps {
  readonly day: Day;
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly previousDay: Day | null;
  readonly nextDay: Day | null;
  readonly marks: ListMarks;
}

export function DayPage(props: DayPageProps) {
  const { day, papers, total, page, pageCount } = props;
  return (
    <Layout
      title={`Papers of ${formatDay(day)}`}
      description={`${total} papers featured on ${day}`}
      head={<FeedLinks path={`/feeds/day/${day}`} title={`Papers of ${day}`} />}
    >
      <section class="list-header">
        <h1>Daily Papers</h1>
        <p class="list-date">
          <time datetime={day}>{formatDay(day)}</time> · {total} {total === 1 ? "paper" : "papers"}
        </p>
        <SubscribeCta />
        <DayNavigation {...props} />
        <FollowList path={`/feeds/day/${day}`} />
      </section>
      {papers.length === 0 ? (
        <p class="empty">No papers were featured on this day.</p>
      ) : (
        <PaperList papers={papers} start={(page - 1) * 50 + 1} marks={props.marks} />
      )}
      {pageCount > 1 ? <Pagination day={day} page={page} pageCount={pageCount} /> : null}
    </Layout>
  );
}

function DayNavigation({ previousDay, nextDay }: DayPageProps) {
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

function Pagination({ day, page, pageCount }: { day: Day; page: number; pageCount: number }) {
  const href = (n: number) => `/papers/date/${day}${n === 1 ? "" : `?page=${n}`}`;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? <a href={href(page - 1)}>← Previous page</a> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <a href={href(page + 1)}>More papers →</a> : <span />}
    </nav>
  );
}
