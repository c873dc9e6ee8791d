import type { CollectionView } from "../../community/collection-view.js";
import { collectionPath, type Collection as StoredCollection } from "../../core/collection.js";
import type { Collection, CollectionSummary } from "./collection-schemas.js";
import { type PresentContext, presentPaper } from "./presenters.js";

/** The one place a collection's JSON shape is written. */
export function presentCollectionSummary(
  collection: StoredCollection,
  context: PresentContext,
): CollectionSummary {
  return {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    visibility: collection.visibility,
    isDefault: collection.isDefault,
    owner: { handle: collection.ownerHandle, name: collection.ownerName },
    paperCount: collection.paperCount,
    url: `${context.baseUrl}${collectionPath(collection)}`,
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
  };
}

/** A collection with its papers; notes only when the caller is its owner or an editor. */
export function presentCollection(view: CollectionView, context: PresentContext): Collection {
  const member = view.role !== "reader";
  return {
    ...presentCollectionSummary(view.collection, context),
    role: view.role,
    editors: view.editors.map((editor) => ({ handle: editor.handle, name: editor.displayName })),
    papers: view.entries.map((entry) => ({
      paper: presentPaper(entry.paper, context),
      ...(member ? { note: entry.note } : {}),
      addedAt: entry.addedAt,
    })),
  };
}
