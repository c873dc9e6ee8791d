import type { Account } from "../core/account.js";
import { invalid, notFound } from "../core/errors.js";
import { foldHandle } from "../core/handle.js";
import { findAccountIdByHandle } from "../storage/accounts.js";
import { deleteEditor, insertEditor } from "../storage/collection-editors.js";
import { type CollectionDeps, ownCollection } from "./collection-access.js";

/** Lets another member add papers to the owner's collection. */
export async function addEditor(deps: CollectionDeps, owner: Account, id: number, handle: string) {
  const collection = await ownCollection(deps, owner, id);
  const userId = await findAccountIdByHandle(deps.database, foldHandle(handle));
  if (userId === null) throw notFound(`There is no member called ${handle}.`);
  if (userId === collection.ownerId) throw invalid("The owner can already add papers.");
  await insertEditor(deps.database, id, userId, deps.clock.now().toISOString());
}

export async function removeEditor(deps: CollectionDeps, owner: Account, id: number, handle: string) {
  await ownCollection(deps, owner, id);
  const userId = await findAccountIdByHandle(deps.database, foldHandle(handle));
  if (userId === null || !(await deleteEditor(deps.database, id, userId)))
    throw notFound(`${handle} is not an editor of this collection.`);
}
