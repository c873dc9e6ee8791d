import { sql } from "kysely";
import { identity, type Migration } from "./migration.js";

/**
 * Collections: named lists of papers owned by an account, private or public. An account's default collection
 * ("Saved", where the one-key save goes) is marked `is_default`; a partial unique index keeps it to one, so two
 * first saves at once cannot make two.
 */
export const collections: Migration = {
  name: "0720-collections",
  async up(db, capabilities) {
    await db.schema
      .createTable("collections")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("owner_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("visibility", "text", (c) => c.notNull().defaultTo("private"))
      .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("collections_owner").on("collections").column("owner_id").execute();
    await db.schema
      .createIndex("collections_one_default")
      .on("collections")
      .column("owner_id")
      .unique()
      .where(sql<boolean>`is_default = 1`)
      .execute();
  },
};
