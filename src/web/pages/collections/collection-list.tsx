import type { Collection } from "../../../core/collection.js";
import { collectionPath } from "../../../core/collection.js";

/** Collections as a list of links with their size and visibility. */
export function CollectionList({ collections }: { readonly collections: readonly Collection[] }) {
  return (
    <ul class="collection-list">
      {collections.map((collection) => (
        <li key={collection.id}>
          <a href={collectionPath(collection)}>{collection.name}</a>{" "}
          <span class="muted">
            {collection.paperCount} {collection.paperCount === 1 ? "paper" : "papers"} ·{" "}
            {collection.visibility === "public" ? "public" : "private"}
          </span>
          {collection.description ? <p class="collection-description">{collection.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
