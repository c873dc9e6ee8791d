import type { Database } from "./database.js";

/** One paper's place in a collection: its position, its note and who added it. */
export interface CollectionEntry {
  readonly paperId: string;
  readonly position: number;
  readonly note: string;
  readonly addedBy: number | null;
  readonly addedAt: string;
}

/** A collection's papers in the owner's order (ties, from concurrent additions, by when they came). */
export async function collectionEntries(
  database: Database,
  collectionId: number,
): Promise<CollectionEntry[]> {
  const rows = await database.kysely
    .selectFrom("collection_papers")
    .select(["paper_id", "position", "note", "added_by", "added_at"])
    .where("collection_id", "=", collectionId)
    .orderBy("position")
    .orderBy("added_at")
    .orderBy("paper_id")
    .execute();
  return rows.map((row) => ({
    paperId: row.paper_id,
    position: row.position,
    note: row.note,
    addedBy: row.added_by,
    addedAt: row.added_at,
  }));
}

export async function findEntry(
  database: Database,
  collectionId: number,
  paperId: string,
): Promise<CollectionEntry | null> {
  const row = await database.kysely
    .selectFrom("collection_papers")
    .select(["paper_id", "position", "note", "added_by", "added_at"])
    .where("collection_id", "=", collectionId)
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return row
    ? {
        paperId: row.paper_id,
        position: row.position,
        note: row.note,
        addedBy: row.added_by,
        addedAt: row.added_at,
      }
    : null;
}

/** Adds a paper at the end of the collection; false when it is already there (its note and place stay). */
export async function insertEntry(
  database: Database,
  entry: { collectionId: number; paperId: string; note: string; addedBy: number; now: string },
): Promise<boolean> {
  const result = await database.kysely
    .insertInto("collection_papers")
    .values((eb) => ({
      collection_id: entry.collectionId,
      paper_id: entry.paperId,
      position: eb
        .selectFrom("collection_papers")
        .select((s) => s(s.fn.coalesce(s.fn.max("position"), s.lit(0)), "+", 1).as("next"))
        .where("collection_id", "=", entry.collectionId),
      note: entry.note,
      added_by: entry.addedBy,
      added_at: entry.now,
    }))
    .onConflict((oc) => oc.columns(["collection_id", "paper_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteEntry(
  database: Database,
  collectionId: number,
  paperId: string,
): Promise<boolean> {
  const result = await database.kysely
    .deleteFrom("collection_papers")
    .where("collection_id", "=", collectionId)
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function updateNote(
  database: Database,
  collectionId: number,
  paperId: string,
  note: string,
): Promise<boolean> {
  const result = await database.kysely
    .updateTable("collection_papers")
    .set({ note })
    .where("collection_id", "=", collectionId)
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Writes positions 1..n in the given order, touching only the rows whose position changes. */
export async function writeOrder(
  database: Database,
  collectionId: number,
  entries: readonly CollectionEntry[],
): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    if (entry.position === index + 1) continue;
    await database.kysely
      .updateTable("collection_papers")
      .set({ position: index + 1 })
      .where("collection_id", "=", collectionId)
      .where("paper_id", "=", entry.paperId)
      .execute();
  }
}

/** Which of these papers are in the account's default collection ("Saved"). */
export async function inDefaultCollectionAmong(
  database: Database,
  accountId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  if (paperIds.length === 0) return new Set();
  const rows = await database.kysely
    .selectFrom("collection_papers as cp")
    .innerJoin("collections as c", "c.id", "cp.collection_id")
    .select("cp.paper_id")
    .where("c.owner_id", "=", accountId)
    .where("c.is_default", "=", 1)
    .where("cp.paper_id", "in", paperIds)
    .execute();
  return new Set(rows.map((row) => row.paper_id));
}

/** A paper in one of an account's own collections, and when it first went into one. */
export interface SavedPaper {
  readonly paperId: string;
  readonly savedAt: string;
}

export async function savedPapersOf(database: Database, accountId: number): Promise<SavedPaper[]> {
  const rows = await database.kysely
    .selectFrom("collection_papers as cp")
    .innerJoin("collections as c", "c.id", "cp.collection_id")
    .select((eb) => ["cp.paper_id", eb.fn.min("cp.added_at").as("saved_at")])
    .where("c.owner_id", "=", accountId)
    .groupBy("cp.paper_id")
    .orderBy("saved_at", "desc")
    .orderBy("cp.paper_id")
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, savedAt: String(row.saved_at) }));
}

/** For each of these papers, the collections among `collectionIds` that hold it. */
export async function holdersOf(
  database: Database,
  collectionIds: readonly number[],
  paperIds: readonly string[],
): Promise<Map<string, number[]>> {
  const holders = new Map<string, number[]>();
  if (collectionIds.length === 0 || paperIds.length === 0) return holders;
  const rows = await database.kysely
    .selectFrom("collection_papers")
    .select(["paper_id", "collection_id"])
    .where("collection_id", "in", collectionIds)
    .where("paper_id", "in", paperIds)
    .execute();
  for (const row of rows)
    holders.set(row.paper_id, [...(holders.get(row.paper_id) ?? []), row.collection_id]);
  return holders;
}
