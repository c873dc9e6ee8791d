import { sql } from "kysely";
import { identity, type Migration } from "./migration.js";

export const users: Migration = {
  name: "0002-users",
  async up(db, capabilities) {
    await db.schema
      .createTable("users")
      .addColumn("id", "integer", identity(capabilities))
      .addColumn("handle", "text", (c) => c.notNull().unique())
      .addColumn("email", "text", (c) => c.unique())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('member', 'curator', 'admin')`))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    // Bulk imports stand as this account; it has no address, so nobody can sign in as it.
    await db
      .insertInto("users")
      .values({
        handle: "paperboy",
        email: null,
        display_name: "Paperboy import",
        role: "member",
        created_at: new Date(0).toISOString(),
      })
      .execute();
  },
};
