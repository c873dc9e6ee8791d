import { clusteredOnKey, type Migration } from "./migration.js";

/** Which papers a subscription has already been sent, so no digest repeats one. */
export const sentPapers: Migration = {
  name: "0403-sent-papers",
  async up(db, capabilities) {
    await db.schema
      .createTable("sent_papers")
      .addColumn("subscription_id", "integer", (c) =>
        c.notNull().references("subscriptions.id").onDelete("cascade"),
      )
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("period_key", "text", (c) => c.notNull())
      .addColumn("sent_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("sent_papers_pk", ["subscription_id", "paper_id"])
      .$call(clusteredOnKey(capabilities))
      .execute();
  },
};
