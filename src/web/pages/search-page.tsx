import type { PaperSummary } from "../../core/paper.js";
import { shortenTex } from "../../core/tex-cut.js";
import type { SearchList } from "../../lists/search.js";
import type { ResultKind } from "../../search/result-kinds.js";
import { withParameter } from "../address.js";
import { CiteExport } from "../components/cite-export.js";
import { Coins } from "../components/coins.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { highlightPattern } from "../components/highlight.js";
import { Layout } from "../components/layout.js";
import { MathText, TexText } from "../components/math-text.js";
import { Pagination } from "../components/pagination.js";
import { AuthorList, CategoryList } from "../components/paper-meta.js";
import { PaperStats } from "../components/paper-stats.js";
import { SearchSummary, SortChoice } from "../components/search-summary.js";
import type { ListMarks } from "./listed-papers.js";

export interface SearchPageProps {
  readonly list: SearchList;
  readonly marks: ListMarks;
  /** Papers stored but not yet in the keyword index, counted up to one more than `notIndexedCap`. */
  readonly notIndexed?: number;
  readonly notIndexedCap?: number;
}

export function SearchPage({ list, marks, notIndexed = 0, notIndexedCap = 0 }: SearchPageProps) {
  const { query, papers, total } = list;
  const pattern = highlightPattern(list.words);
  return (
    <Layout
      title={list.title}
      searchQuery={query.raw}
      head={
        query.raw === "" ? null : <FeedLinks path={list.feedPath} query={list.feedQuery} title={list.title} />
      }
    >
      <section class="list-header">
        <h1>Search</h1>
        <ModeChoice list={list} />
        {query.raw === "" ? null : <SearchSummary list={list} />}
        <SortChoice list={list} />
        {query.raw === "" ? null : <FollowList path={list.feedPath} query={list.feedQuery} />}
        {total > 0 ? <CiteExport path="/search" query={exportQuery(list.pagePath)} /> : null}
        {query.notes.map((note) => (
          <p class="notice">{note}</p>
        ))}
        {list.semanticBuilding ? (
          <p class="notice">
            Semantic search is still being built after a first start (its model trains, then every paper gets
            a vector: most of a minute). Until it is ready, papers found only by meaning may be missing.
          </p>
        ) : null}
        {list.partial ? (
          <p class="notice">
            This search ran out of time: these are the best results found in time, and there may be more.
          </p>
        ) : null}
        {notIndexed > 0 ? (
          <p class="notice">
            {notIndexed > notIndexedCap
              ? `More than ${notIndexedCap.toLocaleString("en-US")} recently imported papers are`
              : `${notIndexed.toLocaleString("en-US")} recently imported ${notIndexed === 1 ? "paper is" : "papers are"}`}{" "}
            still being added to the keyword index; until then keyword and hybrid search may miss them.
          </p>
        ) : null}
      </section>
      {papers.length === 0 ? (
        <EmptyState list={list} />
      ) : (
        <Results list={list} marks={marks} pattern={pattern} />
      )}
      <Pagination list={list} />
    </Layout>
  );
}

/** The search's own parameters, less the page: an export holds the first results whatever page is shown. */
function exportQuery(pagePath: string): string {
  const parameters = new URLSearchParams(pagePath.split("?")[1] ?? "");
  parameters.delete("page");
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

interface ResultsProps {
  readonly list: SearchList;
  readonly marks: ListMarks;
  readonly pattern: RegExp | null;
}

function Results({ list, marks, pattern }: ResultsProps) {
  return (
    <ol class="paper-list" start={(list.page - 1) * list.pageSize + 1}>
      {list.papers.map((paper) => {
        const paperMarks = marks.byPaper.get(paper.id);
        return (
          <li key={paper.id}>
            <Result paper={paper} kind={list.kinds.get(paper.id)} pattern={pattern}>
              <PaperStats paper={paper} upvoted={paperMarks?.upvoted ?? false} saved={paperMarks?.saved} />
            </Result>
          </li>
        );
      })}
    </ol>
  );
}

/** Characters of an abstract a result shows: about three lines at desktop width. */
const RESULT_ABSTRACT_CHARACTERS = 400;

const KIND_LABELS: Partial<Record<ResultKind, string>> = {
  partial: "some of the words",
  related: "related in meaning",
};

interface ResultProps {
  readonly paper: PaperSummary;
  readonly kind: ResultKind | undefined;
  readonly pattern: RegExp | null;
  readonly children: preact.ComponentChildren;
}

/** One result; keys.js moves between `data-paper` elements, opens their link and presses their upvote. */
function Result({ paper, kind, pattern, children }: ResultProps) {
  const label = kind ? KIND_LABELS[kind] : undefined;
  return (
    <article class="paper-card search-result" data-paper={paper.id}>
      <h2 class="paper-title">
        <a href={`/papers/${paper.id}`} data-paper-link="">
          <MathText text={paper.title} mark={pattern} />
        </a>
        {label ? <span class="result-kind">{label}</span> : null}
      </h2>
      <p class="paper-authors">
        <AuthorList authors={paper.authors} limit={12} /> · {paper.id}
        <ResultDate paper={paper} />
      </p>
      <Coins paper={paper} />
      <p class="paper-abstract">
        <TexText nodes={shortenTex(paper.abstract, RESULT_ABSTRACT_CHARACTERS)} mark={pattern} />
      </p>
      <div class="paper-meta">
        <CategoryList categories={paper.categories} />
        {children}
      </div>
    </article>
  );
}

/**
 * The date that sorting by date uses (storage's PAPER_DATE): the v1 date, else the arXiv day that announced the
 * paper, else the day it was featured, each said for what it is.
 */
function ResultDate({ paper }: { readonly paper: PaperSummary }) {
  const [label, day] = paper.published
    ? ["", paper.published.slice(0, 10)]
    : paper.arxivDay
      ? ["announced ", paper.arxivDay]
      : ["featured ", paper.listingDay];
  if (!day) return null;
  return (
    <>
      {` · ${label}`}
      <time datetime={day}>{day}</time>
    </>
  );
}

function EmptyState({ list }: { readonly list: SearchList }) {
  if (list.query.raw === "") {
    return (
      <div class="empty">
        <p>Type words, an arXiv id or a title. Operators:</p>
        <ul>
          <li>
            <code>"exact phrase"</code>, <code>-excluded</code>, <code>diffusion OR flow</code>
          </li>
          <li>
            <code>cat:cs.LG</code>, <code>author:"Yann LeCun"</code>, <code>after:2025-01-01</code>,{" "}
            <code>before:2025-06</code>, <code>year:2025</code>
          </li>
        </ul>
      </div>
    );
  }
  const { arxivId } = list.query;
  if (arxivId) {
    return (
      <p class="empty">
        Paper {arxivId} is not on this instance yet.{" "}
        <a href={`https://arxiv.org/abs/${arxivId}`}>See it on arXiv</a>.
      </p>
    );
  }
  return (
    <p class="empty">
      {list.matched === null ? "Semantic search found nothing near these words. " : null}Try fewer words, drop
      a filter, or check the spelling.
    </p>
  );
}

function ModeChoice({ list }: { readonly list: SearchList }) {
  return (
    <nav class="search-modes" aria-label="Search mode">
      {(["hybrid", "keyword", "semantic"] as const).map((m) =>
        m === list.mode ? (
          <strong aria-current="true">{m}</strong>
        ) : (
          <a href={withParameter(list.pagePath, "mode", m)}>{m}</a>
        ),
      )}
    </nav>
  );
}
