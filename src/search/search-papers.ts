import { setImmediate } from "node:timers/promises";
import type { PaperSummary } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { isDeadlineError, withoutDeadline } from "../storage/deadline.js";
import { keywordSearch, papersTitled } from "../storage/keyword-search.js";
import type { PaperFilters } from "../storage/keyword-types.js";
import { getSummaries } from "../storage/papers.js";
import { budgeted, type SearchBudget } from "./budget.js";
import { fuseRankings, type Scored } from "./fusion.js";
import { type Feedback, HYBRID, NO_FEEDBACK } from "./hybrid.js";
import { type KeywordRanking, keywordByDate, keywordRanking } from "./keyword.js";
import { parseQuery } from "./query/parse.js";
import { hasFilters, isEmptyQuery, positiveWords, type SearchQuery } from "./query/tree.js";
import { type ResultKind, resultKinds } from "./result-kinds.js";
import type { SemanticIndex } from "./semantic-index.js";
import { isStopword } from "./stopwords.js";

export const SEARCH_MODES = ["keyword", "semantic", "hybrid"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
/** Most relevant first, or newest first (the papers holding every word; semantic search has no date order). */
export const SEARCH_SORTS = ["relevance", "date"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Deepest result Paperboy pages to (HF stops at 120). */
export const MAX_RESULTS = 1000;

export interface SearchRequest {
  readonly q: string;
  readonly mode: SearchMode;
  readonly offset: number;
  readonly limit: number;
  readonly sort?: SearchSort;
  /** Filters given apart from the query text (form fields, API parameters), added to the query's own. */
  readonly filters?: Partial<PaperFilters>;
}

export interface SearchOutcome {
  readonly query: SearchQuery;
  readonly mode: SearchMode;
  /** Set when the query named a paper this instance has: show it rather than a list. */
  readonly goTo: string | null;
  readonly sort: SearchSort;
  readonly papers: readonly PaperSummary[];
  /** How many results there are to page through: matches, then papers holding some words, then neighbours. */
  readonly total: number;
  /** How many papers hold every word of the query; null for semantic search, which ranks by meaning alone. */
  readonly matched: number | null;
  /**
   * Set when at least this many papers hold every word, as many as keyword ranking weighs: it ranked the newest
   * this many of them (storage/keyword-types.ts, RANK_NEWEST), and `matched` is a floor.
   */
  readonly rankedNewest: number | null;
  /** How each of `papers` stands to the query's words (keyword and hybrid search). */
  readonly kinds: ReadonlyMap<string, ResultKind>;
  /** The words keyword search looked for (common words left out), to highlight. */
  readonly words: readonly string[];
  readonly offset: number;
  readonly limit: number;
  /** The search ran out of its time budget: these are the best results found in time. */
  readonly partial: boolean;
  /** Semantic search is still being built (a first start): its share of the results may be missing. */
  readonly semanticBuilding: boolean;
}

export interface SearchDependencies {
  readonly database: Database;
  readonly semantic: SemanticIndex;
  /** Time limit, gate and sharing for searches answered to readers (search/budget.ts); none for jobs. */
  readonly budget?: SearchBudget;
}

/** One ranked list of paper ids for the whole request window, and how many match in all. */
interface Ranking {
  readonly ids: readonly string[];
  readonly total: number;
  readonly partial?: boolean | undefined;
  /** The keyword ranking it holds (null: semantic search, or keyword search out of time). */
  readonly keyword: KeywordRanking | null;
}

const NOTHING_IN_TIME: Ranking = { ids: [], total: 0, partial: true, keyword: null };

function fromKeyword(keyword: KeywordRanking): Ranking {
  return { ids: keyword.ids, total: keyword.total, partial: keyword.partial, keyword };
}

/** A ranking step stopped at the search's deadline yields what it had: nothing, marked partial. */
function inTime<T>(step: Promise<T>, instead: T): Promise<T> {
  return step.catch((error: unknown) => {
    if (isDeadlineError(error)) return instead;
    throw error;
  });
}

/** Filters given as form fields or API parameters (`cat`, `author`, `after`, `before`). */
export function searchFilters(input: {
  readonly cat?: string | undefined;
  readonly author?: string | undefined;
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}): PaperFilters {
  return {
    categories: input.cat ? [input.cat] : [],
    authors: input.author ? [input.author] : [],
    after: input.after ?? null,
    before: input.before ?? null,
  };
}

export function mergeFilters(query: SearchQuery, extra: Partial<PaperFilters> = {}): PaperFilters {
  const f = query.filters;
  return {
    categories: [...f.categories, ...(extra.categories ?? [])],
    authors: [...f.authors, ...(extra.authors ?? [])],
    after:
      [f.after, extra.after ?? null]
        .filter((d) => d !== null)
        .sort()
        .at(-1) ?? null,
    before:
      [f.before, extra.before ?? null]
        .filter((d) => d !== null)
        .sort()
        .at(0) ?? null,
  };
}

/**
 * The search box: an arXiv id goes to its paper; otherwise an exact title match first, then the chosen ranking
 * (keyword, semantic, or both fused), filtered and paged.
 */
export async function searchPapers(deps: SearchDependencies, request: SearchRequest): Promise<SearchOutcome> {
  if (!deps.budget) return search(deps, request);
  const outcome = await budgeted(deps.budget, request, () => search(deps, request));
  // What the reader's request does next (rendering a page of results, several milliseconds on this thread) waits
  // until the requests that are already waiting have had their turn: a burst of searches answered at once must
  // not hold a cached page behind all of their result pages.
  await setImmediate();
  return outcome;
}

async function search(deps: SearchDependencies, request: SearchRequest): Promise<SearchOutcome> {
  const query = parseQuery(request.q);
  const sort = request.mode === "semantic" ? "relevance" : (request.sort ?? "relevance");
  const base = {
    ...{ query, mode: request.mode, sort, offset: request.offset, limit: request.limit, partial: false },
    ...{ kinds: new Map<string, ResultKind>(), words: highlighted(query) },
    semanticBuilding: request.mode !== "keyword" && deps.semantic.isBuilding,
    rankedNewest: null,
  };
  if (query.arxivId) {
    const [paper] = await getSummaries(deps.database, [query.arxivId]);
    const found = paper ? [paper] : [];
    return {
      ...base,
      goTo: paper ? paper.id : null,
      papers: found,
      total: found.length,
      matched: found.length,
    };
  }
  const filters = mergeFilters(query, request.filters);
  if (isEmptyQuery(query) && !hasFilters(filters))
    return { ...base, goTo: null, papers: [], total: 0, matched: 0 };
  const window = Math.min(request.offset + request.limit, MAX_RESULTS);
  const first = request.offset === 0 && sort === "relevance";
  // The exact-title lookup needs nothing from the ranking, so it runs beside it: on PostgreSQL every statement
  // waited for in turn is a round trip to another process, which a busy machine makes the slowest part.
  const [ranking, titled] = await Promise.all([
    inTime(rank(deps, query, filters, { ...request, sort }, window), NOTHING_IN_TIME),
    first ? inTime(exactTitles(deps.database, query, filters), null) : [],
  ]);
  const ids = [...new Set([...(titled ?? []), ...ranking.ids])].slice(request.offset, window);
  const [papers, kinds] = await withoutDeadline(() =>
    Promise.all([
      getSummaries(deps.database, ids),
      kindsOf(deps.database, ranking, filters, ids, titled ?? []),
    ]),
  );
  const { keyword } = ranking;
  const matched = request.mode === "semantic" ? null : Math.max(keyword?.matched ?? 0, titled?.length ?? 0);
  const partial = ranking.partial === true || titled === null;
  const total = Math.max(ranking.total, titled?.length ?? 0);
  const words = keyword?.match ? keyword.match.all.flat() : base.words;
  const rankedNewest = matched === null ? null : (keyword?.rankedNewest ?? null);
  return { ...base, goTo: null, papers, total, matched, kinds, words, partial, rankedNewest };
}

function kindsOf(
  database: Database,
  ranking: Ranking,
  filters: PaperFilters,
  ids: readonly string[],
  titled: readonly string[],
): Promise<ReadonlyMap<string, ResultKind>> {
  if (!ranking.keyword) return Promise.resolve(new Map());
  return resultKinds(database, ranking.keyword, filters, ids, titled);
}

/** The query's own words less stop words: what a page highlights when keyword search did not run. */
function highlighted(query: SearchQuery): string[] {
  return positiveWords(query).flatMap((w) => (w.kind === "word" && isStopword(w.text) ? [] : [w.text]));
}

async function rank(
  deps: SearchDependencies,
  query: SearchQuery,
  filters: PaperFilters,
  request: { readonly mode: SearchMode; readonly sort: SearchSort },
  window: number,
): Promise<Ranking> {
  if (request.sort === "date") return fromKeyword(await keywordByDate(deps.database, query, filters, window));
  if (request.mode === "keyword" || positiveWords(query).length === 0) {
    return fromKeyword(await keywordRanking(deps.database, query, filters, window));
  }
  const depth = Math.max(window, HYBRID.depth);
  if (request.mode === "semantic") {
    const semantic = await semanticRanking(deps, query, filters, depth, NO_FEEDBACK);
    return { ids: semantic.ids.slice(0, window), total: semantic.ids.length, keyword: null };
  }
  const keyword = await inTime(keywordRanking(deps.database, query, filters, depth), null);
  const hits = keyword?.ids ?? [];
  const feedback = { papers: hits.slice(0, HYBRID.feedbackPapers), weight: HYBRID.feedbackWeight };
  const semantic = await inTime(semanticRanking(deps, query, filters, depth, feedback), null);
  if (keyword === null)
    return semantic ? { ...NOTHING_IN_TIME, ids: semantic.ids.slice(0, window) } : NOTHING_IN_TIME;
  if (semantic === null) return { ...fromKeyword(keyword), ids: hits.slice(0, window), partial: true };
  const fused = fuseRankings(keyword, semantic, HYBRID.fusion);
  return {
    ...fromKeyword(keyword),
    ids: fused.slice(0, window),
    total: Math.max(keyword.total, fused.length),
  };
}

/** Nearest papers to the query's words, keeping only those that pass the filters and exclusions. */
async function semanticRanking(
  deps: SearchDependencies,
  query: SearchQuery,
  filters: PaperFilters,
  depth: number,
  feedback: Feedback,
): Promise<Scored> {
  const none = query.clauses.flatMap((c) => (c.kind === "exclude" ? [c.words.text] : []));
  const narrowed = hasFilters(filters) || none.length > 0;
  // Filters drop candidates, so look deeper first; an over-narrow filter yields fewer results, never wrong ones.
  const matches = await deps.semantic.searchText(query.text, narrowed ? depth * 4 : depth, feedback);
  const ids = matches.map((m) => m.id);
  if (!narrowed || ids.length === 0) return { ids, scores: matches.map((m) => m.score) };
  const kept = await keywordSearch(deps.database, {
    match: none.length > 0 ? { all: [], none, any: false } : null,
    filters,
    within: ids,
    offset: 0,
    limit: ids.length,
  });
  const allowed = new Set(kept.ids);
  const passing = matches.filter((m) => allowed.has(m.id)).slice(0, depth);
  return { ids: passing.map((m) => m.id), scores: passing.map((m) => m.score) };
}

/** Papers whose title is exactly the query (plain words only, as typed), if they pass the filters. */
async function exactTitles(database: Database, query: SearchQuery, filters: PaperFilters): Promise<string[]> {
  if (query.clauses.some((c) => c.kind !== "include")) return [];
  const text = query.raw.replace(/\s+/g, " ");
  const ids = await papersTitled(database, hasFilters(query.filters) ? query.text : text);
  if (ids.length === 0 || !hasFilters(filters)) return ids;
  const kept = await keywordSearch(database, {
    match: null,
    filters,
    within: ids,
    offset: 0,
    limit: ids.length,
  });
  return [...kept.ids];
}
