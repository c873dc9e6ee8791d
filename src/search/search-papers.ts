import type { PaperSummary } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { isDeadlineError, withoutDeadline } from "../storage/deadline.js";
import { keywordSearch, papersTitled } from "../storage/keyword-search.js";
import type { PaperFilters } from "../storage/keyword-types.js";
import { getSummaries } from "../storage/papers.js";
import { budgeted, type SearchBudget } from "./budget.js";
import { fuseRankings, type Scored } from "./fusion.js";
import { type Feedback, HYBRID, NO_FEEDBACK } from "./hybrid.js";
import { keywordRanking } from "./keyword.js";
import { parseQuery } from "./query/parse.js";
import { hasFilters, isEmptyQuery, positiveWords, type SearchQuery } from "./query/tree.js";
import type { SemanticIndex } from "./semantic-index.js";

export const SEARCH_MODES = ["keyword", "semantic", "hybrid"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** Deepest result Paperboy pages to (HF stops at 120). */
export const MAX_RESULTS = 1000;

export interface SearchRequest {
  readonly q: string;
  readonly mode: SearchMode;
  readonly offset: number;
  readonly limit: number;
  /** Filters given apart from the query text (form fields, API parameters), added to the query's own. */
  readonly filters?: Partial<PaperFilters>;
}

export interface SearchOutcome {
  readonly query: SearchQuery;
  readonly mode: SearchMode;
  /** Set when the query named a paper this instance has: show it rather than a list. */
  readonly goTo: string | null;
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** The search ran out of its time budget: these are the best results found in time. */
  readonly partial: boolean;
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
  readonly partial?: boolean;
}

const NOTHING_IN_TIME: Ranking = { ids: [], total: 0, partial: true };

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
export function searchPapers(deps: SearchDependencies, request: SearchRequest): Promise<SearchOutcome> {
  return deps.budget ? budgeted(deps.budget, request, () => search(deps, request)) : search(deps, request);
}

async function search(deps: SearchDependencies, request: SearchRequest): Promise<SearchOutcome> {
  const query = parseQuery(request.q);
  const base = { query, mode: request.mode, offset: request.offset, limit: request.limit, partial: false };
  if (query.arxivId) {
    const [paper] = await getSummaries(deps.database, [query.arxivId]);
    return { ...base, goTo: paper ? paper.id : null, papers: paper ? [paper] : [], total: paper ? 1 : 0 };
  }
  const filters = mergeFilters(query, request.filters);
  if (isEmptyQuery(query) && !hasFilters(filters)) return { ...base, goTo: null, papers: [], total: 0 };
  const window = Math.min(request.offset + request.limit, MAX_RESULTS);
  const ranking = await inTime(rank(deps, query, filters, request.mode, window), NOTHING_IN_TIME);
  const titled = request.offset === 0 ? await inTime(exactTitles(deps.database, query, filters), null) : [];
  const ids = [...new Set([...(titled ?? []), ...ranking.ids])].slice(request.offset, window);
  const papers = await withoutDeadline(() => getSummaries(deps.database, ids));
  const partial = ranking.partial === true || titled === null;
  return { ...base, goTo: null, papers, total: Math.max(ranking.total, titled?.length ?? 0), partial };
}

async function rank(
  deps: SearchDependencies,
  query: SearchQuery,
  filters: PaperFilters,
  mode: SearchMode,
  window: number,
): Promise<Ranking> {
  if (mode === "keyword" || positiveWords(query).length === 0) {
    return keywordRanking(deps.database, query, filters, window);
  }
  const depth = Math.max(window, HYBRID.depth);
  if (mode === "semantic") {
    const semantic = await semanticRanking(deps, query, filters, depth, NO_FEEDBACK);
    return { ids: semantic.ids.slice(0, window), total: semantic.ids.length };
  }
  const keyword = await inTime(keywordRanking(deps.database, query, filters, depth), {
    ...NOTHING_IN_TIME,
    scores: [],
  });
  const feedback = { papers: keyword.ids.slice(0, HYBRID.feedbackPapers), weight: HYBRID.feedbackWeight };
  const semantic = await inTime(semanticRanking(deps, query, filters, depth, feedback), null);
  if (semantic === null) return { ...keyword, ids: keyword.ids.slice(0, window), partial: true };
  const fused = fuseRankings(keyword, semantic, HYBRID.fusion);
  const partial = keyword.partial === true;
  return { ids: fused.slice(0, window), total: Math.max(keyword.total, fused.length), partial };
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
