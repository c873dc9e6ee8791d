import { type Kysely, type RawBuilder, sql } from "kysely";
import { type KeywordRequest, type KeywordResult, RANK_NEWEST, type TextMatch } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll, filterConditions, PAPER_DATE } from "../search-filters.js";
import { anyWordsPage } from "./any-words-search.js";
import { ERA_PAPERS, NEWEST_ERA, SEARCHED } from "./search-eras.js";

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
 *
 * To find papers (`match`) the whole lexeme is enough: the parts are in every document that holds it, and their
 * entry lists, long for words like "low" and "rank", cost the GIN index a step through each for every
 * candidate (11.6 ms of a 13.7 ms title search at 3,000,000 papers). To rank them the parts stay, as before.
 */
function phrase(text: string, use: Use): RawBuilder<unknown> {
  if (!COMPOUND.test(text.trim())) return sql`phraseto_tsquery('english', ${text})`;
  const lexemes = sql`plainto_tsquery('english', ${text})`;
  if (use === "rank") return lexemes;
  return sql`coalesce((select string_agg(quote_literal(l), ' & ')::tsquery
    from unnest(tsvector_to_array(to_tsvector('english', ${text}))) as l where l like '%-%'), ${lexemes})`;
}

/** What a tsquery is for: finding the papers that match, or ranking them (see phrase). */
type Use = "match" | "rank";

function group(phrases: readonly string[], use: Use): RawBuilder<unknown> {
  return sql`(${sql.join(
    phrases.map((text) => phrase(text, use)),
    sql` || `,
  )})`;
}

/**
 * The tsquery for a text match, built from tsquery operators so user text is never parsed as syntax. Both uses
 * match the same papers; `rank` weighs the parts of hyphenated words too.
 */
export function tsquery(match: TextMatch, use: Use = "rank"): RawBuilder<unknown> | null {
  if (match.all.length === 0) return null;
  const positive = match.any
    ? group(match.all.flat(), use)
    : sql.join(
        match.all.map((phrases) => group(phrases, use)),
        sql` && `,
      );
  return match.none.length === 0 ? positive : sql`(${positive}) && !!${group(match.none, use)}`;
}

type Db = Kysely<Schema>;

/**
 * How a strict match's newest matches are looked for: among every match through the GIN index (`all`), or era by
 * era from the newest (`eras`), starting from as many as should hold the bound by `expected` (the papers
 * estimated to match among `papers`) and at most `widest` (FIRST_WINDOW); when a window falls short, the rest
 * are found all at once if the rate it found them at projects fewer than `allBelow` matches in all (by default
 * from ENTRY_COST), else the window grows. An estimate under a quarter of `allBelow` skips the windows
 * (allAtOnce). The caller decides: storage/keyword-search.ts; tests set the bounds.
 */
export type MatchPlan =
  | { readonly kind: "all" }
  | {
      readonly kind: "eras";
      readonly expected: number;
      readonly papers: number;
      readonly widest?: number;
      readonly allBelow?: number;
    };

/**
 * Eras a first window spans at most: GIN reads the entries of every paper in the window (0.12-0.32 microseconds
 * each at 3,000,000 papers, against about 2.5 for each match found through the index and read from the table),
 * so 16 eras cost some 8-20 ms, and tell how common the match is when the estimate was wrong.
 */
const FIRST_WINDOW = 16;
/**
 * Reading a paper's index entries in a window costs about a tenth of finding a match through the index (above):
 * finding every match beats widening the window while matches x 10 < window papers, and the window that holds
 * the bound spans 1.25 x RANK_NEWEST x papers / matches papers.
 */
const ENTRY_COST = 1 / 10;

