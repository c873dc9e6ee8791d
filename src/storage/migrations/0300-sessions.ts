import type { Migration } from "./migration.js";

export const sessions: Migration = {
  name: "0300-sessions",
  async up(db) {
    // Only a hash of the cookie's token is stored, so a leaked table cannot be replayed as cookies.
    await db.schema
      .createTable("sessions")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  },
};
