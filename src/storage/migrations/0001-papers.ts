import { clusteredOnKey, type Migration } from "./migration.js";

export const papers: Migration = {
  name: "0001-papers",
  async up(db, capabilities) {
    const clustered = clusteredOnKey(capabilities);
    await db.schema
      .createTable("papers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("abstract", "text", (c) => c.notNull())
      .addColumn("comment", "text")
      .addColumn("journal_ref", "text")
      .addColumn("doi", "text")
      .addColumn("license", "text")
      .addColumn("primary_category", "text")
      .addColumn("published", "text")
      .addColumn("updated", "text")
      .addColumn("latest_version", "integer")
      .addColumn("withdrawn", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("content_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("modified_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("paper_versions")
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("created", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_versions_pk", ["paper_id", "version"])
      .$call(clustered)
      .execute();
    await db.schema
      .createTable("paper_authors")
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_authors_pk", ["paper_id", "position"])
      .$call(clustered)
      .execute();
    await db.schema
      .createTable("paper_categories")
      .addColumn("paper_id", "text", (c) => c.notNull().references("papers.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("paper_categories_pk", ["paper_id", "position"])
      .$call(clustered)
      .execute();
    await db.schema
      .createIndex("paper_categories_category")
      .on("paper_categories")
      .columns(["category", "paper_id"])
      .execute();
    await db.schema.createIndex("papers_published").on("papers").column("published").execute();
  },
};
