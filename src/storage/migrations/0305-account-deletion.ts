import type { Migration } from "./migration.js";

/**
 * When an account was deleted. Its row stays as a tombstone named "deleted account" so that the comments it
 * wrote keep an author and threads stay readable; everything personal about it is gone.
 */
export const accountDeletion: Migration = {
  name: "0305-account-deletion",
  async up(db) {
    await db.schema.alterTable("users").addColumn("deleted_at", "text").execute();
  },
};
