import { PERIOD_DEFAULT_SORT } from "../../lists/featured.js";
import type { PeriodList } from "../../lists/period.js";
import type { FeaturedSort } from "../../storage/featured.js";
import { CiteExport } from "../components/cite-export.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { Pagination } from "../components/pagination.js";
import { PeriodTabs } from "../components/period-tabs.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { ListedPapers, type ListMarks } from "./listed-papers.js";

export interface PeriodPageProps {
  readonly list: PeriodList;
  readonly marks: ListMarks;
}

const periodPath = ({ kind, key }: { kind: string; key: string }) => `/papers/${kind}/${key}`;

export function PeriodPage({ list, marks }: PeriodPageProps) {
  const { period, total } = list;
  const noun = period.kind === "week" ? "week" : "month";
  return (
    <Layout title={list.title} head={<FeedLinks path={list.feedPath} title={list.title} />}>
      <section class="list-header">
        <h1>Papers of the {noun}</h1>
        <PeriodTabs current={period.kind} day={list.lastDay ?? period.first} />
        <p class="list-date">
          {period.key}: <time datetime={period.first}>{period.first}</time> to{" "}
          <time datetime={period.last}>{period.last}</time> · {total} {total === 1 ? "paper" : "papers"}
        </p>
        <nav class="day-nav" aria-label={`Other ${noun}s`}>
          {list.previous ? (
            <a rel="prev" href={periodPath(list.previous)}>
              ← Previous {noun}
            </a>
          ) : (
            <span />
          )}
          {list.next ? (
            <a rel="next" href={periodPath(list.next)}>
              Next {noun} →
            </a>
          ) : null}
        </nav>
        <SubscribeCta />
        <FollowList path={list.feedPath} />
        {total > 0 ? <CiteExport path={periodPath(period)} count={total} /> : null}
        <SortChoice list={list} />
      </section>
      {list.papers.length === 0 ? (
        <p class="empty">No papers were featured in this {noun}.</p>
      ) : (
        <ListedPapers list={list} marks={marks} />
      )}
      <Pagination list={list} />
    </Layout>
  );
}

const SORTS: readonly { sort: FeaturedSort; label: string }[] = [
  { sort: "upvotes", label: "most upvoted" },
  { sort: "featured", label: "newest day first" },
];

function SortChoice({ list }: { readonly list: PeriodList }) {
  const href = (sort: FeaturedSort) =>
    `${periodPath(list.period)}${sort === PERIOD_DEFAULT_SORT ? "" : `?sort=${sort}`}`;
  return (
    <p class="sort">
      Sort:{" "}
      {SORTS.map(({ sort, label }, index) => (
        <>
          {index > 0 ? " · " : null}
          {sort === list.sort ? <strong>{label}</strong> : <a href={href(sort)}>{label}</a>}
        </>
      ))}
    </p>
  );
}
