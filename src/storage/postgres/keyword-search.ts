import { type Kysely, type RawBuilder, sql } from "kysely";
import type { KeywordRequest, KeywordResult, TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";

// Weights for D, C, B, A: authors are C, abstracts B, titles A (see refreshSearchDocumentsPostgres).
const RANK_WEIGHTS = sql`array[0.05, 0.2, 0.4, 1.0]::float4[]`;

function phrase(text: string): RawBuilder<unknown> {
  return sql`phraseto_tsquery('english', ${text})`;
}

function group(phrases: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(phrases.map(phrase), sql` || `)})`;
}

/** The tsquery for a text match, built from tsquery operators so user text is never parsed as syntax. */
export function tsquery(match: TextMatch): RawBuilder<unknown> | null {
  if (match.all.length === 0) return null;
  const positive = match.any ? group(match.all.flat()) : sql.join(match.all.map(group), sql` && `);
  return match.none.length === 0 ? positive : sql`(${positive}) && !!${group(match.none)}`;
}

type Db = Kysely<Schema>;

export async function keywordSearchPostgres(db: Db, request: KeywordRequest): Promise<KeywordResult> {
  const query = request.match ? tsquery(request.match) : null;
  const conditions = filterConditions(request.filters, request.within);
  if (query === null) {
    const none = request.match?.none ?? [];
    if (none.length > 0) {
      conditions.push(sql`not exists (select 1 from paper_search s where s.paper_id = p.id
        and s.document @@ ${group(none)})`);
    }
    const from = sql`from papers p where true${andAll(conditions)}`;
    return page(db, from, sql`0`, sql`${PAPER_DATE} desc nulls last, p.id`, request);
  }
  const from = sql`from paper_search s join papers p on p.id = s.paper_id, (select ${query} as q) as query
    where s.document @@ query.q${andAll(conditions)}`;
  const rank = sql`ts_rank(${RANK_WEIGHTS}, s.document, query.q)`;
  const order = request.order === "date" ? sql`${PAPER_DATE} desc nulls last, p.id` : sql`${rank} desc, p.id`;
  return page(db, from, rank, order, request);
}

async function page(
  db: Db,
  from: RawBuilder<unknown>,
  score: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const [rows, count] = await Promise.all([
    sql<{ id: string; score: number }>`select p.id, ${score}::float8 as score ${from} order by ${order}
      limit ${request.limit}
      offset ${request.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n ${from}`.execute(db),
  ]);
  return {
    ids: rows.rows.map((row) => row.id),
    scores: rows.rows.map((row) => Number(row.score)),
    total: Number(count.rows[0]?.n ?? 0),
  };
}
