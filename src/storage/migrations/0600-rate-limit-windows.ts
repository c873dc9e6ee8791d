import type { Migration } from "./migration.js";

export const rateLimitWindows: Migration = {
  name: "0600-rate-limit-windows",
  async up(db) {
    // One row per counted key: the processes sharing a database count in it together.
    await db.schema
      .createTable("rate_limit_windows")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("reset_at_ms", "bigint", (c) => c.notNull())
      .addColumn("count", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("rate_limit_windows_reset")
      .on("rate_limit_windows")
      .column("reset_at_ms")
      .execute();
  },
};
