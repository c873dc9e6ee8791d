import type { Migration } from "./migration.js";

/**
 * Handles an account used before: `/members/OLD` redirects to the account while `redirects` is 1, and nobody
 * else may take OLD for a while (docs/library.md says how long). Deleting the account deletes its rows.
 */
export const retiredHandles: Migration = {
  name: "0307-retired-handles",
  async up(db) {
    await db.schema
      .createTable("retired_handles")
      .addColumn("handle", "text", (c) => c.primaryKey())
      .addColumn("account_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("retired_at", "text", (c) => c.notNull())
      .addColumn("redirects", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("retired_handles_account")
      .on("retired_handles")
      .column("account_id")
      .execute();
  },
};
