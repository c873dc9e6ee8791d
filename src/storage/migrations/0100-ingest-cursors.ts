import type { Migration } from "./migration.js";

export const ingestCursors: Migration = {
  name: "0100-ingest-cursors",
  async up(db) {
    // One row per resumable ingestion (an OAI-PMH harvest of one set, say). The upsert writes it in the same
    // transaction as the page of papers it describes, so the cursor never runs ahead of, or behind, the data.
    await db.schema
      .createTable("ingest_cursors")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
  },
};
