import { identity, type Migration } from "./migration.js";

export const comments: Migration = {
  name: "0005-comments",
  async up(db, capabilities) {
    await db.schema
      .createTable("comments")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("parent_id", "integer", (c) => c.references("comments.id").onDelete("cascade"))
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("edited_at", "text")
      .addColumn("hidden_at", "text")
      .addColumn("deleted_at", "text")
      .execute();
    await db.schema
      .createIndex("comments_paper")
      .on("comments")
      .columns(["paper_id", "created_at"])
      .execute();
  },
};
