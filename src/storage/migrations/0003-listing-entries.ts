import { clusteredOnKey, type Migration } from "./migration.js";

export const listingEntries: Migration = {
  name: "0003-listing-entries",
  async up(db, capabilities) {
    // The primary key on paper_id is the rule "a paper is featured at most once".
    await db.schema
      .createTable("listing_entries")
      .addColumn("paper_id", "text", (c) => c.primaryKey().references("papers.id").onDelete("cascade"))
      .addColumn("listing_day", "text", (c) => c.notNull())
      .addColumn("submitted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("featured_at", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("external_upvotes", "integer")
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema
      .createIndex("listing_entries_day")
      .on("listing_entries")
      .columns(["listing_day", "paper_id"])
      .execute();
    await db.schema
      .createIndex("listing_entries_submitter")
      .on("listing_entries")
      .column("submitted_by")
      .execute();
  },
};
