import type { Day } from "../../core/listing-day.js";
import type { TriageList } from "../../lists/triage.js";
import { COLD_START_SIGNALS } from "../../ranking/for-you.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import type { PaperMarks } from "../components/signal-actions.js";
import { TriageRow } from "../components/triage-row.js";
import { formatDay } from "../format.js";
import { Kept } from "../kept-fragment.js";
import { useViewer } from "../viewer.js";
import { Reasons } from "./for-you-page.js";

export interface NewPapersPageProps {
  readonly list: TriageList;
  /** The viewer's marks by paper id (empty for someone not signed in). */
  readonly marks: ReadonlyMap<string, PaperMarks>;
  /** Why the front page shows this instead of a curated list, when it does. */
  readonly frontPageReason?: string;
  /** Who may submit papers, and so feature new ones by upvoting or saving them. */
  readonly submitterRole: string;
}

const NO_MARKS: PaperMarks = { upvoted: false, saved: false, notInterested: false };
const count = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/** The address of the view with one filter changed. */
function viewHref(day: Day, category: string | null, unseen: boolean): string {
  const query = new URLSearchParams();
  if (category) query.set("category", category);
  if (unseen) query.set("unseen", "1");
  const text = query.toString();
  return `/papers/new/${day}${text ? `?${text}` : ""}`;
}

/** The triage view: every new paper of an arXiv day as a compact row, with filters and counts. */
export function NewPapersPage(props: NewPapersPageProps) {
  const { list } = props;
  return (
    <Layout
      title={`New papers of ${formatDay(list.day)}`}
      description={`${list.dayTotal} papers arXiv announced on ${list.day}`}
      head={<FeedLinks path={list.feedPath} title={list.title} />}
    >
      <NewPapersHeader {...props} />
      {list.papers.length === 0 ? (
        <p class="empty">No new papers match these filters.</p>
      ) : (
        <ol class="triage-list">
          {list.papers.map((paper) => {
            const marks = props.marks.get(paper.id) ?? NO_MARKS;
            const why = list.forYou?.why.get(paper.id);
            return (
              <Kept key={paper.id} tag="li" contentKey={JSON.stringify([paper, marks, why])}>
                <TriageRow paper={paper} marks={marks}>
                  <Reasons why={why} />
                </TriageRow>
              </Kept>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}

/** In which order the rows stand: For you for a signed-in reader (saying when it has too little to learn from). */
function SortedBy({ list }: { readonly list: TriageList }) {
  if (!list.forYou) return <>in arXiv order</>;
  if (list.forYou.coldStart)
    return (
      <>
        sorted <a href="/papers/for-you">For you</a>: with fewer than {COLD_START_SIGNALS} signals (upvotes,
        saves, not-interested marks, follows) to learn from, what you follow comes first, then trending
        papers, then arXiv order
      </>
    );
  return (
    <>
      sorted <a href="/papers/for-you">For you</a>, learnt from your upvotes, saves, not-interested marks and
      follows
    </>
  );
}

function NewPapersHeader(props: NewPapersPageProps) {
  const { list } = props;
  const { day, featured } = list;
  return (
    <section class="list-header">
      <h1>New papers</h1>
      <p class="list-date">
        <time datetime={day}>{formatDay(day)}</time> · {count(list.dayTotal, "paper")} arXiv announced,{" "}
        <SortedBy list={list} />
      </p>
      {props.frontPageReason ? <p class="notice">{props.frontPageReason}</p> : null}
      <p>
        {featured > 0 ? (
          <>
            <a href={`/papers/date/${day}`}>{count(featured, "paper")} featured on this day's list</a>.
          </>
        ) : (
          "Nothing from this day is featured yet."
        )}{" "}
        An upvote or save by {props.submitterRole === "admin" ? "an" : "a"} {props.submitterRole} features a
        new paper on its day's list.
      </p>
      <nav class="day-nav" aria-label="Other days">
        {list.previousDay ? (
          <a rel="prev" href={`/papers/new/${list.previousDay}`}>
            ← Previous day
          </a>
        ) : (
          <span />
        )}
        {list.nextDay ? (
          <a rel="next" href={`/papers/new/${list.nextDay}`}>
            Next day →
          </a>
        ) : null}
      </nav>
      <TriageFilters list={list} />
      <FollowList path={list.feedPath} />
    </section>
  );
}

function TriageFilters({ list }: { readonly list: TriageList }) {
  const { day, category, categories, unseenOnly, papers } = list;
  const { account } = useViewer();
  return (
    <nav class="triage-filters" aria-label="Filter the new papers">
      <ul class="category-filter">
        <li>
          <a href={viewHref(day, null, unseenOnly)} aria-current={category === null ? "page" : undefined}>
            All
          </a>
        </li>
        {categories.map((c) => (
          <li key={c.category}>
            <a
              href={viewHref(day, c.category, unseenOnly)}
              aria-current={category === c.category ? "page" : undefined}
            >
              {c.category} <span class="count">{c.papers}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="triage-shown">
        Showing {count(papers.length, "paper")}
        {category ? ` in ${category}` : ""}
        {account ? (
          <>
            {" · "}
            <a href={viewHref(day, category, !unseenOnly)}>
              {unseenOnly ? "Show read papers too" : "Unseen only"}
            </a>
          </>
        ) : null}
      </p>
    </nav>
  );
}
