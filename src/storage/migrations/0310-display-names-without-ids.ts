import { defaultDisplayName } from "../../core/account.js";
import type { Migration } from "./migration.js";

/**
 * The default display name was "Reader" and the account's id ("Reader 12"), which tells everyone in which order
 * members joined and how many there are. Accounts still called that get the neutral default their handle lends
 * ("Reader 3f9a2c71" for `reader-3f9a2c71`); names members chose are kept.
 */
export const displayNamesWithoutIds: Migration = {
  name: "0310-display-names-without-ids",
  async up(db) {
    const accounts = await db
      .selectFrom("users")
      .select(["id", "handle", "display_name"])
      .where("email", "is not", null)
      .execute();
    for (const account of accounts) {
      if (account.display_name !== `Reader ${account.id}`) continue;
      await db
        .updateTable("users")
        .set({ display_name: defaultDisplayName(account.handle) })
        .where("id", "=", account.id)
        .execute();
    }
  },
};
