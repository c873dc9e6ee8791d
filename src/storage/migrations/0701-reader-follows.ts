import { clusteredOnKey, type Migration } from "./migration.js";

export const readerFollows: Migration = {
  name: "0701-reader-follows",
  async up(db, capabilities) {
    // `kind` is `category` or `author`; `value` the folded key (core/author-name.ts), `label` what the reader saw.
    await db.schema
      .createTable("reader_follows")
      .addColumn("account_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("reader_follows_pk", ["account_id", "kind", "value"])
      .$call(clusteredOnKey(capabilities))
      .execute();
  },
};
