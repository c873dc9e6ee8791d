import { type Kysely, sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL's keyword index keeps count of itself, as FTS5 does on SQLite: `search_words` holds how many papers
 * each lexeme is in, `search_totals` how many papers are indexed and how many lexemes their documents hold in
 * all. Search reads word counts and the mean document length from them instead of counting through the GIN
 * index, which cannot count without visiting every matching row (tens of milliseconds for a common word).
 * Statement triggers on `paper_search` keep both, so every writer (the upsert, the index queue, a rebuild, a
 * paper deleted by cascade) is counted. They write words in sorted order, so two indexing transactions wait for
 * each other instead of deadlocking. Existing documents are counted here once.
 */
export const searchWordCounts: Migration = {
  name: "0204-search-word-counts",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`create table search_words (word text primary key, papers integer not null)`.execute(db);
    await sql`create table search_totals (
      only_row boolean primary key default true check (only_row),
      papers bigint not null,
      lexemes bigint not null
    )`.execute(db);
    await sql`insert into search_words (word, papers)
      select word, count(*) from paper_search, unnest(tsvector_to_array(document)) as word
      group by word`.execute(db);
    await sql`insert into search_totals (papers, lexemes)
      select count(*), coalesce(sum(length(document)), 0) from paper_search`.execute(db);
    await createUpkeep(db);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a migration's database type is by nature untyped
async function createUpkeep(db: Kysely<any>) {
  // `set search_path from current`: the tables are found in the schema the migration ran in, whatever the
  // session that fires the trigger has set.
  await sql`create function search_words_change(added tsvector[], removed tsvector[]) returns void
    language sql set search_path from current as $$
      insert into search_words (word, papers)
      select word, sum(change)::integer from (
        select unnest(tsvector_to_array(d)) as word, 1 as change from unnest(added) as d
        union all
        select unnest(tsvector_to_array(d)), -1 from unnest(removed) as d
      ) as changes
      group by word having sum(change) <> 0 order by word
      on conflict (word) do update set papers = search_words.papers + excluded.papers;
      update search_totals set
        papers = papers + cardinality(added) - cardinality(removed),
        lexemes = lexemes + coalesce((select sum(length(d)) from unnest(added) as d), 0)
          - coalesce((select sum(length(d)) from unnest(removed) as d), 0);
    $$`.execute(db);
  // One function for the three triggers: PL/pgSQL plans a statement when it first runs it, so each branch
  // names only the transition tables its own trigger declares.
  await sql`create function search_words_upkeep() returns trigger
    language plpgsql set search_path from current as $$
    begin
      if tg_op = 'INSERT' then
        perform search_words_change(array(select document from added), '{}');
      elsif tg_op = 'UPDATE' then
        perform search_words_change(array(select document from added), array(select document from removed));
      else
        perform search_words_change('{}', array(select document from removed));
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger paper_search_words_insert after insert on paper_search
    referencing new table as added for each statement execute function search_words_upkeep()`.execute(db);
  await sql`create trigger paper_search_words_update after update on paper_search
    referencing old table as removed new table as added
    for each statement execute function search_words_upkeep()`.execute(db);
  await sql`create trigger paper_search_words_delete after delete on paper_search
    referencing old table as removed for each statement execute function search_words_upkeep()`.execute(db);
}
