import { sql } from "kysely";
import { clusteredOnKey, type Migration } from "./migration.js";

/** The delivery ledger: one row per (subscription, period), so no digest is handed to SMTP twice. */
export const deliveries: Migration = {
  name: "0402-deliveries",
  async up(db, capabilities) {
    await db.schema
      .createTable("deliveries")
      .addColumn("subscription_id", "integer", (c) =>
        c.notNull().references("subscriptions.id").onDelete("cascade"),
      )
      .addColumn("period_key", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) =>
        c.notNull().check(sql`status in ('sending', 'sent', 'retry', 'failed', 'empty')`),
      )
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("claimed_at", "text", (c) => c.notNull())
      .addColumn("next_attempt_at", "text")
      .addColumn("sent_at", "text")
      .addColumn("message_id", "text")
      .addColumn("paper_ids", "text")
      .addColumn("error", "text")
      .addPrimaryKeyConstraint("deliveries_pk", ["subscription_id", "period_key"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema
      .createIndex("deliveries_period")
      .on("deliveries")
      .columns(["period_key", "status"])
      .execute();
  },
};
