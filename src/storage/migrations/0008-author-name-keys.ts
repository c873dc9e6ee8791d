import { type Kysely, sql } from "kysely";
import { authorIndexKey } from "../../core/author-name.js";
import type { Migration } from "./migration.js";

const CHUNK = 4000;

/**
 * Each author row gets the key its author page looks it up by: the folded surname and first initial
 * (core/author-name.ts), so every way of writing a name that may be the same person shares one index entry.
 */
export const authorNameKeys: Migration = {
  name: "0008-author-name-keys",
  async up(db) {
    await db.schema.alterTable("paper_authors").addColumn("name_key", "text").execute();
    await fillNameKeys(db);
    await db.schema
      .createIndex("paper_authors_name_key")
      .on("paper_authors")
      .columns(["name_key", "paper_id"])
      .execute();
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a migration's database type is by nature untyped
async function fillNameKeys(db: Kysely<any>) {
  for (;;) {
    const { rows } = await sql<{ paper_id: string; position: number; name: string }>`
      select paper_id, position, name from paper_authors where name_key is null limit ${CHUNK}`.execute(db);
    if (rows.length === 0) return;
    const values = rows.map(
      (r) => sql`(${r.paper_id}, cast(${r.position} as integer), ${authorIndexKey(r.name)})`,
    );
    await sql`with k (paper_id, position, name_key) as (values ${sql.join(values)})
      update paper_authors set name_key = k.name_key from k
      where paper_authors.paper_id = k.paper_id and paper_authors.position = k.position`.execute(db);
  }
}
