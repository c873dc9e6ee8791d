import { identity, type Migration } from "./migration.js";

export const curatorActions: Migration = {
  name: "0303-curator-actions",
  async up(db, capabilities) {
    await db.schema
      .createTable("curator_actions")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("paper_id", "text")
      .addColumn("comment_id", "integer")
      .addColumn("detail", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("curator_actions_created")
      .on("curator_actions")
      .column("created_at")
      .execute();
  },
};
