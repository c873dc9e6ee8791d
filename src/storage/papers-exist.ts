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

// Well under SQLite's bound-parameter limit, and short enough for PostgreSQL's planner.
const LOOKUP_BATCH = 500;

/** Which of these papers are stored, for writes that take many at once (a collection import). */
export async function storedPaperIds(database: Database, paperIds: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let start = 0; start < paperIds.length; start += LOOKUP_BATCH) {
    const rows = await database.kysely
      .selectFrom("papers")
      .select("id")
      .where("id", "in", paperIds.slice(start, start + LOOKUP_BATCH))
      .execute();
    for (const row of rows) stored.add(row.id);
  }
  return stored;
}
