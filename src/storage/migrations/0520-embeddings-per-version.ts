import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * A paper may hold a vector from each version of an embedder: a retrained model's vectors are stored beside the
 * ones in use until it is promoted (search/semantic-index.ts), so the key takes the version. The key now serves
 * what the identity index (0501) did, and catching up reads revisions of one version only. SQLite cannot change
 * a key in place: the table is copied.
 */
export const embeddingsPerVersion: Migration = {
  name: "0520-embeddings-per-version",
  async up(db, capabilities) {
    if (capabilities.dialect === "postgres") {
      await sql`alter table paper_embeddings drop constraint paper_embeddings_pk,
        add constraint paper_embeddings_pk primary key (embedder, version, paper_id)`.execute(db);
    } else {
      await sql`create table paper_embeddings_per_version (
        paper_id text not null references papers (id) on delete cascade,
        embedder text not null,
        version text not null,
        vector blob not null,
        revision integer not null default 0,
        constraint paper_embeddings_pk primary key (embedder, version, paper_id)) without rowid`.execute(db);
      await sql`insert into paper_embeddings_per_version (paper_id, embedder, version, vector, revision)
        select paper_id, embedder, version, vector, revision from paper_embeddings`.execute(db);
      await sql`drop table paper_embeddings`.execute(db);
      await sql`alter table paper_embeddings_per_version rename to paper_embeddings`.execute(db);
    }
    await sql`drop index if exists paper_embeddings_identity`.execute(db);
    await sql`drop index if exists paper_embeddings_revision`.execute(db);
    await db.schema
      .createIndex("paper_embeddings_revision")
      .on("paper_embeddings")
      .columns(["embedder", "version", "revision"])
      .execute();
  },
};
