import { sql } from "kysely";
import { identity, type Migration } from "./migration.js";

export const subscriptions: Migration = {
  name: "0400-subscriptions",
  async up(db, capabilities) {
    await db.schema
      .createTable("subscriptions")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("cadence", "text", (c) => c.notNull().check(sql`cadence in ('daily', 'weekly')`))
      .addColumn("paper_count", "integer", (c) => c.notNull())
      .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      // Random, rotatable: the personal feed's secret token is derived from it and the instance key.
      .addColumn("feed_key", "text", (c) => c.notNull())
      .addColumn("confirmed_at", "text")
      .addColumn("unsubscribed_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("subscriptions_cadence")
      .on("subscriptions")
      .columns(["cadence", "id"])
      .execute();
  },
};
