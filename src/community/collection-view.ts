import type { Account } from "../core/account.js";
import type { Collection, CollectionRole } from "../core/collection.js";
import type { PaperSummary } from "../core/paper.js";
import { type CollectionEditor, editorsOf } from "../storage/collection-editors.js";
import { collectionEntries } from "../storage/collection-papers.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import { accessCollection } from "./collection-access.js";

/** A paper as a collection shows it. `note` is empty for readers: notes are for the owner and editors. */
export interface CollectionItem {
  readonly paper: PaperSummary;
  readonly note: string;
  readonly addedBy: number | null;
  readonly addedAt: string;
}

export interface CollectionView {
  readonly collection: Collection;
  readonly role: CollectionRole;
  readonly entries: readonly CollectionItem[];
  /** The members who may add papers; shown to the owner and editors only. */
  readonly editors: readonly CollectionEditor[];
}

/** A collection with its papers in order, as this viewer may see it (see accessCollection). */
export async function openCollection(
  deps: { readonly database: Database },
  viewer: Pick<Account, "id"> | null,
  id: number,
): Promise<CollectionView> {
  const { collection, role } = await accessCollection(deps, viewer, id);
  const member = role !== "reader";
  const [rows, editors] = await Promise.all([
    collectionEntries(deps.database, id),
    member ? editorsOf(deps.database, id) : Promise.resolve([]),
  ]);
  const papers = new Map(
    (
      await getSummaries(
        deps.database,
        rows.map((row) => row.paperId),
      )
    ).map((paper) => [paper.id, paper]),
  );
  const entries = rows.flatMap((row) => {
    const paper = papers.get(row.paperId);
    if (!paper) return [];
    return [{ paper, note: member ? row.note : "", addedBy: row.addedBy, addedAt: row.addedAt }];
  });
  return { collection, role, entries, editors };
}
