import type { Database } from "./database.js";
import type { KeywordRequest, KeywordResult } from "./keyword-types.js";
import { keywordSearchPostgres } from "./postgres/keyword-search.js";
import { fts5Phrases, keywordSearchSqlite } from "./sqlite/keyword-search.js";
import { wordFrequencies } from "./word-frequencies.js";

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

/** How many papers hold each phrase, exactly (kept for an hour: word-frequencies.ts), in the order given. */
async function documentCounts(database: Database, phrases: readonly string[]): Promise<number[]> {
  const folded = phrases.map((phrase) => phrase.toLowerCase());
  const counts = await wordFrequencies(database, folded, Number.MAX_SAFE_INTEGER);
  return folded.map((phrase) => counts.get(phrase) ?? 0);
}
