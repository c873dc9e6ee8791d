import { sql } from "kysely";
import type { Database } from "./database.js";
import type { KeywordRequest, KeywordResult } from "./keyword-types.js";
import { keywordSearchPostgres } from "./postgres/keyword-search.js";
import { countEachPostgres } from "./postgres/word-counts.js";
import { documentCounts } from "./sqlite/document-counts.js";
import { fts5Phrase, fts5Phrases, keywordSearchSqlite } from "./sqlite/keyword-search.js";

/** BM25-ranked keyword search (FTS5 on SQLite, weighted tsvector on PostgreSQL) with filters and paging. */
export async function keywordSearch(database: Database, request: KeywordRequest): Promise<KeywordResult> {
  const native = database.native;
  if (native.kind !== "sqlite") return keywordSearchPostgres(database.kysely, request);
  const phrases = request.match ? fts5Phrases(request.match) : [];
  const ranked = native.rankWithCounts && phrases.length > 0;
  // Excluded phrases hold no hit in a matching paper: their counts weigh nothing, so none is taken.
  const positive = request.match ? phrases.length - request.match.none.length : 0;
  const counts = ranked
    ? [
        ...(await documentCounts(database, phrases.slice(0, positive))),
        ...phrases.slice(positive).map(() => 0),
      ]
    : null;
  return keywordSearchSqlite(database.kysely, request, counts);
}

/**
 * How many papers hold a word or phrase, counted no further than `cap`: enough to tell a rare word from a
 * common one without reading a common word's whole posting list.
 */
export async function countMatchesUpTo(database: Database, phrase: string, cap: number): Promise<number> {
  return (await countEachUpTo(database, [phrase], cap)).get(phrase) ?? 0;
}

/**
 * countMatchesUpTo for several words or phrases at once. SQLite reads each count from FTS5's own index;
 * PostgreSQL reads the word counts its keyword index keeps (postgres/word-counts.ts).
 */
export async function countEachUpTo(
  database: Database,
  phrases: readonly string[],
  cap: number,
): Promise<Map<string, number>> {
  if (phrases.length === 0) return new Map();
  if (database.capabilities.fullText !== "fts5") return countEachPostgres(database.kysely, phrases, cap);
  const counts = new Map<string, number>();
  for (const phrase of phrases) {
    const result = await sql<{ n: number }>`select count(*) as n from (select 1 from papers_fts
        where papers_fts match ${fts5Phrase(phrase)} limit ${cap}) as hits`.execute(database.kysely);
    counts.set(phrase, Number(result.rows[0]?.n ?? 0));
  }
  return counts;
}

/**
 * Papers whose title equals this text, ignoring case: the exact-title match that ranks first. Both sides are
 * lowered by the database: SQLite's lower() folds ASCII letters only, so a title with "Ω" lowered in
 * JavaScript never met its own row.
 */
export async function papersTitled(database: Database, title: string): Promise<string[]> {
  if (title.trim() === "") return [];
  const rows = await database.kysely
    .selectFrom("papers")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["title"]), "=", eb.fn("lower", [eb.val(title.trim())])))
    .limit(5)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * About how many papers are keyword-indexed, without reading them all: on SQLite the highest search row (rows
 * are numbered as papers reach the index; a deleted paper leaves a gap), on PostgreSQL the planner's estimate
 * of the index table's rows, or a count where it has none yet.
 */
export async function countIndexed(database: Database): Promise<number> {
  if (database.native.kind === "sqlite") {
    const { rows } = await sql<{ n: number | null }>`select max(id) as n from search_rows`.execute(
      database.kysely,
    );
    return Number(rows[0]?.n ?? 0);
  }
  const { rows } = await sql<{ n: number }>`select reltuples as n from pg_class
    where oid = to_regclass('paper_search')`.execute(database.kysely);
  const estimate = Number(rows[0]?.n ?? -1);
  if (estimate >= 0) return estimate;
  const counted = await sql<{ n: string }>`select count(*) as n from paper_search`.execute(database.kysely);
  return Number(counted.rows[0]?.n ?? 0);
}
