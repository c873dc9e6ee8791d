import type { Migration } from "./migration.js";

/** When confirmation emails went to an address, so repeated subscribe requests cannot flood it. */
export const subscribeRequests: Migration = {
  name: "0404-subscribe-requests",
  async up(db) {
    await db.schema
      .createTable("subscribe_requests")
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("requested_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subscribe_requests_email")
      .on("subscribe_requests")
      .columns(["email", "requested_at"])
      .execute();
  },
};
