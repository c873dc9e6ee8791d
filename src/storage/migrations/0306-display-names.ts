import { sql } from "kysely";
import type { Migration } from "./migration.js";

/**
 * Display names were the handle, itself the email's local part (`first.last`). Accounts that never chose a name
 * get the safe default instead ("Reader 12"); the import account keeps its name.
 */
export const displayNames: Migration = {
  name: "0306-display-names",
  async up(db) {
    await sql`update users set display_name = 'Reader ' || cast(id as text)
      where display_name = handle and email is not null`.execute(db);
  },
};
