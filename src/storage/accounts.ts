import { sql } from "kysely";
import { type Account, defaultDisplayName, type Role } from "../core/account.js";
import type { Database } from "./database.js";

const COLUMNS = ["id", "handle", "email", "display_name", "role"] as const;

interface AccountRow {
  id: number;
  handle: string;
  email: string | null;
  display_name: string;
  role: string;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    handle: row.handle,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
  };
}

export async function findAccountByEmail(database: Database, email: string): Promise<Account | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select(COLUMNS)
    .where("email", "=", email)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountById(database: Database, id: number): Promise<Account | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select(COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function insertAccount(
  database: Database,
  account: { email: string; handle: string; role: Role; now: string },
): Promise<Account> {
  const row = await database.kysely
    .insertInto("users")
    .values({
      handle: account.handle,
      email: account.email,
      display_name: defaultDisplayName(account.handle),
      role: account.role,
      created_at: account.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function updateRole(database: Database, id: number, role: Role): Promise<void> {
  await database.kysely.updateTable("users").set({ role }).where("id", "=", id).execute();
}

export async function updateDisplayName(database: Database, id: number, displayName: string): Promise<void> {
  await database.kysely
    .updateTable("users")
    .set({ display_name: displayName })
    .where("id", "=", id)
    .execute();
}

/** Handles are compared without case (migration 0309 keeps `lower(handle)` unique and indexed). */
const handleIs = (handle: string) => sql<boolean>`lower(handle) = ${handle.toLowerCase()}`;

/** The id of the account with this handle now (whatever its case), or null. */
export async function findAccountIdByHandle(database: Database, handle: string): Promise<number | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select("id")
    .where(handleIs(handle))
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateHandle(database: Database, id: number, handle: string): Promise<void> {
  await database.kysely.updateTable("users").set({ handle }).where("id", "=", id).execute();
}
