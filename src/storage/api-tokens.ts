import type { Account } from "../core/account.js";
import { toAccount } from "./accounts.js";
import type { Database } from "./database.js";

export interface ApiTokenRow {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export async function insertApiToken(
  database: Database,
  token: { userId: number; name: string; tokenHash: string; now: string },
): Promise<number> {
  const row = await database.kysely
    .insertInto("api_tokens")
    .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: token.now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An account's tokens that still work, newest first. */
export async function listApiTokens(database: Database, userId: number): Promise<ApiTokenRow[]> {
  const rows = await database.kysely
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Revokes one of the account's tokens; false when it has no such live token. */
export async function revokeApiToken(database: Database, userId: number, id: number, now: string) {
  const result = await database.kysely
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findAccountByTokenHash(database: Database, tokenHash: string): Promise<Account | null> {
  const row = await database.kysely
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id as token_id", "u.id", "u.handle", "u.email", "u.display_name", "u.role"])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function touchApiToken(database: Database, tokenHash: string, now: string): Promise<void> {
  await database.kysely
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("token_hash", "=", tokenHash)
    .execute();
}

/** Revokes a token by its id whoever owns it (operators, from the command line); false when none is live. */
export async function revokeApiTokenById(database: Database, id: number, now: string): Promise<boolean> {
  const result = await database.kysely
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
