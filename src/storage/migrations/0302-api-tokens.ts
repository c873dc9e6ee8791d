import { identity, type Migration } from "./migration.js";

export const apiTokens: Migration = {
  name: "0302-api-tokens",
  async up(db, capabilities) {
    await db.schema
      .createTable("api_tokens")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      // SHA-256 of the token; the token itself is shown once and never stored.
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
  },
};
