import type { Kysely } from "kysely";
import { neutralHandle } from "../../core/handle.js";
import type { Migration } from "./migration.js";

/** The handle sign-up used to give: the address's local part, lower-cased, with a number when it was taken. */
function wasDerivedFrom(email: string, handle: string): boolean {
  const local = (email.split("@")[0] ?? "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  const trimmed = local.replace(/^[-._]+|[-._]+$/g, "").slice(0, 30);
  const base = trimmed.length >= 2 ? trimmed : "member";
  return handle === base || (handle.startsWith(base) && /^\d+$/.test(handle.slice(base.length)));
}

// biome-ignore lint/suspicious/noExplicitAny: a migration's database type is by nature untyped
async function unusedNeutralHandle(db: Kysely<any>): Promise<string> {
  for (;;) {
    const handle = neutralHandle();
    const taken = await db.selectFrom("users").select("id").where("handle", "=", handle).executeTakeFirst();
    if (!taken) return handle;
  }
}

/**
 * Handles were the email's local part (`first.last`), public in member pages, comments and the API. Accounts
 * whose handle is still that get a neutral one (`reader-3f9a2c71`). The old handle is held back from other
 * members, so nobody else answers at an address that once was this member's, but it does not redirect:
 * a redirect would keep telling anyone who tries `/members/first.last` which account it was. Accounts without
 * an address (the import account, deleted accounts) keep theirs.
 */
export const neutralHandles: Migration = {
  name: "0308-neutral-handles",
  async up(db) {
    const now = new Date().toISOString();
    const accounts = await db
      .selectFrom("users")
      .select(["id", "handle", "email"])
      .where("email", "is not", null)
      .execute();
    for (const account of accounts) {
      if (!wasDerivedFrom(account.email, account.handle)) continue;
      const handle = await unusedNeutralHandle(db);
      await db
        .insertInto("retired_handles")
        .values({ handle: account.handle, account_id: account.id, retired_at: now, redirects: 0 })
        .execute();
      await db.updateTable("users").set({ handle }).where("id", "=", account.id).execute();
    }
  },
};
