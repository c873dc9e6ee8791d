import { sql } from "kysely";
import type { Collection, Visibility } from "../core/collection.js";
import type { Database } from "./database.js";

function collectionQuery(database: Database) {
  return database.kysely
    .selectFrom("collections as c")
    .innerJoin("users as u", "u.id", "c.owner_id")
    .select((eb) => [
      "c.id",
      "c.owner_id",
      "u.handle",
      "u.display_name",
      "c.name",
      "c.description",
      "c.visibility",
      "c.is_default",
      "c.created_at",
      "c.updated_at",
      eb
        .selectFrom("collection_papers as cp")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("cp.collection_id", "=", "c.id")
        .as("paper_count"),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof collectionQuery>["executeTakeFirstOrThrow"]>>;

function toCollection(row: Row): Collection {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerHandle: row.handle,
    ownerName: row.display_name,
    name: row.name,
    description: row.description,
    visibility: row.visibility === "public" ? "public" : "private",
    isDefault: Number(row.is_default) === 1,
    paperCount: Number(row.paper_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findCollection(database: Database, id: number): Promise<Collection | null> {
  const row = await collectionQuery(database).where("c.id", "=", id).executeTakeFirst();
  return row ? toCollection(row) : null;
}

/** The account's default collection ("Saved"), if it has made one. */
export async function findDefaultCollection(database: Database, ownerId: number): Promise<Collection | null> {
  const row = await collectionQuery(database)
    .where("c.owner_id", "=", ownerId)
    .where("c.is_default", "=", 1)
    .executeTakeFirst();
  return row ? toCollection(row) : null;
}

/** Collections an account owns or may add to, the default first, then by name. */
export async function collectionsOfMember(database: Database, userId: number): Promise<Collection[]> {
  const rows = await collectionQuery(database)
    .where((eb) =>
      eb.or([
        eb("c.owner_id", "=", userId),
        eb(
          "c.id",
          "in",
          eb.selectFrom("collection_editors").select("collection_id").where("user_id", "=", userId),
        ),
      ]),
    )
    .orderBy("c.is_default", "desc")
    .orderBy("c.name")
    .orderBy("c.id")
    .execute();
  return rows.map(toCollection);
}

/** An account's public collections, most recently changed first. */
export async function publicCollectionsOf(database: Database, ownerId: number): Promise<Collection[]> {
  const rows = await collectionQuery(database)
    .where("c.owner_id", "=", ownerId)
    .where("c.visibility", "=", "public")
    .orderBy("c.updated_at", "desc")
    .orderBy("c.id", "desc")
    .execute();
  return rows.map(toCollection);
}

export async function countOwnedCollections(database: Database, ownerId: number): Promise<number> {
  const row = await database.kysely
    .selectFrom("collections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NewCollection {
  readonly ownerId: number;
  readonly name: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly isDefault: boolean;
  readonly now: string;
}

/** Inserts a collection; a second default for one account is silently not made (null). */
export async function insertCollection(database: Database, input: NewCollection): Promise<number | null> {
  const row = await database.kysely
    .insertInto("collections")
    .values({
      owner_id: input.ownerId,
      name: input.name,
      description: input.description,
      visibility: input.visibility,
      is_default: input.isDefault ? 1 : 0,
      created_at: input.now,
      updated_at: input.now,
    })
    // Written out, not a parameter: the database must see that this is the partial index's own predicate.
    .onConflict((oc) => oc.column("owner_id").where(sql<boolean>`is_default = 1`).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface CollectionChanges {
  readonly name?: string;
  readonly description?: string;
  readonly visibility?: Visibility;
}

export async function updateCollection(
  database: Database,
  id: number,
  changes: CollectionChanges,
  now: string,
): Promise<void> {
  await database.kysely
    .updateTable("collections")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** Marks a collection changed (a paper added, moved or annotated), for "most recently changed" orders. */
export async function touchCollection(database: Database, id: number, now: string): Promise<void> {
  await database.kysely.updateTable("collections").set({ updated_at: now }).where("id", "=", id).execute();
}

export async function deleteCollection(database: Database, id: number): Promise<void> {
  await database.kysely.deleteFrom("collections").where("id", "=", id).execute();
}
