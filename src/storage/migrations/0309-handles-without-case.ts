import { sql } from "kysely";
import type { Migration } from "./migration.js";

/** Handles are unique whatever their case (`Ada` is `ada`), and found by their lower-case form. */
export const handlesWithoutCase: Migration = {
  name: "0309-handles-without-case",
  async up(db) {
    await sql`create unique index users_handle_folded on users (lower(handle))`.execute(db);
  },
};
