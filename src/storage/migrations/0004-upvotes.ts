import { clusteredOnKey, type Migration } from "./migration.js";

export const upvotes: Migration = {
  name: "0004-upvotes",
  async up(db, capabilities) {
    await db.schema
      .createTable("upvotes")
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("upvotes_pk", ["user_id", "paper_id"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema.createIndex("upvotes_paper").on("upvotes").columns(["paper_id", "created_at"]).execute();
  },
};
