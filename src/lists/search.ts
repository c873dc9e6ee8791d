import type { SearchQuery } from "../search/query/tree.js";
import type { ResultKind } from "../search/result-kinds.js";
import {
  MAX_RESULTS,
  type SearchDependencies,
  type SearchMode,
  type SearchSort,
  searchFilters,
  searchPapers,
} from "../search/search-papers.js";
import { offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";

/** What a search asks: the query text, the ranking, and the filters given beside the text (form fields). */
export interface SearchTerms {
  readonly q: string;
  readonly mode: SearchMode;
  readonly sort?: SearchSort | undefined;
  readonly cat?: string | undefined;
  readonly author?: string | undefined;
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}

export interface SearchList extends PaperList {
  readonly query: SearchQuery;
  readonly mode: SearchMode;
  readonly sort: SearchSort;
  /** How many papers hold every word of the query; null for semantic search (see SearchOutcome). */
  readonly matched: number | null;
  /** Keyword ranking weighed only the newest this many of the matching papers, and `matched` is a floor. */
  readonly rankedNewest: number | null;
  /** How each paper on the page stands to the query's words. */
  readonly kinds: ReadonlyMap<string, ResultKind>;
  /** The words keyword search looked for, to highlight. */
  readonly words: readonly string[];
  /** Set when the query named a paper this instance has: show it rather than a list. */
  readonly goTo: string | null;
  /** The search ran out of its time budget: these are the best results found in time (search/budget.ts). */
  readonly partial: boolean;
  /** Semantic search is still being built (a first start): its share of the results may be missing. */
  readonly semanticBuilding: boolean;
}

/** The terms as an address's query string, default mode left out, so the page and feed name the same search. */
export function searchParameters(terms: SearchTerms): string {
  const params = new URLSearchParams({ q: terms.q });
  if (terms.mode !== "hybrid") params.set("mode", terms.mode);
  if (terms.sort === "date") params.set("sort", terms.sort);
  for (const name of ["cat", "author", "after", "before"] as const) {
    const value = terms[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** One page of search results: an exact title first, then the chosen ranking, at most MAX_RESULTS deep. */
export async function searchList(
  deps: SearchDependencies,
  terms: SearchTerms,
  request: PageRequest,
): Promise<SearchList> {
  const outcome = await searchPapers(deps, {
    q: terms.q,
    mode: terms.mode,
    offset: offsetOf(request),
    limit: request.size,
    sort: terms.sort ?? "relevance",
    filters: searchFilters(terms),
  });
  const parameters = searchParameters(terms);
  const heading = {
    title: outcome.query.raw === "" ? "Search" : `Search: ${outcome.query.raw}`,
    description: `Papers matching ${terms.q}`,
    pagePath: `/search?${parameters}`,
    feedPath: "/feeds/search",
    feedQuery: `?${parameters}`,
  };
  const list = paperList(heading, request, outcome.papers, outcome.total);
  const pageCount = Math.max(1, Math.ceil(Math.min(outcome.total, MAX_RESULTS) / request.size));
  return {
    ...list,
    pageCount,
    query: outcome.query,
    mode: outcome.mode,
    sort: outcome.sort,
    matched: outcome.matched,
    rankedNewest: outcome.rankedNewest,
    kinds: outcome.kinds,
    words: outcome.words,
    goTo: outcome.goTo,
    partial: outcome.partial,
    semanticBuilding: outcome.semanticBuilding,
  };
}
