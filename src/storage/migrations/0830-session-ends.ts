import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * A counter of ended sessions (sign-out, sign-out everywhere, account deletion), moved by a trigger in the
 * deleting transaction: a process that keeps who is signed in keys it on this count, so an ended session is
 * refused by every process at its next request, never before the deletion is visible and never after.
 */
export const sessionEnds: Migration = {
  name: "0830-session-ends",
  async up(db, capabilities) {
    await db.schema
      .createTable("session_ends")
      .addColumn("ends", "bigint", (c) => c.notNull())
      .execute();
    await db.insertInto("session_ends").values({ ends: 0 }).execute();
    if (capabilities.dialect !== "postgres") {
      await sql`create trigger session_ended after delete on sessions
        begin update session_ends set ends = ends + 1; end`.execute(db);
      return;
    }
    await sql`create function session_ended() returns trigger
      language plpgsql set search_path from current as $$
      begin
        update session_ends set ends = ends + 1;
        return null;
      end $$`.execute(db);
    await sql`create trigger session_ended after delete or truncate on sessions
      for each statement execute function session_ended()`.execute(db);
  },
};
