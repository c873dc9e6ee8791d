import type { Account } from "../core/account.js";
import { cleanNote, MAX_COLLECTION_PAPERS } from "../core/collection.js";
import { forbidden, invalid, notFound } from "../core/errors.js";
import {
  type CollectionEntry,
  collectionEntries,
  deleteEntry,
  findEntry,
  insertEntry,
  updateNote,
  writeOrder,
} from "../storage/collection-papers.js";
import { touchCollection } from "../storage/collections.js";
import { paperExists } from "../storage/papers-exist.js";
import { inTransaction } from "../storage/transaction.js";
import {
  type CollectionAccess,
  type CollectionDeps,
  contributeTo,
  ownCollection,
} from "./collection-access.js";

/** What adding a paper did: `added` is false when the collection already held it. */
export interface AddOutcome {
  readonly collectionId: number;
  readonly paperId: string;
  readonly added: boolean;
}

/** Adds a paper (owner or editor) at the end of the collection; adding it again changes nothing. */
export async function addToCollection(
  deps: CollectionDeps,
  account: Account,
  id: number,
  paperId: string,
  note = "",
): Promise<AddOutcome> {
  const access = await contributeTo(deps, account, id);
  const text = cleanNote(note);
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  if (access.collection.paperCount >= MAX_COLLECTION_PAPERS)
    throw invalid(`a collection holds at most ${MAX_COLLECTION_PAPERS} papers`);
  const now = deps.clock.now().toISOString();
  const added = await inTransaction(deps.database, async (tx) => {
    const inserted = await insertEntry(tx, {
      collectionId: id,
      paperId,
      note: text,
      addedBy: account.id,
      now,
    });
    if (inserted) await touchCollection(tx, id, now);
    return inserted;
  });
  return { collectionId: id, paperId, added };
}

/** Owners change any entry; editors only the ones they added. */
async function changeableEntry(
  deps: CollectionDeps,
  account: Account,
  id: number,
  paperId: string,
): Promise<{ access: CollectionAccess; entry: CollectionEntry }> {
  const access = await contributeTo(deps, account, id);
  const entry = await findEntry(deps.database, id, paperId);
  if (!entry) throw notFound(`Paper ${paperId} is not in this collection.`);
  if (access.role !== "owner" && entry.addedBy !== account.id)
    throw forbidden("Editors can change only the papers they added.");
  return { access, entry };
}

export async function removeFromCollection(
  deps: CollectionDeps,
  account: Account,
  id: number,
  paperId: string,
) {
  await changeableEntry(deps, account, id, paperId);
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database, async (tx) => {
    if (await deleteEntry(tx, id, paperId)) await touchCollection(tx, id, now);
  });
}

export async function setNote(
  deps: CollectionDeps,
  account: Account,
  id: number,
  paperId: string,
  note: string,
) {
  await changeableEntry(deps, account, id, paperId);
  const text = cleanNote(note);
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database, async (tx) => {
    if (await updateNote(tx, id, paperId, text)) await touchCollection(tx, id, now);
  });
  return text;
}

/**
 * Moves a paper to a place in the collection (1 is the top; past the end means the end). Owner only: the order
 * is how the owner presents the collection.
 */
export async function movePaper(
  deps: CollectionDeps,
  account: Account,
  id: number,
  paperId: string,
  place: number,
): Promise<number> {
  await ownCollection(deps, account, id);
  if (!Number.isInteger(place) || place < 1)
    throw invalid("a place in a collection is a whole number from 1");
  return inTransaction(deps.database, async (tx) => {
    const entries = await collectionEntries(tx, id);
    const from = entries.findIndex((entry) => entry.paperId === paperId);
    const moving = entries[from];
    if (!moving) throw notFound(`Paper ${paperId} is not in this collection.`);
    const rest = entries.filter((_, index) => index !== from);
    const to = Math.min(place - 1, rest.length);
    await writeOrder(tx, id, [...rest.slice(0, to), moving, ...rest.slice(to)]);
    await touchCollection(tx, id, deps.clock.now().toISOString());
    return to + 1;
  });
}
