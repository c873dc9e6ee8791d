import type { Database } from "./database.js";

/** The stored position of a resumable ingestion (JSON text), or null when it never ran. */
export async function loadCheckpoint(database: Database, name: string): Promise<string | null> {
  const row = await database.kysely
    .selectFrom("ingest_cursors")
    .select("state")
    .where("name", "=", name)
    .executeTakeFirst();
  return row?.state ?? null;
}

/** Saves a position on its own, for steps that write no papers (an empty harvest, a restart). */
export async function saveCheckpoint(
  database: Database,
  name: string,
  state: string,
  now: string,
): Promise<void> {
  await database.kysely
    .insertInto("ingest_cursors")
    .values({ name, state, updated_at: now })
    .onConflict((oc) => oc.column("name").doUpdateSet({ state, updated_at: now }))
    .execute();
}
