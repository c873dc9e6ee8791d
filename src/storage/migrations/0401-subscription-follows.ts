import { clusteredOnKey, type Migration } from "./migration.js";

export const subscriptionFollows: Migration = {
  name: "0401-subscription-follows",
  async up(db, capabilities) {
    await db.schema
      .createTable("subscription_follows")
      .addColumn("subscription_id", "integer", (c) =>
        c.notNull().references("subscriptions.id").onDelete("cascade"),
      )
      .addColumn("position", "integer", (c) => c.notNull())
      // `trending`, `cat:CATEGORY` or a saved search query (src/core/follows.ts).
      .addColumn("follow", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("subscription_follows_pk", ["subscription_id", "position"])
      .$call(clusteredOnKey(capabilities))
      .execute();
  },
};
