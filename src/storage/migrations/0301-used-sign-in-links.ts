import type { Migration } from "./migration.js";

export const usedSignInLinks: Migration = {
  name: "0301-used-sign-in-links",
  async up(db) {
    // A sign-in link's nonce lands here when the link is used; a second use finds it and is refused.
    await db.schema
      .createTable("used_sign_in_links")
      .addColumn("nonce", "text", (c) => c.primaryKey())
      .addColumn("used_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
  },
};
