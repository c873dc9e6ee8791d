import type { Migration } from "./migration.js";

/**
 * Each embedder's stored vectors carry a revision that grows with every write, and one counter row per embedder
 * holds the latest: a process polls that row (a primary-key read) and loads only the vectors written since its
 * last look, whoever wrote them.
 */
export const embeddingRevisions: Migration = {
  name: "0500-embedding-revisions",
  async up(db) {
    await db.schema
      .createTable("embedding_revisions")
      .addColumn("embedder", "text", (c) => c.primaryKey())
      .addColumn("revision", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .alterTable("paper_embeddings")
      .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex("paper_embeddings_revision")
      .on("paper_embeddings")
      .columns(["embedder", "revision"])
      .execute();
  },
};
