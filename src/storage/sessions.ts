import type { Account } from "../core/account.js";
import { toAccount } from "./accounts.js";
import type { Database } from "./database.js";

export async function insertSession(
  database: Database,
  session: { tokenHash: string; userId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await database.kysely
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** A live session: its account, when it ends, and whether the account's address as stored gets the digests. */
export interface LiveSession {
  readonly account: Account;
  readonly expiresAt: string;
  readonly addressSubscribed: boolean;
}

/** The live session of a token hash with what a page needs of its reader, in one query; null when none. */
export async function findLiveSession(
  database: Database,
  tokenHash: string,
  now: string,
): Promise<LiveSession | null> {
  const row = await database.kysely
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.handle", "u.email", "u.display_name", "u.role", "s.expires_at"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("subscriptions as d")
            .select("d.id")
            .whereRef("d.email", "=", "u.email")
            .where("d.confirmed_at", "is not", null)
            .where("d.unsubscribed_at", "is", null),
        )
        .as("subscribed"),
    )
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
  if (!row) return null;
  return { account: toAccount(row), expiresAt: row.expires_at, addressSubscribed: Boolean(row.subscribed) };
}

export async function deleteSession(database: Database, tokenHash: string): Promise<void> {
  await database.kysely.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export async function deleteSessionsOf(database: Database, userId: number): Promise<number> {
  const result = await database.kysely
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records a sign-in link's nonce as used; false when it already was (a replayed link). */
export async function markLinkUsed(
  database: Database,
  link: { nonce: string; usedAt: string; expiresAt: string },
): Promise<boolean> {
  const db = database.kysely;
  // Rows past their expiry can go: their links are refused by the signature check anyway.
  await db.deleteFrom("used_sign_in_links").where("expires_at", "<", link.usedAt).execute();
  const result = await db
    .insertInto("used_sign_in_links")
    .values({ nonce: link.nonce, used_at: link.usedAt, expires_at: link.expiresAt })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
