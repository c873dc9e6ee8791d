import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import type { Collection, CollectionRole } from "../core/collection.js";
import { forbidden, notFound } from "../core/errors.js";
import { isEditor } from "../storage/collection-editors.js";
import { findCollection } from "../storage/collections.js";
import type { Database } from "../storage/database.js";

/** What the collection services need: the database and the clock, nothing else. */
export interface CollectionDeps {
  readonly database: Database;
  readonly clock: Clock;
}

/** A collection together with what the viewer is to it. */
export interface CollectionAccess {
  readonly collection: Collection;
  readonly role: CollectionRole;
}

/**
 * The collection as this viewer may see it. A private collection is answered as missing to everyone but its
 * owner and editors, so its existence does not leak either.
 */
export async function accessCollection(
  deps: Pick<CollectionDeps, "database">,
  viewer: Pick<Account, "id"> | null,
  id: number,
): Promise<CollectionAccess> {
  const collection = await findCollection(deps.database, id);
  const missing = notFound(`There is no collection ${id}, or it is private.`);
  if (!collection) throw missing;
  if (viewer?.id === collection.ownerId) return { collection, role: "owner" };
  if (viewer && (await isEditor(deps.database, id, viewer.id))) return { collection, role: "editor" };
  if (collection.visibility !== "public") throw missing;
  return { collection, role: "reader" };
}

/** Owner-only changes (renaming, sharing, ordering, editors, deletion). */
export async function ownCollection(
  deps: Pick<CollectionDeps, "database">,
  account: Pick<Account, "id">,
  id: number,
): Promise<Collection> {
  const access = await accessCollection(deps, account, id);
  if (access.role !== "owner") throw forbidden("Only the collection's owner can do this.");
  return access.collection;
}

/** Owner or editor: adding papers. */
export async function contributeTo(
  deps: Pick<CollectionDeps, "database">,
  account: Pick<Account, "id">,
  id: number,
): Promise<CollectionAccess> {
  const access = await accessCollection(deps, account, id);
  if (access.role === "reader")
    throw forbidden("Only the collection's owner and editors can add papers to it.");
  return access;
}
