import { type Kysely, type RawBuilder, sql } from "kysely";
import { type KeywordRequest, type KeywordResult, RANK_NEWEST, type TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";
import { anyWordsPage } from "./any-words-search.js";

// Weights for D, C, B, A: authors are C, abstracts B, titles A (see refreshSearchDocumentsPostgres).
const RANK_WEIGHTS = sql`array[0.05, 0.2, 0.4, 1.0]::float4[]`;

/** A word of letters joined by hyphens ("real-time", "state-of-the-art"). */
const COMPOUND = /^\p{L}+(?:-\p{L}+)+$/u;

/**
 * A phrase as a tsquery. PostgreSQL keeps a hyphenated word of letters whole as one lexeme beside its parts
 * ('real-tim', 'real', 'time'), so a paper holds the compound exactly when it holds the phrase: its lexemes
 * ANDed match the same papers, and the GIN index answers that alone, where a phrase (positions are not in the
 * index) has every candidate's document read to check them. At 3,000,000 papers "real-time detection" took
 * 709 ms as a phrase. Compounds with digits ("GPT-4") are split by the parser without a whole lexeme: they stay
 * phrases.
 */
function phrase(text: string): RawBuilder<unknown> {
  if (COMPOUND.test(text.trim())) return sql`plainto_tsquery('english', ${text})`;
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

/**
 * `fewMatches`: the words' kept counts say that so few papers match that finding them all through the GIN index
 * beats walking the newest papers (the caller decides: storage/keyword-search.ts; see newestRanked).
 */
export async function keywordSearchPostgres(
  db: Db,
  request: KeywordRequest,
  fewMatches = false,
): Promise<KeywordResult> {
  const query = request.match ? tsquery(request.match) : null;
  const conditions = filterConditions(request.filters, request.within);
  if (query === null) {
    const none = request.match?.none ?? [];
    if (none.length > 0) {
      conditions.push(sql`not exists (select 1 from paper_search s where s.paper_id = p.id
        and s.document @@ ${group(none)})`);
    }
    const from = sql`from papers p where true${andAll(conditions)}`;
    return newestPage(db, from, request);
  }
  if (request.match?.any && request.match.none.length === 0 && request.order !== "date") {
    const search = { phrases: request.match.all.flat(), weights: RANK_WEIGHTS, conditions };
    return anyWordsPage(db, search, request);
  }
  // Papers are joined only for filters and the date order: every indexed paper exists (its entry goes by cascade).
  const joinPapers = conditions.length > 0 || request.order === "date";
  const papers = joinPapers ? sql`join papers p on p.id = s.paper_id` : sql``;
  const from = sql`from paper_search s ${papers}, (select ${query} as q) as query
    where s.document @@ query.q${andAll(conditions)}`;
  if (request.order === "date") {
    const rank = sql`ts_rank(${RANK_WEIGHTS}, s.document, query.q)`;
    return datedPage(db, from, rank, request);
  }
  return newestRanked(db, query, from, request, fewMatches);
}

/**
 * One page of the newest `rankNewest` matches (RANK_NEWEST), best first, and how many they are. The newest are
 * taken by the order papers reached the index (migration 0840): for words in many papers PostgreSQL walks that
 * order backwards and stops at the bound, for rarer ones it finds them all through the GIN index and keeps the
 * newest; either way only those are ranked. Ranking every match of common words ("Language Model", 120,000 of
 * 300,000 generated papers) took 677 ms. The newest are kept by id alone, then their documents are read again
 * for the score: a sort that carries each match's document took twice as long (41 against 18 ms of CPU for
 * 3,836 matches). Only a page past the last match needs counting on its own.
 */
async function newestRanked(
  db: Db,
  query: RawBuilder<unknown>,
  from: RawBuilder<unknown>,
  request: KeywordRequest,
  fewMatches: boolean,
): Promise<KeywordResult> {
  const newest = request.rankNewest ?? RANK_NEWEST;
  // With few matches possible, every match is found first (a CTE without a limit, which the planner answers from
  // the GIN index) and the newest kept. Left to itself the planner walked the newest papers whenever it expected
  // the bound to be reached within a fraction of them, and each paper it passed cost a read of its document:
  // "Verification Datasets" (about 5,500 matches of 300,000) passed 110,657 papers in 221 ms.
  const newestMatches = fewMatches
    ? sql`with matches as materialized (select s.paper_id as id, s.seq ${from}),
        newest as materialized (select id from matches order by seq desc limit ${newest})`
    : sql`with newest as materialized (select s.paper_id as id ${from} order by s.seq desc limit ${newest})`;
  const rows = await sql<{
    id: string;
    score: number;
    total: string;
  }>`${newestMatches}, ranked as materialized (
      select n.id, ts_rank(${RANK_WEIGHTS}, s.document, ${query})::float8 as score
      from newest n join paper_search s on s.paper_id = n.id
    )
    select id, score, count(*) over () as total from ranked
    order by score desc, id limit ${request.limit} offset ${request.offset}`.execute(db);
  const first = rows.rows[0];
  const total = first || request.offset === 0 ? Number(first?.total ?? 0) : await countUpTo(db, from, newest);
  const page = { ids: rows.rows.map((row) => row.id), scores: rows.rows.map((row) => Number(row.score)) };
  // As many matches as the bound may be more: the count is then a floor.
  return total < newest ? { ...page, total } : { ...page, total, rankedNewest: newest };
}

/** The matches newest first, each with its rank as its score, counted in the same pass. */
async function datedPage(
  db: Db,
  from: RawBuilder<unknown>,
  rank: RawBuilder<unknown>,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const rows = await sql<{ id: string; score: number; total: string }>`select p.id, ${rank}::float8 as score,
      count(*) over () as total ${from}
    order by ${PAPER_DATE} desc nulls last, p.id limit ${request.limit} offset ${request.offset}`.execute(db);
  const first = rows.rows[0];
  const total = first || request.offset === 0 ? Number(first?.total ?? 0) : await countAll(db, from);
  return { ids: rows.rows.map((row) => row.id), scores: rows.rows.map((row) => Number(row.score)), total };
}

/** Filtered papers newest first: the page can stop early on the date order, so the count runs beside it. */
async function newestPage(
  db: Db,
  from: RawBuilder<unknown>,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const [rows, total] = await Promise.all([
    sql<{ id: string }>`select p.id ${from} order by ${PAPER_DATE} desc nulls last, p.id
      limit ${request.limit} offset ${request.offset}`.execute(db),
    countAll(db, from),
  ]);
  return { ids: rows.rows.map((row) => row.id), scores: rows.rows.map(() => 0), total };
}

/** How many rows `from` yields, counted no further than `cap`. */
async function countUpTo(db: Db, from: RawBuilder<unknown>, cap: number): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from (select 1 ${from} limit ${cap}) as hits`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function countAll(db: Db, from: RawBuilder<unknown>): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n ${from}`.execute(db)).rows[0]?.n ?? 0);
}
