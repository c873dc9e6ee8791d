import { clusteredOnKey, type Migration } from "./migration.js";

/** The papers of each collection, in the owner's order (`position`), each with a note and who added it. */
export const collectionPapers: Migration = {
  name: "0721-collection-papers",
  async up(db, capabilities) {
    await db.schema
      .createTable("collection_papers")
      .addColumn("collection_id", "integer", (c) =>
        c.notNull().references("collections.id").onDelete("cascade"),
      )
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("added_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("collection_papers_pk", ["collection_id", "paper_id"])
      .$call(clusteredOnKey(capabilities))
      .execute();
    await db.schema
      .createIndex("collection_papers_order")
      .on("collection_papers")
      .columns(["collection_id", "position"])
      .execute();
  },
};
