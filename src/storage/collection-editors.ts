import type { Database } from "./database.js";

/** A member an owner lets add papers to a collection. */
export interface CollectionEditor {
  readonly userId: number;
  readonly handle: string;
  readonly displayName: string;
}

export async function editorsOf(database: Database, collectionId: number): Promise<CollectionEditor[]> {
  const rows = await database.kysely
    .selectFrom("collection_editors as e")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select(["u.id", "u.handle", "u.display_name"])
    .where("e.collection_id", "=", collectionId)
    .orderBy("u.handle")
    .execute();
  return rows.map((row) => ({ userId: row.id, handle: row.handle, displayName: row.display_name }));
}

export async function isEditor(database: Database, collectionId: number, userId: number): Promise<boolean> {
  const row = await database.kysely
    .selectFrom("collection_editors")
    .select("user_id")
    .where("collection_id", "=", collectionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertEditor(database: Database, collectionId: number, userId: number, now: string) {
  await database.kysely
    .insertInto("collection_editors")
    .values({ collection_id: collectionId, user_id: userId, added_at: now })
    .onConflict((oc) => oc.columns(["collection_id", "user_id"]).doNothing())
    .execute();
}

export async function deleteEditor(database: Database, collectionId: number, userId: number) {
  const result = await database.kysely
    .deleteFrom("collection_editors")
    .where("collection_id", "=", collectionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
