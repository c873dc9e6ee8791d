import type { AuthorPapers } from "../../community/author-papers.js";
import { assetUrl } from "../assets.js";
import { authorHref } from "../components/author-links.js";
import { FollowButton } from "../components/follow-button.js";
import { Layout } from "../components/layout.js";
import type { PaperMarks } from "../components/signal-actions.js";
import { TriageRow } from "../components/triage-row.js";
import { Kept } from "../kept-fragment.js";

export interface AuthorPageProps extends AuthorPapers {
  readonly marks: ReadonlyMap<string, PaperMarks>;
}

const NO_MARKS: PaperMarks = { upvoted: false, saved: false, notInterested: false };

/** `/authors/NAME`: an author's papers here, newest first, with a follow button. */
export function AuthorPage(props: AuthorPageProps) {
  const { name, papers, total } = props;
  return (
    <Layout
      title={name}
      description={`${total} papers by ${name}`}
      head={<link rel="stylesheet" href={assetUrl("triage.css")} />}
    >
      <section class="list-header">
        <h1>{name}</h1>
        <p class="list-date">
          {total} {total === 1 ? "paper" : "papers"} here, newest first
        </p>
        <p>
          <FollowButton kind="author" value={name} following={props.following} />
        </p>
        <p class="author-variants">
          Written as {props.variants.join("; ")}. Names are folded: accents, case and punctuation aside, and
          an initial meets a first name. <a href="/about#authors">How names are matched</a>
        </p>
      </section>
      <ol class="triage-list">
        {papers.map((paper) => {
          const marks = props.marks.get(paper.id) ?? NO_MARKS;
          return (
            <Kept key={paper.id} tag="li" contentKey={JSON.stringify([paper, marks])}>
              <TriageRow paper={paper} marks={marks} />
            </Kept>
          );
        })}
      </ol>
      {props.pageCount > 1 ? <AuthorPagination {...props} /> : null}
    </Layout>
  );
}

function AuthorPagination({ name, page, pageCount }: AuthorPageProps) {
  const href = (n: number) => `${authorHref(name)}${n === 1 ? "" : `?page=${n}`}`;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? <a href={href(page - 1)}>← Newer papers</a> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <a href={href(page + 1)}>Older papers →</a> : <span />}
    </nav>
  );
}
