import { clusteredOnKey, type Migration } from "./migration.js";

/** Members an owner lets add papers to a collection (a lab's reading list). */
export const collectionEditors: Migration = {
  name: "0722-collection-editors",
  async up(db, capabilities) {
    await db.schema
      .createTable("collection_editors")
      .addColumn("collection_id", "integer", (c) =>
        c.notNull().references("collections.id").onDelete("cascade"),
      )
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("added_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("collection_editors_pk", ["collection_id", "user_id"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema
      .createIndex("collection_editors_user")
      .on("collection_editors")
      .column("user_id")
      .execute();
  },
};
