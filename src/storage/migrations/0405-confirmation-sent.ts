import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * When a subscription's confirmation email was handed to the mail server. A subscribers import mails again only
 * the pending subscriptions that never got one (their mail failed), not everyone who has not clicked yet.
 */
export const confirmationSent: Migration = {
  name: "0405-confirmation-sent",
  async up(db) {
    await db.schema.alterTable("subscriptions").addColumn("confirmation_sent_at", "text").execute();
    // Pending subscriptions from before this column most likely got their mail: do not mail them again.
    await sql`update subscriptions set confirmation_sent_at = created_at where confirmed_at is null`.execute(
      db,
    );
  },
};
