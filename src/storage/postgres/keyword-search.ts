import { type Kysely, type RawBuilder, sql } from "kysely";
import { type KeywordRequest, type KeywordResult, RANK_NEWEST, type TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";
import { anyWordsPage } from "./any-words-search.js";
import { rankOf } from "./search-documents.js";
import { NEWEST_RUN, RUN_WORDS } from "./search-runs.js";

/** A word of letters joined by hyphens ("real-time", "state-of-the-art"). */
const COMPOUND = /^\p{L}+(?:-\p{L}+)+$/u;

/**
 * A phrase as a tsquery. PostgreSQL keeps a hyphenated word of letters whole as one lexeme beside its parts
 * ('real-tim', 'real', 'time'), so a paper holds the compound exactly when it holds the phrase: its lexemes
 * ANDed match the same papers, and the GIN index answers that alone, where a phrase (positions are not in the
 * index) has every candidate's document read to check them. At 3,000,000 papers "real-time detection" took
 * 709 ms as a phrase. Compounds with digits ("GPT-4") are split by the parser without a whole lexeme: they stay
 * phrases.
 *
 * To find papers (`match`) the whole lexeme is enough: the parts are in every document that holds it, and their
 * entry lists, long for words like "low" and "rank", cost the GIN index a step through each for every
 * candidate (11.6 ms of a 13.7 ms title search at 3,000,000 papers). To rank them the parts stay, as before.
 * The run index (`words`) is asked for a phrase's words without their order, which the document then checks
 * (needsDocument).
 */
function phrase(text: string, use: Use): RawBuilder<unknown> {
  const compound = COMPOUND.test(text.trim());
  if (!compound) {
    return use === "words"
      ? sql`plainto_tsquery('english', ${text})`
      : sql`phraseto_tsquery('english', ${text})`;
  }
  const lexemes = sql`plainto_tsquery('english', ${text})`;
  if (use === "rank") return lexemes;
  return sql`coalesce((select string_agg(quote_literal(l), ' & ')::tsquery
    from unnest(tsvector_to_array(to_tsvector('english', ${text}))) as l where l like '%-%'), ${lexemes})`;
}

/** What a tsquery is for: finding the papers that match, ranking them, or their words alone (see phrase). */
type Use = "match" | "rank" | "words";

function group(phrases: readonly string[], use: Use): RawBuilder<unknown> {
  return sql`(${sql.join(
    phrases.map((text) => phrase(text, use)),
    sql` || `,
  )})`;
}

/**
 * The tsquery for a text match, built from tsquery operators so user text is never parsed as syntax. `match` and
 * `rank` match the same papers, `rank` weighing the parts of hyphenated words too; `words` is the words a
 * matching paper holds, without their order or the exclusions, which the document checks (needsDocument).
 */
export function tsquery(match: TextMatch, use: Use = "rank"): RawBuilder<unknown> | null {
  if (match.all.length === 0) return null;
  const positive = match.any
    ? group(match.all.flat(), use)
    : sql.join(
        match.all.map((phrases) => group(phrases, use)),
        sql` && `,
      );
  if (use === "words" || match.none.length === 0) return positive;
  return sql`(${positive}) && !!${group(match.none, use)}`;
}

type Db = Kysely<Schema>;

/**
 * How a strict match's newest matches are looked for: among every match through the document index (`all`),
 * or run by run from the newest through the run index until the bound is reached (`runs`, migration 0870), the
 * newest then read again to be ranked; or run by run, each match ranked as it is found (`sparse runs`). The
 * caller decides (storage/keyword-search.ts); all three give the same page.
 *
 * Ranking as found reads each match's row once instead of twice, but ranks every match of the last run reached,
 * not only the newest up to the bound: it pays when runs hold few matches ("Activity Recognition", about 300 a
 * run at 3,000,000 papers: 4.7 against 5.7 ms) and costs when they hold many ("Language Model", 11,000-17,000 a
 * run: 21 against 17 ms).
 */
export type MatchPlan = "all" | "runs" | "sparse runs";

export async function keywordSearchPostgres(
  db: Db,
  request: KeywordRequest,
  plan: MatchPlan = "all",
): Promise<KeywordResult> {
  const query = request.match ? tsquery(request.match) : null;
  const toMatch = request.match ? tsquery(request.match, "match") : null;
  const conditions = filterConditions(request.filters, request.within);
  if (query === null || toMatch === null || !request.match) {
    const none = request.match?.none ?? [];
    if (none.length > 0) {
      conditions.push(sql`not exists (select 1 from paper_search s where s.paper_id = p.id
        and s.document @@ ${group(none, "match")})`);
    }
    const from = sql`from papers p where true${andAll(conditions)}`;
    return newestPage(db, from, request);
  }
  if (request.match.any && request.match.none.length === 0 && request.order !== "date") {
    const search = { phrases: request.match.all.flat(), conditions };
    return anyWordsPage(db, search, request);
  }
  // Papers are joined only for filters and the date order: every indexed paper exists (its entry goes by cascade).
  const joinPapers = conditions.length > 0 || request.order === "date";
  const papers = joinPapers ? sql`join papers p on p.id = s.paper_id` : sql``;
  // The tsquery is made once, as a parameter of the statement: a phrase's candidates are checked against it.
  const asked = sql`(select ${toMatch})`;
  const every = sql`from paper_search s ${papers} where s.document @@ ${asked}${andAll(conditions)}`;
  if (request.order === "date") {
    const rank = rankOf(sql`s.document`, query);
    return datedPage(db, every, rank, request);
  }
  const newest = request.rankNewest ?? RANK_NEWEST;
  if (plan === "all") {
    // Every match first, behind a fence: left to itself the planner walked the newest papers whenever it expected
    // the bound within a fraction of them, reading each one's document ("Verification Datasets", about 5,500
    // matches of 300,000, passed 110,657 papers in 221 ms).
    const all = sql`select m.t from (select s.ctid as t, s.seq ${every} offset 0) as m
      order by m.seq desc limit ${newest}`;
    return rankedPage(db, reRanked(all, query), request);
  }
  const runs = { match: request.match, asked, papers, conditions, newest };
  if (plan === "sparse runs") return rankedPage(db, byRuns({ ...runs, rankAs: query }), request);
  return rankedPage(db, reRanked(byRuns(runs), query), request);
}

interface RunSearch {
  readonly match: TextMatch;
  /** The whole match, as a parameter of the statement (see keywordSearchPostgres). */
  readonly asked: RawBuilder<unknown>;
  /** The join of papers, when filters or the date order need it. */
  readonly papers: RawBuilder<unknown>;
  readonly conditions: RawBuilder<unknown>[];
  /** How many of the newest matches to keep. */
  readonly newest: number;
  /** Rank each match as it is found by this query (the `sparse runs` plan); without it, row addresses. */
  readonly rankAs?: RawBuilder<unknown>;
}

/**
 * Where a match's newest `newest` matches are (their row addresses, ctid), or the matches themselves ranked
 * (`rankAs`), asked of the run index run by run from the newest. The index is asked for the words alone; the
 * documents found check a phrase's order and the exclusions (`asked`), behind a fence that keeps the planner from
 * answering that check through the document index instead.
 */
function byRuns({ match, asked, papers, conditions, newest, rankAs }: RunSearch): RawBuilder<unknown> {
  const words = tsquery(match, "words");
  const checked = match.none.length > 0 || match.all.flat().some(needsDocument);
  const check = checked ? sql` and s.document @@ ${asked}` : sql``;
  const inRun = sql`from (select s.ctid as t, s.* from paper_search s
      where ${RUN_WORDS} @@ paperboy_in_runs(${words}, r.run, r.run) offset 0) as s
      ${papers} where true${check}${andAll(conditions)}`;
  // Ranked below the sort, behind a fence, so that the sort carries scores and not documents.
  const found = rankAs
    ? sql`select f.id, f.score from (select s.paper_id as id, s.seq, ${rankOf(sql`s.document`, rankAs)} as score
        ${inRun} offset 0) as f order by f.seq desc`
    : sql`select s.t, s.seq ${inRun} order by s.seq desc`;
  const kept = rankAs ? sql`m.id, m.score` : sql`m.t`;
  return sql`select ${kept} from generate_series(${NEWEST_RUN}, 0, -1) as r(run)
      cross join lateral (${found}) as m limit ${newest}`;
}

/** Whether the words of a phrase say less than the phrase: their order, or a compound's digits (see phrase). */
function needsDocument(text: string): boolean {
  const trimmed = text.trim();
  return !COMPOUND.test(trimmed) && /[^\p{L}\p{N}]/u.test(trimmed);
}

/**
 * The newest `rankNewest` matches (RANK_NEWEST) ranked: the newest are taken by the order papers reached the
 * index (migration 0840) by `newest`, a statement of their row addresses (ctid, valid within the statement);
 * only those are ranked, their rows read again by address for the score: a sort that carries each match's document
 * took twice as long (41 against 18 ms of CPU for 3,836 matches), and reading them again by paper id cost a
 * probe of the key's b-tree each (13 against 10 ms for the 2,000 newest of "Adaptive Graph" at 3,000,000).
 * Ranking every match of common words ("Language Model", 120,000 of 300,000 generated papers) took 677 ms.
 *
 * For rare words every match is found through the document index and the newest kept. For others the run index
 * is asked for the words run by run from the newest, each run's matches newest first, and the statement stops
 * at the bound: GIN reads the rarest word's entries in the runs it reaches alone ("Remote Sensing Image", 66,369
 * matches of 3,000,000: 496 ms to find all, 21 ms to the newest 2,000 run by run). One query asking for the
 * words in several runs at once costs GIN the whole query per entry it reads (1.3 s over the 92 runs of
 * 3,000,000 papers, against 0.5 ms a run asked alone).
 */
function reRanked(newest: RawBuilder<unknown>, query: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`with newest as materialized (${newest})
    select s.paper_id as id, ${rankOf(sql`s.document`, query)} as score
    from paper_search s where s.ctid = any(array(select t from newest))`;
}

/**
 * One page of `ranked` (paper ids and scores), best first, and how many they are: as many as the bound may be
 * more, and the count is then a floor.
 */
async function rankedPage(
  db: Db,
  ranked: RawBuilder<unknown>,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const bound = request.rankNewest ?? RANK_NEWEST;
  const rows = await sql<{ id: string | null; score: number | null; total: string }>`with
      ranked as materialized (${ranked})
    select page.id, page.score, (select count(*) from ranked) as total from (select 1) as one left join lateral (
      select id, score from ranked order by score desc, id limit ${request.limit} offset ${request.offset}
    ) as page on true`.execute(db);
  const total = Number(rows.rows[0]?.total ?? 0);
  const page = rows.rows.flatMap((row) =>
    row.id === null ? [] : [{ id: row.id, score: Number(row.score) }],
  );
  const found = { ids: page.map((row) => row.id), scores: page.map((row) => row.score) };
  return total < bound ? { ...found, total } : { ...found, total, rankedNewest: bound };
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

async function countAll(db: Db, from: RawBuilder<unknown>): Promise<number> {
  return Number((await sql<{ n: string }>`select count(*) as n ${from}`.execute(db)).rows[0]?.n ?? 0);
}
