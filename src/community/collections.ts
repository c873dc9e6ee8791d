import type { Account } from "../core/account.js";
import {
  type Collection,
  cleanDescription,
  cleanName,
  MAX_COLLECTIONS,
  type Visibility,
} from "../core/collection.js";
import { invalid, notFound } from "../core/errors.js";
import { findAccountIdByHandle } from "../storage/accounts.js";
import {
  type CollectionChanges,
  collectionsOfMember,
  countOwnedCollections,
  deleteCollection,
  findCollection,
  insertCollection,
  publicCollectionsOf,
  updateCollection,
} from "../storage/collections.js";
import { type CollectionDeps, ownCollection } from "./collection-access.js";

export interface CollectionInput {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly visibility?: Visibility | undefined;
}

/** Makes a collection owned by the account: private unless asked otherwise. */
export async function createCollection(
  deps: CollectionDeps,
  account: Account,
  input: CollectionInput,
): Promise<Collection> {
  const name = cleanName(input.name ?? "");
  if ((await countOwnedCollections(deps.database, account.id)) >= MAX_COLLECTIONS)
    throw invalid(`an account owns at most ${MAX_COLLECTIONS} collections: delete one you no longer use`);
  const id = await insertCollection(deps.database, {
    ownerId: account.id,
    name,
    description: cleanDescription(input.description ?? ""),
    visibility: input.visibility ?? "private",
    isDefault: false,
    now: deps.clock.now().toISOString(),
  });
  const created = id === null ? null : await findCollection(deps.database, id);
  if (!created) throw notFound("The new collection could not be read back.");
  return created;
}

/** Renames, describes or shares a collection (owner only). */
export async function changeCollection(
  deps: CollectionDeps,
  account: Account,
  id: number,
  input: CollectionInput,
): Promise<Collection> {
  await ownCollection(deps, account, id);
  const changes: CollectionChanges = {
    ...(input.name !== undefined ? { name: cleanName(input.name) } : {}),
    ...(input.description !== undefined ? { description: cleanDescription(input.description) } : {}),
    ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
  };
  await updateCollection(deps.database, id, changes, deps.clock.now().toISOString());
  const changed = await findCollection(deps.database, id);
  if (!changed) throw notFound(`There is no collection ${id}.`);
  return changed;
}

/** Deletes a collection and its notes (owner only). A deleted "Saved" is made again by the next save. */
export async function removeCollection(deps: CollectionDeps, account: Account, id: number): Promise<void> {
  await ownCollection(deps, account, id);
  await deleteCollection(deps.database, id);
}

/** The collections an account owns or may add to. */
export function myCollections(
  deps: Pick<CollectionDeps, "database">,
  account: Account,
): Promise<Collection[]> {
  return collectionsOfMember(deps.database, account.id);
}

/** A member's public collections, for /members/HANDLE and the API. */
export async function memberPublicCollections(
  deps: Pick<CollectionDeps, "database">,
  handle: string,
): Promise<Collection[]> {
  const ownerId = await findAccountIdByHandle(deps.database, handle);
  if (ownerId === null) throw notFound(`There is no member called ${handle}.`);
  return publicCollectionsOf(deps.database, ownerId);
}
