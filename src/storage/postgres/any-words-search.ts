import { type Kysely, type RawBuilder, sql } from "kysely";
import type { KeywordRequest, KeywordResult } from "../keyword-types.js";
import type { Schema } from "../schema.js";
import { andAll } from "../search-filters.js";
import { rankOf } from "./search-documents.js";

/**
 * Papers of an "any of these words" match that are ordered by their full score. Scoring reads a paper's whole
 * tsvector (from the TOAST table before migration 0890); finding which words it holds reads only the GIN index
 * and the paper's row, about a fifth of the cost per match.
 */
const CANDIDATES = 200;
/** Where a word's ts_rank in a paper is half way to its most (BM25's k1 for ts_rank's scale). */
const SATURATION = 0.5;

export interface AnyWordsSearch {
  /** Each phrase on its own; a paper that holds any one of them matches. */
  readonly phrases: readonly string[];
  /** Filter conditions on the papers table aliased `p`. */
  readonly conditions: readonly RawBuilder<unknown>[];
}

interface Row {
  readonly id: string | null;
  readonly score: number | null;
  readonly total: string;
}

/**
 * An "any of these words" match, ranked BM25's way. Every match is found word by word through the index and
 * weighed by the rarity of the words it holds (inverse document frequency from the kept word counts). The best
 * CANDIDATES by that weight (the newest first among equals) come first, ordered by their full score; the
 * rest follow by weight, so that every page cuts the same order. The full score is each word's weight times
 * its saturated ts_rank (title, abstract and authors weighted), the tsvector read once per paper. SciFact train
 * keyword nDCG@10 went from 0.561 to 0.684 against ts_rank of the whole query, Recall@100 from 0.859 to 0.921.
 * How many match comes from the first step.
 */
export async function anyWordsPage(
  db: Kysely<Schema>,
  search: AnyWordsSearch,
  request: KeywordRequest,
): Promise<KeywordResult> {
  const papers =
    search.conditions.length > 0
      ? sql`join papers p on p.id = s.paper_id where true${andAll(search.conditions)}`
      : sql``;
  const rows = await sql<Row>`with words as materialized (
      select phraseto_tsquery('english', w.phrase) as q,
        ln(1 + ((select papers from search_totals) - c.papers + 0.5) / (c.papers + 0.5)) as weight
      from unnest(${[...search.phrases]}::text[]) as w(phrase)
      cross join lateral (select coalesce(min(coalesce(sw.papers, 0)), 0) as papers
        from unnest(tsvector_to_array(to_tsvector('english', w.phrase))) as l(word)
        left join search_words sw on sw.word = l.word) as c
    ), hits as materialized (
      select s.paper_id as id, sum(w.weight) as weight
      from words w cross join lateral (select s.paper_id from paper_search s where s.document @@ w.q offset 0) as s
      ${papers}
      group by s.paper_id
    ), placed as materialized (
      select id, row_number() over (order by weight desc, id desc) as place from hits
    ), scored as materialized (
      select b.id, b.place, (select sum(w.weight * r.rank / (r.rank + ${SATURATION}::float8)) from words w
          cross join lateral (select ${rankOf(sql`d.document`, sql`w.q`)} as rank) as r) as score
      from placed b join paper_search s on s.paper_id = b.id,
        lateral (select s.document || ''::tsvector as document offset 0) as d
      where b.place <= ${CANDIDATES} or b.place between ${request.offset + 1} and ${request.offset + request.limit}
    )
    select page.id, page.score, counted.total from (select count(*) as total from hits) as counted
    left join lateral (select id, score from (
        select id, score, case when place <= ${CANDIDATES}
          then row_number() over (partition by place <= ${CANDIDATES} order by score desc, place) else place
        end as position from scored
      ) as ordered where position between ${request.offset + 1} and ${request.offset + request.limit}
      order by position) as page on true`.execute(db);
  // One row at least, for the count; its id is null when the page is past the last match.
  const page = rows.rows.flatMap((row) =>
    row.id === null ? [] : [{ id: row.id, score: Number(row.score) }],
  );
  return {
    ids: page.map((row) => row.id),
    scores: page.map((row) => row.score),
    total: Number(rows.rows[0]?.total ?? 0),
  };
}
