import type { Period } from "../../core/periods.js";
import type { PaperSummary } from "../../storage/papers.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { type ListMarks, PaperList } from "./paper-list.js";

export type PeriodSort = "upvotes" | "featured";

export interface PeriodPageProps {
  readonly period: Period;
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly sort: PeriodSort;
  readonly previous: string;
  readonly next: string;
  readonly marks: ListMarks;
}

function periodHref(period: Period): string {
  return `/papers/${period.kind}/${period.key}`;
}

export function PeriodPage(props: PeriodPageProps) {
  const { period, papers, total, page, pageCount, sort } = props;
  const noun = period.kind === "week" ? "week" : "month";
  const href = (n: number, s: PeriodSort = sort) => {
    const query = new URLSearchParams();
    if (s !== "upvotes") query.set("sort", s);
    if (n > 1) query.set("page", String(n));
    const text = query.toString();
    return `${periodHref(period)}${text ? `?${text}` : ""}`;
  };
  return (
    <Layout
      title={`Papers of ${noun} ${period.key}`}
      head={
        <FeedLinks path={`/feeds/${period.kind}/${period.key}`} title={`Papers of ${noun} ${period.key}`} />
      }
    >
      <section class="list-header">
        <h1>Papers of the {noun}</h1>
        <p class="list-date">
          {period.key}: <time datetime={period.first}>{period.first}</time> to{" "}
          <time datetime={period.last}>{period.last}</time> · {total} {total === 1 ? "paper" : "papers"}
        </p>
        <nav class="day-nav" aria-label={`Other ${noun}s`}>
          <a rel="prev" href={`/papers/${period.kind}/${props.previous}`}>
            ← Previous {noun}
          </a>
          <a rel="next" href={`/papers/${period.kind}/${props.next}`}>
            Next {noun} →
          </a>
        </nav>
        <SubscribeCta />
        <FollowList path={`/feeds/${period.kind}/${period.key}`} />
        <p class="sort">
          Sort:{" "}
          {sort === "upvotes" ? <strong>most upvoted</strong> : <a href={href(1, "upvotes")}>most upvoted</a>}{" "}
          ·{" "}
          {sort === "featured" ? (
            <strong>newest day first</strong>
          ) : (
            <a href={href(1, "featured")}>newest day first</a>
          )}
        </p>
      </section>
      {papers.length === 0 ? (
        <p class="empty">No papers were featured in this {noun}.</p>
      ) : (
        <PaperList papers={papers} start={(page - 1) * 50 + 1} marks={props.marks} />
      )}
      {pageCount > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {page > 1 ? <a href={href(page - 1)}>← Previous page</a> : <span />}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <a href={href(page + 1)}>More papers →</a> : <span />}
        </nav>
      ) : null}
    </Layout>
  );
}
