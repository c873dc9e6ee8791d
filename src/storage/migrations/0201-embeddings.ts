import { sql } from "kysely";
import { clusteredOnKey, type Migration } from "./migration.js";

/**
 * Paper vectors, each stored with the identity (name and version) of the embedder that made it, and the trained
 * state of built-in embedders (the LSA model).
 */
export const embeddings: Migration = {
  name: "0201-embeddings",
  async up(db, capabilities) {
    const bytes = capabilities.dialect === "postgres" ? sql`bytea` : sql`blob`;
    await db.schema
      .createTable("paper_embeddings")
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("embedder", "text", (c) => c.notNull())
      .addColumn("version", "text", (c) => c.notNull())
      .addColumn("vector", bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_embeddings_pk", ["embedder", "paper_id"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema
      .createTable("embedder_models")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("version", "text", (c) => c.notNull())
      .addColumn("header", "text", (c) => c.notNull())
      .addColumn("data", bytes, (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
  },
};
