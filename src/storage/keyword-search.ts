import { sql } from "kysely";
import type { Database } from "./database.js";
import { keywordSearchPostgres } from "./postgres/keyword-search.js";
import { fts5Phrase, keywordSearchSqlite } from "./sqlite/keyword-search.js";

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
  readonly offset: number;
  readonly limit: number;
}

export interface KeywordResult {
  /** Paper ids, best first. */
  readonly ids: readonly string[];
  /** Relevance of each id (BM25 on SQLite, ts_rank on PostgreSQL; 0 when only filtered): higher is better. */
  readonly scores: readonly number[];
  /** How many papers match in all. */
  readonly total: number;
}

/** BM25-ranked keyword search (FTS5 on SQLite, weighted tsvector on PostgreSQL) with filters and paging. */
export function keywordSearch(database: Database, request: KeywordRequest): Promise<KeywordResult> {
  return database.capabilities.fullText === "fts5"
    ? keywordSearchSqlite(database.kysely, request)
    : keywordSearchPostgres(database.kysely, request);
}

/**
 * How many papers hold a word or phrase, counted no further than `cap`: enough to tell a rare word from a
 * common one without reading a common word's whole posting list.
 */
export async function countMatchesUpTo(database: Database, phrase: string, cap: number): Promise<number> {
  const query =
    database.capabilities.fullText === "fts5"
      ? sql<{ n: number }>`select count(*) as n from (select 1 from papers_fts
          where papers_fts match ${fts5Phrase(phrase)} limit ${cap}) as hits`
      : sql<{ n: number }>`select count(*) as n from (select 1 from paper_search
          where document @@ phraseto_tsquery('english', ${phrase}) limit ${cap}) as hits`;
  const result = await query.execute(database.kysely);
  return Number(result.rows[0]?.n ?? 0);
}

/** Papers whose title equals this text, ignoring case: the exact-title match that ranks first. */
export async function papersTitled(database: Database, title: string): Promise<string[]> {
  if (title.trim() === "") return [];
  const rows = await database.kysely
    .selectFrom("papers")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["title"]), "=", title.trim().toLowerCase()))
    .limit(5)
    .execute();
  return rows.map((row) => row.id);
}
