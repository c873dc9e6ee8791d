import type { Account } from "../core/account.js";
import { DEFAULT_COLLECTION_NAME } from "../core/collection.js";
import { notFound } from "../core/errors.js";
import {
  deleteEntry,
  inDefaultCollectionAmong,
  insertEntry,
  type SavedPaper,
  savedPapersOf,
} from "../storage/collection-papers.js";
import { findDefaultCollection, insertCollection, touchCollection } from "../storage/collections.js";
import type { Database } from "../storage/database.js";
import { paperExists } from "../storage/papers-exist.js";
import { inTransaction } from "../storage/transaction.js";
import type { CollectionDeps } from "./collection-access.js";
import { featureFromTriage, type TriageDeps, unfeatureIfUnbacked } from "./triage-features.js";

/** The one-key save's answer: whether the paper is now in the reader's default collection ("Saved"). */
export interface SaveState {
  readonly paperId: string;
  readonly saved: boolean;
  readonly collectionId: number;
}

/** The account's default collection, made (private, named "Saved") on first use. */
export async function defaultCollectionId(deps: CollectionDeps, accountId: number): Promise<number> {
  const existing = await findDefaultCollection(deps.database, accountId);
  if (existing) return existing.id;
  const id = await insertCollection(deps.database, {
    ownerId: accountId,
    name: DEFAULT_COLLECTION_NAME,
    description: "",
    visibility: "private",
    isDefault: true,
    now: deps.clock.now().toISOString(),
  });
  if (id !== null) return id;
  // Another request made it a moment ago.
  const made = await findDefaultCollection(deps.database, accountId);
  if (!made) throw notFound("The default collection could not be made.");
  return made.id;
}

/**
 * Puts a paper in the reader's default collection or takes it out. Like upvotes, callers say which state they
 * want, so a retried request cannot flip it back; other collections holding the paper are left alone. A save
 * may also feature a new paper, and taking it back may unfeature it again (community/triage-features.ts).
 */
export async function setSaved(
  deps: CollectionDeps & Pick<TriageDeps, "config">,
  account: Pick<Account, "id" | "role">,
  paperId: string,
  on: boolean,
): Promise<SaveState> {
  if (!(await paperExists(deps.database, paperId))) throw notFound(`No paper ${paperId} is known here.`);
  const collectionId = await defaultCollectionId(deps, account.id);
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database, async (tx) => {
    const changed = on
      ? await insertEntry(tx, { collectionId, paperId, note: "", addedBy: account.id, now })
      : await deleteEntry(tx, collectionId, paperId);
    if (changed) await touchCollection(tx, collectionId, now);
  });
  if (on) await featureFromTriage(deps, account, paperId);
  else await unfeatureIfUnbacked(deps, paperId);
  return { paperId, saved: on, collectionId };
}

/**
 * Which of these papers are in the account's "Saved" collection: the mark lists show (the overlay) and what
 * the one-key save toggles.
 */
export function savedAmong(
  database: Database,
  accountId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  return inDefaultCollectionAmong(database, accountId, paperIds);
}

/**
 * Every paper in a collection the account owns, with when it was first put in one: saves as a signal (For you
 * learns from them; the account's data download lists them).
 */
export function savesOf(database: Database, accountId: number): Promise<SavedPaper[]> {
  return savedPapersOf(database, accountId);
}
