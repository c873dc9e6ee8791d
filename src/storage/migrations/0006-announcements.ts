import type { Migration } from "./migration.js";

export const announcements: Migration = {
  name: "0006-announcements",
  async up(db) {
    // A paper's arXiv day: what makes it one of that day's new papers. `observed` is 1 when a listing of arXiv's
    // new submissions saw it there, 0 when the day was derived from the paper's first version.
    await db.schema
      .createTable("announcements")
      .addColumn("paper_id", "text", (c) => c.primaryKey().references("papers.id").onDelete("cascade"))
      .addColumn("arxiv_day", "text", (c) => c.notNull())
      .addColumn("observed", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("announcements_day")
      .on("announcements")
      .columns(["arxiv_day", "paper_id"])
      .execute();
  },
};
