import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL: a second GIN index, over every entry's words tagged with its run, its place in the order papers
 * reached the index cut in runs of 32,768 (`seq >> 15`, migration 0840): 'graph~41' ('~' is never in a lexeme
 * the parser makes, so no word meets it). A ranking of the newest matches of common words asks this index for
 * the words tagged with the newest few runs, and GIN reads the entries of the rarest word in those runs alone,
 * where the era index it replaces (0860) read an entry for every paper of the window. The index over the
 * documents alone comes back for every other search. Building both reads every document twice (not timed at
 * 3,000,000 papers: the archive measured was loaded with them in place; docs/deployment.md).
 */
export const searchRuns: Migration = {
  name: "0870-search-runs",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`create or replace function paperboy_run_words(document tsvector, seq bigint) returns tsvector
      language sql immutable strict parallel safe
      as $$ select array_to_tsvector(array(
        select w || '~' || (seq >> 15)::text from unnest(tsvector_to_array(document)) as w)) $$`.execute(db);
    // A query of words joined by & and | (no phrases, no negations), asked of the runs first..last: its words
    // tagged with each run, the runs joined by |. Lexemes are quoted in a tsquery's text, a quote doubled.
    await sql`create or replace function paperboy_in_runs(query tsquery, first bigint, last bigint)
      returns tsquery language sql immutable strict parallel safe
      as $$ select string_agg('(' || regexp_replace(query::text, '''((?:[^'']|'''')*)''',
        '''\\1~' || r::text || '''', 'g') || ')', ' | ')::tsquery
        from generate_series(first, last) as r where numnode(query) > 0 $$`.execute(db);
    await sql`create index if not exists paper_search_runs on paper_search
      using gin (paperboy_run_words(document, seq))`.execute(db);
    await sql`create index if not exists paper_search_document on paper_search using gin (document)`.execute(
      db,
    );
    await sql`drop index if exists paper_search_eras`.execute(db);
    await sql`drop function if exists paperboy_search_eras(bigint, bigint)`.execute(db);
    await sql`drop function if exists paperboy_search_era(bigint)`.execute(db);
  },
};
