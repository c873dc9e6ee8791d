import { clusteredOnKey, type Migration } from "./migration.js";

/**
 * Papers whose keyword-index entry is still to be written. A bulk import queues the papers it stores here, in
 * the same transaction, instead of indexing each batch as it goes; the queue is then worked off in large
 * chunks (storage/keyword-index-queue.ts). A deleted paper leaves the queue by cascade.
 */
export const keywordIndexQueue: Migration = {
  name: "0203-keyword-index-queue",
  async up(db, capabilities) {
    await db.schema
      .createTable("search_pending")
      .addColumn("paper_id", "text", (c) => c.primaryKey().references("papers.id").onDelete("cascade"))
      .$call(clusteredOnKey(capabilities))
      .execute();
  },
};
