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

export async function findAccountByHandle(database: Database, handle: string): Promise<Account | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select(COLUMNS)
    .where("handle", "=", handle)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

async function freeHandle(database: Database, wanted: string): Promise<string> {
  const taken = await database.kysely
    .selectFrom("users")
    .select("handle")
    .where("handle", "like", `${wanted}%`)
    .execute();
  const names = new Set(taken.map((row) => row.handle));
  if (!names.has(wanted)) return wanted;
  let n = 2;
  while (names.has(`${wanted}${n}`)) n += 1;
  return `${wanted}${n}`;
}

export async function insertAccount(
  database: Database,
  account: { email: string; handle: string; role: Role; now: string },
): Promise<Account> {
  const handle = await freeHandle(database, account.handle);
  const row = await database.kysely
    .insertInto("users")
    .values({
      handle,
      email: account.email,
      // "Reader N" needs the id, known only after this insert: until the update below the name is neutral,
      // never the handle (an email's local part).
      display_name: "Reader",
      role: account.role,
      created_at: account.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  const displayName = defaultDisplayName(row.id);
  await database.kysely
    .updateTable("users")
    .set({ display_name: displayName })
    .where("id", "=", row.id)
    .execute();
  return toAccount({ ...row, display_name: displayName });
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

/** The id of the account with this handle, or null. */
export async function findAccountIdByHandle(database: Database, handle: string): Promise<number | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select("id")
    .where("handle", "=", handle)
    .executeTakeFirst();
  return row?.id ?? null;
}
