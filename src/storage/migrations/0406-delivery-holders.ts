import type { Migration } from "./migration.js";

/**
 * Who holds a digest's claim (storage/run-holder.ts), so that a run started right after a crashed one takes
 * over the dead run's claims at once instead of waiting out their lease. Older claims have none and wait.
 */
export const deliveryHolders: Migration = {
  name: "0406-delivery-holders",
  async up(db) {
    await db.schema.alterTable("deliveries").addColumn("claimed_by", "text").execute();
  },
};
