import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * PostgreSQL: the keyword index learns each entry's era, its place in the order papers reached the index cut in
 * runs of 4,096 (`seq >> 12`, migration 0840), as one more lexeme of its own ('~731': the parser never makes
 * a lexeme with "~", so no word meets it). The GIN index is rebuilt over the document with that lexeme added
 * (an expression: the stored documents, their ranks and their word counts stay as they were), and replaces the
 * one over the document alone. A ranking of the newest matches of common words then asks the index for its
 * words within the newest few eras, and GIN answers from the eras' short lists of entries, skipping through the
 * words' long ones, where it used to walk the newest papers reading each one's document
 * (postgres/keyword-search.ts). The build reads every document: 8 minutes at 3,000,000 papers on 2 cores.
 */
export const searchEras: Migration = {
  name: "0860-search-eras",
  async up(db, capabilities) {
    if (capabilities.dialect !== "postgres") return;
    await sql`create or replace function paperboy_search_era(seq bigint) returns tsvector
      language sql immutable strict parallel safe
      as $$ select array_to_tsvector(array['~' || (seq >> 12)::text]) $$`.execute(db);
    await sql`create or replace function paperboy_search_eras(first bigint, last bigint) returns tsquery
      language sql immutable strict parallel safe
      as $$ select string_agg(quote_literal('~' || e::text), ' | ')::tsquery from generate_series(first, last) as e $$`.execute(
      db,
    );
    await sql`create index if not exists paper_search_eras on paper_search
      using gin ((document || paperboy_search_era(seq)))`.execute(db);
    await sql`drop index if exists paper_search_document`.execute(db);
  },
};
