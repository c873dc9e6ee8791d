import { type Kysely, type RawBuilder, sql } from "kysely";
import { type KeywordRequest, type KeywordResult, RANK_NEWEST, type TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";
import { joinedWord } from "./compounds.js";

/** An FTS5 string literal: the tokenizer splits it, so a quoted run of several words is a phrase. */
export function fts5Phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * What FTS5 searches for a query's word or phrase: a hyphenated word as the one word its compound is indexed as
 * (compounds.ts), anything else as a phrase of its words.
 */
export function fts5Term(text: string): string {
  return fts5Phrase(joinedWord(text) ?? text);
}

function group(phrases: readonly string[]): string {
  return phrases.length === 1 ? fts5Term(phrases[0] ?? "") : `(${phrases.map(fts5Term).join(" OR ")})`;
}

/** The FTS5 MATCH expression for a text match; null when nothing positive is asked for. */
export function fts5Expression(match: TextMatch): string | null {
  if (match.all.length === 0) return null;
  const positive = match.any ? group(match.all.flat()) : match.all.map(group).join(" AND ");
  return match.none.length === 0 ? positive : `${positive} NOT ${group(match.none)}`;
}

/**
 * The phrases of a match in the order FTS5 numbers them (left to right in fts5Expression's text), the excluded
 * ones last: paperboy_bm25 takes one document count per phrase in this order.
 */
export function fts5Phrases(match: TextMatch): string[] {
  return match.all.length === 0 ? [] : [...match.all.flat(), ...match.none];
}

type Db = Kysely<Schema>;

/** Column weights: title, abstract, authors (as migration 0202 configures FTS5's rank). */
const WEIGHTS = sql.raw("3.0, 1.0, 0.5");
/** paperboy_bm25 takes at most this many phrases (native/sqlite-rank.c). */
const MOST_PHRASES = 64;

/**
 * BM25 for a row, smaller is better: paperboy_bm25 with the phrases' document counts where the extension is
 * loaded (`counts`, one per phrase of fts5Phrases), FTS5's own bm25() otherwise.
 */
function bm25(counts: readonly number[] | null): RawBuilder<number> {
  if (counts === null || counts.length === 0 || counts.length > MOST_PHRASES)
    return sql<number>`bm25(papers_fts, ${WEIGHTS})`;
  return sql<number>`paperboy_bm25(papers_fts, ${WEIGHTS}, ${sql.join(counts)})`;
}

export async function keywordSearchSqlite(
  db: Db,
  request: KeywordRequest,
  counts: readonly number[] | null,
): Promise<KeywordResult> {
  const expression = request.match ? fts5Expression(request.match) : null;
  const score = bm25(counts);
  const filters = filterConditions(request.filters, request.within);
  if (expression === null) return listFiltered(db, request, filters);
  if (filters.length === 0 && request.order !== "date") return unfiltered(db, expression, score, request);
  return filtered(db, expression, score, filters, request);
}

/*
 * RANK_NEWEST (keyword-types.ts) here: FTS5 finds matches newest first (by row id) and can stop at any point,
 * but it finds them one candidate at a time, and to score them all or even count them it must reach the last
 * one: "language model" matched 370,000 of 1,000,000 generated papers and took 0.6 s to rank, "agentic
 * in-context" matched 7,747 among 68,000 papers holding its words and took 47 ms only to count.
 */

/**
 * Without filters, ranking stays inside the FTS5 table, and only the page's rows are joined to their papers:
 * joining every match first cost as much again as ranking it (a common word matches 20k papers).
 */
function unfiltered(db: Db, expression: string, score: RawBuilder<number>, request: KeywordRequest) {
  return newestRanked(db, sql`from papers_fts f where papers_fts match ${expression}`, score, request);
}

/**
 * One page of the newest `rankNewest` matches (rows of `from`, which names the FTS5 table `f`), best first: FTS5
 * walks the matches newest first and stops there; they are scored and sorted, and counted on the way.
 */
async function newestRanked(
  db: Db,
  from: RawBuilder<unknown>,
  score: RawBuilder<number>,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const newest = request.rankNewest ?? RANK_NEWEST;
  const { rows } = await sql<Hit>`select r.paper_id as id, hits.score, hits.matches from (
      select rowid, score, count(*) over () as matches from (
        select f.rowid as rowid, -${score} as score ${from} order by f.rowid desc limit ${newest}
      ) order by score desc, rowid desc limit ${request.limit} offset ${request.offset}
    ) as hits join search_rows r on r.id = hits.rowid order by hits.score desc, hits.rowid desc`.execute(db);
  const page = { ids: rows.map((row) => row.id), scores: rows.map((row) => row.score) };
  // A page past the last match has no row to carry the count, which is then asked for on its own.
  const total = rows[0] ? Number(rows[0].matches) : await countUpTo(db, from, newest);
  // As many matches as the bound may be more: the count is then a floor.
  return total < newest ? { ...page, total } : { ...page, total, rankedNewest: newest };
}

/** How many rows `from` yields, counted no further than `cap`. */
async function countUpTo(db: Db, from: RawBuilder<unknown>, cap: number): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 ${from} limit ${cap}) as hits`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** A ranked page: one row per paper, each carrying how many matches were ranked. */
interface Hit {
  readonly id: string;
  readonly score: number;
  readonly matches: number;
}

/**
 * With filters, or newest first. Ranking walks the matches that pass the filters newest first, up to the same
 * bound; the date order sorts every match by its date.
 */
async function filtered(
  db: Db,
  expression: string,
  score: RawBuilder<number>,
  filters: readonly RawBuilder<unknown>[],
  request: KeywordRequest,
): Promise<KeywordResult> {
  // A few candidates (another ranking's, an exact title's) are looked up one by one, each paper's index entry
  // by its row: left to the planner, it walked every match of the words for the one that was asked for
  // (1.2 s for "Large Language Models" at 3,000,000 papers).
  const joins = request.within
    ? sql`papers p cross join search_rows r on r.paper_id = p.id cross join papers_fts f on f.rowid = r.id`
    : sql`papers_fts f join search_rows r on r.id = f.rowid join papers p on p.id = r.paper_id`;
  const from = sql`from ${joins} where papers_fts match ${expression}${andAll(filters)}`;
  if (request.order === "date") {
    const [rows, count] = await Promise.all([
      sql<{ id: string; score: number }>`select r.paper_id as id, -${score} as score ${from}
        order by ${PAPER_DATE} desc, p.id limit ${request.limit} offset ${request.offset}`.execute(db),
      sql<{ n: number }>`select count(*) as n ${from}`.execute(db),
    ]);
    return {
      ids: rows.rows.map((row) => row.id),
      scores: rows.rows.map((row) => row.score),
      total: Number(count.rows[0]?.n ?? 0),
    };
  }
  return newestRanked(db, from, score, request);
}

/** Filters (and exclusions) without positive words: the newest matching papers. */
async function listFiltered(
  db: Db,
  request: KeywordRequest,
  filters: ReturnType<typeof filterConditions>,
): Promise<KeywordResult> {
  const none = request.match?.none ?? [];
  const conditions = [...filters];
  if (none.length > 0) {
    conditions.push(sql`p.id not in (select r.paper_id from papers_fts f join search_rows r on r.id = f.rowid
      where papers_fts match ${group(none)})`);
  }
  const from = sql`from papers p where 1 = 1${andAll(conditions)}`;
  const [rows, count] = await Promise.all([
    sql<{ id: string }>`select p.id ${from} order by ${PAPER_DATE} desc, p.id limit ${request.limit}
      offset ${request.offset}`.execute(db),
    sql<{ n: number }>`select count(*) as n ${from}`.execute(db),
  ]);
  return {
    ids: rows.rows.map((row) => row.id),
    scores: rows.rows.map(() => 0),
    total: Number(count.rows[0]?.n ?? 0),
  };
}