export async function keywordSearchPostgres(
  db: Db,
  request: KeywordRequest,
  plan: MatchPlan = { kind: "all" },
): Promise<KeywordResult> {
  const query = request.match ? tsquery(request.match) : null;
  const toMatch = request.match ? tsquery(request.match, "match") : null;
  const conditions = filterConditions(request.filters, request.within);
  if (query === null || toMatch === null) {
    const none = request.match?.none ?? [];
    if (none.length > 0) {
      conditions.push(sql`not exists (select 1 from paper_search s where s.paper_id = p.id
        and s.document @@ ${group(none, "match")})`);
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
  // The matches, within the newest `eras` eras unless null (newestRanked).
  const matching = (eras: number | null) => {
    const q = eras === null ? toMatch : withinNewest(toMatch, eras);
    return sql`from paper_search s ${papers}, (select ${q} as q) as query where ${SEARCHED} @@ query.q${andAll(conditions)}`;
  };
  if (request.order === "date") {
    const rank = sql`ts_rank(${RANK_WEIGHTS}, s.document, ${query})`;
    return datedPage(db, matching(null), rank, request);
  }
  return newestRanked(db, query, matching, request, plan);
}

/**
 * One page of the newest `rankNewest` matches (RANK_NEWEST), best first, and how many they are. The newest are
 * taken by the order papers reached the index (migration 0840); only those are ranked. Ranking every match of
 * common words ("Language Model", 120,000 of 300,000 generated papers) took 677 ms.
 *
 * For rare words every match is found through the GIN index and the newest kept. For others the index is asked
 * for the words within the newest eras (migration 0860, MatchPlan): GIN then reads the short entry lists of
 * the eras and skips through the words' long ones. Each window is one statement, which ranks its newest
 * matches only when they reach the bound (or the window spans the archive), so a window that falls short costs
 * its index lookup alone and says how common the match is. Walking the newest papers one by one, as before,
 * read each one's document: "Policy Optimization" (132,436 matches of 3,000,000) passed 46,697 papers in
 * 40-134 ms, and finding all its matches took 280-460 ms, where its newest 16 eras hold 2,000 in a few ms.
 */
async function newestRanked(
  db: Db,
  query: RawBuilder<unknown>,
  matching: (eras: number | null) => RawBuilder<unknown>,
  request: KeywordRequest,
  plan: MatchPlan,
): Promise<KeywordResult> {
  const newest = request.rankNewest ?? RANK_NEWEST;
  // null: every match at once, which always reaches the bound or the end.
  let eras =
    plan.kind === "all" || allAtOnce(plan, newest)
      ? null
      : Math.min(plan.widest ?? FIRST_WINDOW, firstWindow(plan, newest));
  for (;;) {
    const from = matching(eras);
    const found = await rankedWindow(db, query, from, request, newest, eras);
    if ("ids" in found) return found;
    eras = plan.kind === "all" ? null : nextWindow(plan, eras ?? 1, found, newest);
  }
}

/** The matches below which finding them all costs less than a window wide enough to hold `newest`. */
function allBelow(plan: Extract<MatchPlan, { kind: "eras" }>, newest: number, papers: number): number {
  return plan.allBelow ?? Math.sqrt(1.25 * newest * papers * ENTRY_COST);
}

/**
 * Whether the estimate is so far below allBelow that even words going together as much as the bench's most
 * correlated pair (twice what independence says), twice over, leave every match the cheaper way: a first
 * window would only cost its lookup (14-20 ms for 16 eras at 3,000,000 papers) before finding them all.
 */
function allAtOnce(plan: Extract<MatchPlan, { kind: "eras" }>, newest: number): boolean {
  return plan.expected * 4 < allBelow(plan, newest, plan.papers);
}

/** The newest eras that should hold `newest` matches by the estimate, a quarter more for luck; one at least. */
function firstWindow(plan: Extract<MatchPlan, { kind: "eras" }>, newest: number): number {
  const perEra = (plan.expected / Math.max(1, plan.papers)) * ERA_PAPERS;
  return Math.max(1, Math.ceil((1.25 * newest) / Math.max(perEra, 1e-9)));
}

/**
 * After a window of `eras` fell short: null (every match at once) when the rate it found them at projects so
 * few in all that finding them all is cheaper than the window that would hold the bound, else that window (at
 * least twice as wide).
 */
function nextWindow(
  plan: Extract<MatchPlan, { kind: "eras" }>,
  eras: number,
  short: ShortWindow,
  newest: number,
): number | null {
  const projected = (short.matches / eras) * (short.newestEra + 1);
  const papers = (short.newestEra + 1) * ERA_PAPERS;
  if (projected < allBelow(plan, newest, papers)) return null;
  return Math.max(eras * 2, Math.ceil((1.25 * newest * eras) / Math.max(short.matches, 1)));
}

/** The query held to the newest `eras` eras (the newest one's number is the `top` of rankedWindow's statement). */
function withinNewest(query: RawBuilder<unknown>, eras: number): RawBuilder<unknown> {
  return sql`${query} && paperboy_search_eras(greatest(0, (select era from top) - ${eras - 1}), (select era from top))`;
}

/** A window's newest matches fell short of the bound: how many it held, to size the next. */
interface ShortWindow {
  readonly matches: number;
  /** The newest era's number: the archive spans this many eras and one. */
  readonly newestEra: number;
}

/**
 * The page of a window's newest `newest` matches, best first, with their count; or, for a window of `eras`
 * eras (null: every match) that holds fewer than `newest` and does not reach the first era, only that count.
 * The newest are kept by id alone, then their documents are read again for the score: a sort that carries each
 * match's document took twice as long (41 against 18 ms of CPU for 3,836 matches).
 */
async function rankedWindow(
  db: Db,
  query: RawBuilder<unknown>,
  from: RawBuilder<unknown>,
  request: KeywordRequest,
  newest: number,
  eras: number | null,
): Promise<KeywordResult | ShortWindow> {
  // Every match is found first (a CTE without a limit, which the planner answers from the GIN index) and the
  // newest kept: left to itself the planner walked the newest papers whenever it expected the bound to be
  // reached within a fraction of them, reading each one's document ("Verification Datasets", about 5,500
  // matches of 300,000, passed 110,657 papers in 221 ms).
  const complete = eras === null ? sql`true` : sql`(select era from top) < ${eras}`;
  const rows = await sql<{
    id: string | null;
    score: number | null;
    total: string;
    complete: boolean;
    top: string;
  }>`with top as materialized (select ${NEWEST_ERA} as era),
      matches as materialized (select s.paper_id as id, s.seq ${from}),
      newest as materialized (select id from matches order by seq desc limit ${newest}),
      counted as materialized (select count(*) as total, ${complete} or count(*) >= ${newest} as complete from newest),
      ranked as materialized (
        select n.id, ts_rank(${RANK_WEIGHTS}, s.document, ${query})::float8 as score
        from newest n join paper_search s on s.paper_id = n.id where (select complete from counted)
      )
    select page.id, page.score, counted.total, counted.complete, (select era from top) as top from counted left join lateral (
      select id, score from ranked order by score desc, id limit ${request.limit} offset ${request.offset}
    ) as page on true`.execute(db);
  const first = rows.rows[0];
  const total = Number(first?.total ?? 0);
  if (!first?.complete) return { matches: total, newestEra: Number(first?.top ?? 0) };
  const page = rows.rows.flatMap((row) =>
    row.id === null ? [] : [{ id: row.id, score: Number(row.score) }],
  );
  const found = { ids: page.map((row) => row.id), scores: page.map((row) => row.score) };
  // As many matches as the bound may be more: the count is then a floor.
  return total < newest ? { ...found, total } : { ...found, total, rankedNewest: newest };
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
