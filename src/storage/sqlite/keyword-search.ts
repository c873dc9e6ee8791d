import { type Kysely, type RawBuilder, sql } from "kysely";
import type { KeywordRequest, KeywordResult, TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";

/** An FTS5 string literal: the tokenizer splits it, so a quoted run of several words is a phrase. */
export function fts5Phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function group(phrases: readonly string[]): string {
  return phrases.length === 1 ? fts5Phrase(phrases[0] ?? "") : `(${phrases.map(fts5Phrase).join(" OR ")})`;
}

/** The FTS5 MATCH expression for a text match; null when nothing positive is asked for. */
export function fts5Expression(match: TextMatch): string | null {
  if (match.all.length === 0) return null;
  const positive = match.any ? group(match.all.flat()) : match.all.map(group).join(" AND ");
  return match.none.length === 0 ? positive : `${positive} NOT ${group(match.none)}`;
}

type Db = Kysely<Schema>;

export async function keywordSearchSqlite(db: Db, request: KeywordRequest): Promise<KeywordResult> {
  const expression = request.match ? fts5Expression(request.match) : null;
  const filters = filterConditions(request.filters, request.within);
  if (expression === null) return listFiltered(db, request, filters);
  const [rows, count] =
    filters.length === 0 && request.order !== "date"
      ? await unfiltered(db, expression, request)
      : await filtered(db, expression, filters, request);
  return {
    ids: rows.rows.map((row) => row.id),
    scores: rows.rows.map((row) => row.score),
    total: Number(count.rows[0]?.n ?? 0),
  };
}

/**
 * Without filters, ranking and counting stay inside the FTS5 table, and only the page's rows are joined to their
 * papers: joining every match first cost as much again as ranking it (a common word matches 20k papers).
 */
function unfiltered(db: Db, expression: string, request: KeywordRequest) {
  return Promise.all([
    sql<{ id: string; score: number }>`select r.paper_id as id, hits.score from (select rowid, -rank as score
      from papers_fts where papers_fts match ${expression} order by rank limit ${request.limit}
      offset ${request.offset}) as hits join search_rows r on r.id = hits.rowid order by hits.score desc`.execute(
      db,
    ),
    sql<{ n: number }>`select count(*) as n from papers_fts where papers_fts match ${expression}`.execute(db),
  ]);
}

function filtered(
  db: Db,
  expression: string,
  filters: readonly RawBuilder<unknown>[],
  request: KeywordRequest,
) {
  const from = sql`from papers_fts f join search_rows r on r.id = f.rowid join papers p on p.id = r.paper_id
    where papers_fts match ${expression}${andAll(filters)}`;
  const order = request.order === "date" ? sql`${PAPER_DATE} desc, p.id` : sql`f.rank`;
  return Promise.all([
    sql<{ id: string; score: number }>`select r.paper_id as id, -f.rank as score ${from} order by ${order}
      limit ${request.limit}
      offset ${request.offset}`.execute(db),
    sql<{ n: number }>`select count(*) as n ${from}`.execute(db),
  ]);
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
