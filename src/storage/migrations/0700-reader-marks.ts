import { clusteredOnKey, type Migration } from "./migration.js";

export const readerMarks: Migration = {
  name: "0700-reader-marks",
  async up(db, capabilities) {
    // One row per (account, paper, kind): `not_interested` (signals) or `read` (library's reading state).
    await db.schema
      .createTable("reader_marks")
      .addColumn("account_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("reader_marks_pk", ["account_id", "paper_id", "kind"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    // A reader's marks of one kind, newest first (readerSignals, /api/me/signals); and the cascade from papers.
    await db.schema
      .createIndex("reader_marks_kind")
      .on("reader_marks")
      .columns(["account_id", "kind", "created_at"])
      .execute();
    await db.schema.createIndex("reader_marks_paper").on("reader_marks").column("paper_id").execute();
  },
};
