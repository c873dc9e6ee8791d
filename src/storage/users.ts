import type { Database } from "./database.js";

export async function findUserIdByHandle(database: Database, handle: string): Promise<number | null> {
  const row = await database.kysely
    .selectFrom("users")
    .select("id")
    .where("handle", "=", handle)
    .executeTakeFirst();
  return row?.id ?? null;
}
