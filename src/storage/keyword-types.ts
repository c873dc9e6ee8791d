/** Narrowing conditions on papers, applied the same way by every search mode and backend. */
export interface PaperFilters {
  readonly categories: readonly string[];
  /** Each is matched as a case-insensitive part of some author's name. */
  readonly authors: readonly string[];
  /** Published on or after this day (YYYY-MM-DD). */
  readonly after: string | null;
  /** Published on or before this day (YYYY-MM-DD). */
  readonly before: string | null;
}

/**
 * The text a keyword search must match: every group in `all` (a group matches when one of its phrases does)
 * and none of `none`. A phrase of one word is a word. With `any`, one phrase from any group is enough.
 */
export interface TextMatch {
  readonly all: readonly (readonly string[])[];
  readonly none: readonly string[];
  readonly any: boolean;
}

export interface KeywordRequest {
  /** null: no text to match, list the filtered papers newest first. */
  readonly match: TextMatch | null;
  readonly filters: PaperFilters;
  /** Only these papers may match (to filter another ranking's candidates). */
  readonly within?: readonly string[];
  /** "date": newest first (PAPER_DATE) instead of most relevant first. */
  readonly order?: "relevance" | "date";
  readonly offset: number;
  readonly limit: number;
  /** Another bound than RANK_NEWEST: benchmarks comparing rankings, tests. */
  readonly rankNewest?: number;
}

export interface KeywordResult {
  /** Paper ids, best first. */
  readonly ids: readonly string[];
  /**
   * Relevance of each id (BM25 on SQLite; on PostgreSQL ts_rank when every word must match, a BM25-like sum
   * over the words when any may; 0 when only filtered): higher is better.
   */
  readonly scores: readonly number[];
  /** How many papers match in all (a floor when `rankedNewest` is set). */
  readonly total: number;
  /**
   * Set when more papers matched than a ranking weighs (RANK_NEWEST): the ranking holds
   * the best of the newest this many, and `total` says only that more match.
   */
  readonly rankedNewest?: number;
}

/**
 * How many matches a ranking weighs at most: the newest, in the order papers reached the keyword index (for an
 * arXiv harvest or snapshot, the order of their ids). Past it the count is a floor, and the page says so.
 * Hybrid search, the default, adds the nearest papers in meaning from the whole archive; sorting by date reaches
 * every match. Why each database needs it: sqlite/keyword-search.ts, postgres/keyword-search.ts.
 */
export const RANK_NEWEST = 2_000;
