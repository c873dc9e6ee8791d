import { truncateWords } from "../../core/text.js";
import { positiveWords } from "../../search/query/tree.js";
import type { SearchOutcome } from "../../search/search-papers.js";
import type { PaperSummary } from "../../storage/papers.js";
import { Highlight, highlightPattern } from "../components/highlight.js";
import { Layout } from "../components/layout.js";
import { AuthorList, CategoryList } from "../components/paper-meta.js";

export interface SearchPageProps {
  readonly outcome: SearchOutcome;
  /** The request's own parameters, kept in the paging links. */
  readonly params: Readonly<Record<string, string>>;
  /** Papers stored but not yet in the keyword index, counted up to one more than `notIndexedCap`. */
  readonly notIndexed?: number;
  readonly notIndexedCap?: number;
}

export function SearchPage({ outcome, params, notIndexed = 0, notIndexedCap = 0 }: SearchPageProps) {
  const { query, papers, total } = outcome;
  const pattern = highlightPattern(positiveWords(query).map((w) => w.text));
  const title = query.raw === "" ? "Search" : `Search: ${query.raw}`;
  return (
    <Layout title={title} searchQuery={query.raw}>
      <section class="list-header">
        <h1>Search</h1>
        <ModeChoice params={params} mode={outcome.mode} />
        {query.raw === "" ? null : (
          <p class="result-count" role="status">
            {total === 0
              ? "No papers match"
              : `${total.toLocaleString("en-US")} ${total === 1 ? "paper" : "papers"}`}{" "}
            for <q>{query.raw}</q>
          </p>
        )}
        {query.notes.map((note) => (
          <p class="notice">{note}</p>
        ))}
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
        <EmptyState outcome={outcome} />
      ) : (
        <Results outcome={outcome} pattern={pattern} />
      )}
      <Pagination outcome={outcome} params={params} />
    </Layout>
  );
}

function Results({ outcome, pattern }: { readonly outcome: SearchOutcome; readonly pattern: RegExp | null }) {
  return (
    <ol class="paper-list" start={outcome.offset + 1}>
      {outcome.papers.map((paper) => (
        <li key={paper.id}>
          <Result paper={paper} pattern={pattern} />
        </li>
      ))}
    </ol>
  );
}

function Result({ paper, pattern }: { readonly paper: PaperSummary; readonly pattern: RegExp | null }) {
  return (
    <article class="paper-card search-result">
      <h2 class="paper-title">
        <a href={`/papers/${paper.id}`}>
          <Highlight text={paper.title} pattern={pattern} />
        </a>
      </h2>
      <p class="paper-authors">
        <AuthorList authors={paper.authors} limit={12} /> · {paper.id}
        {paper.published ? ` · ${paper.published.slice(0, 10)}` : null}
      </p>
      <CategoryList categories={paper.categories} />
      <p class="paper-abstract">
        <Highlight text={truncateWords(paper.abstract, 400)} pattern={pattern} />
      </p>
    </article>
  );
}

function EmptyState({ outcome }: { readonly outcome: SearchOutcome }) {
  if (outcome.query.raw === "") {
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
  if (outcome.query.arxivId) {
    return (
      <p class="empty">
        Paper {outcome.query.arxivId} is not on this instance yet.{" "}
        <a href={`https://arxiv.org/abs/${outcome.query.arxivId}`}>See it on arXiv</a>.
      </p>
    );
  }
  return <p class="empty">No papers match. Try fewer words, drop a filter, or switch to semantic search.</p>;
}

function link(params: Readonly<Record<string, string>>, change: Record<string, string>): string {
  const merged = new URLSearchParams({ ...params, ...change });
  if (merged.get("page") === "1") merged.delete("page");
  return `/search?${merged.toString()}`;
}

function ModeChoice({
  params,
  mode,
}: {
  readonly params: Readonly<Record<string, string>>;
  readonly mode: string;
}) {
  return (
    <nav class="search-modes" aria-label="Search mode">
      {(["hybrid", "keyword", "semantic"] as const).map((m) =>
        m === mode ? (
          <strong aria-current="true">{m}</strong>
        ) : (
          <a href={link(params, { mode: m, page: "1" })}>{m}</a>
        ),
      )}
    </nav>
  );
}

function Pagination({
  outcome,
  params,
}: {
  readonly outcome: SearchOutcome;
  readonly params: Readonly<Record<string, string>>;
}) {
  const page = Math.floor(outcome.offset / outcome.limit) + 1;
  const shown = Math.min(outcome.total, 1000);
  const pageCount = Math.max(1, Math.ceil(shown / outcome.limit));
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={link(params, { page: String(page - 1) })}>
          ← Previous page
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={link(params, { page: String(page + 1) })}>
          More results →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
