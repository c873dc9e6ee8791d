import type { Database } from "./database.js";

/** Whether a paper is stored: one primary-key lookup, for writes that only need to know it is there. */
export async function paperExists(database: Database, paperId: string): Promise<boolean> {
  const row = await database.kysely
    .selectFrom("papers")
    .select("id")
    .where("id", "=", paperId)
    .executeTakeFirst();
  return row !== undefined;
}
