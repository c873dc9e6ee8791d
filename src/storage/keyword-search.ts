import { sql } from "kysely";
import type { Database } from "./database.js";
import type { KeywordRequest, KeywordResult } from "./keyword-types.js";
import { keywordSearchPostgres } from "./postgres/keyword-search.js";
import { fts5Phrase, keywordSearchSqlite } from "./sqlite/keyword-search.js";

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
  return (await countEachUpTo(database, [phrase], cap)).get(phrase) ?? 0;
}

/**
 * countMatchesUpTo for several words or phrases at once. SQLite reads each count from FTS5's own index. On
 * PostgreSQL a GIN index cannot count without visiting the rows, which costs tens of milliseconds for a common
 * word, so all are asked in one statement, and a single word that the planner's statistics on the index
 * (ANALYZE's most common lexemes and their shares of rows) put in more than twice `cap` papers is answered
 * `cap` without counting; the rest are counted.
 */
export async function countEachUpTo(
  database: Database,
  phrases: readonly string[],
  cap: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (phrases.length === 0) return counts;
  if (database.capabilities.fullText === "fts5") {
    for (const phrase of phrases) {
      const result = await sql<{ n: number }>`select count(*) as n from (select 1 from papers_fts
          where papers_fts match ${fts5Phrase(phrase)} limit ${cap}) as hits`.execute(database.kysely);
      counts.set(phrase, Number(result.rows[0]?.n ?? 0));
    }
    return counts;
  }
  const result = await sql<{ phrase: string; n: string }>`with stats as (
      select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs,
        greatest(c.reltuples, 0) as papers
      from pg_stats s join pg_class c on c.oid = 'paper_search'::regclass
      where s.schemaname = current_schema() and s.tablename = 'paper_search' and s.attname = 'document'
    ), common as (
      select m.lexeme from stats, unnest(stats.elems) with ordinality as m(lexeme, i)
      where stats.freqs[m.i] * stats.papers > ${2 * cap}
    )
    select w.phrase, case
        when cardinality(x.lexemes) = 1 and x.lexemes[1] in (select lexeme from common) then ${cap}
        else (select count(*) from (select 1 from paper_search
          where document @@ phraseto_tsquery('english', w.phrase) limit ${cap}) as hits)
      end as n
    from unnest(${[...phrases]}::text[]) as w(phrase)
      cross join lateral (select tsvector_to_array(to_tsvector('english', w.phrase)) as lexemes) as x`.execute(
    database.kysely,
  );
  for (const row of result.rows) counts.set(row.phrase, Number(row.n));
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
