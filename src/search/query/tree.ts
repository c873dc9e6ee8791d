import type { Day } from "../../core/listing-day.js";

/** A single word or a quoted phrase; `text` is what the user typed, without quotes. */
export interface Words {
  readonly kind: "word" | "phrase";
  readonly text: string;
}

/**
 * One clause of the query. Clauses are joined by AND: every `include` clause must match, no `exclude` clause
 * may. An `any` clause is an OR group: one of its alternatives must match.
 */
export type Clause =
  | { readonly kind: "include"; readonly words: Words }
  | { readonly kind: "exclude"; readonly words: Words }
  | { readonly kind: "any"; readonly options: readonly Words[] };

export interface Filters {
  readonly categories: readonly string[];
  readonly authors: readonly string[];
  /** Published on or after this day. */
  readonly after: Day | null;
  /** Published on or before this day. */
  readonly before: Day | null;
}

/** A parsed search query: either an arXiv id (go straight to the paper) or clauses and filters. */
export interface SearchQuery {
  /** The input, trimmed. */
  readonly raw: string;
  /** Set when the whole input is an arXiv id or an arXiv / Hugging Face URL. */
  readonly arxivId: string | null;
  readonly clauses: readonly Clause[];
  readonly filters: Filters;
  /** The words and phrases to match, without operators: what exact-title and semantic search look at. */
  readonly text: string;
  /** Parts of the input that could not be read as operators and were taken as plain words. */
  readonly notes: readonly string[];
}

export const NO_FILTERS: Filters = Object.freeze({ categories: [], authors: [], after: null, before: null });

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.arxivId === null && query.clauses.length === 0 && !hasFilters(query.filters);
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.categories.length > 0 ||
    filters.authors.length > 0 ||
    filters.after !== null ||
    filters.before !== null
  );
}

/** The positive words and phrases of a query, for highlighting and for semantic search. */
export function positiveWords(query: SearchQuery): Words[] {
  return query.clauses.flatMap((clause) => {
    if (clause.kind === "include") return [clause.words];
    if (clause.kind === "any") return [...clause.options];
    return [];
  });
}
