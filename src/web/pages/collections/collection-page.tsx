import type { CollectionView } from "../../../community/collection-view.js";
import { collectionPath } from "../../../core/collection.js";
import { CiteExport } from "../../components/cite-export.js";
import { FeedLinks, FollowList } from "../../components/feed-links.js";
import { Layout } from "../../components/layout.js";
import { useViewer } from "../../viewer.js";
import { CollectionEntry } from "./collection-entry.js";
import { CollectionSettings } from "./collection-settings.js";
import { ImportForm } from "./import-form.js";

/** A collection's own page: its papers in order, and for its owner and editors the means to change it. */
export function CollectionPage({ view }: { readonly view: CollectionView }) {
  const { collection, role, entries } = view;
  const { account } = useViewer();
  const path = collectionPath(collection);
  const isPublic = collection.visibility === "public";
  const feedPath = `/feeds/collection/${collection.id}`;
  return (
    <Layout
      title={collection.name}
      description={collection.description || `A collection of ${collection.paperCount} papers`}
      head={isPublic ? <FeedLinks path={feedPath} title={collection.name} /> : null}
    >
      <section class="list-header">
        <h1>{collection.name}</h1>
        <p class="list-date">
          {isPublic ? "Public" : "Private"} collection by{" "}
          <a href={`/members/${collection.ownerHandle}`}>{collection.ownerName}</a> · {entries.length}{" "}
          {entries.length === 1 ? "paper" : "papers"}
        </p>
        {collection.description ? <p class="collection-description">{collection.description}</p> : null}
        {isPublic ? <FollowList path={feedPath} /> : null}
        {entries.length > 0 ? <CiteExport path={path} count={entries.length} /> : null}
      </section>
      {entries.length === 0 ? (
        <p class="empty">No papers yet. Save papers to it from any list or paper page.</p>
      ) : (
        <ol class="paper-list collection-papers">
          {entries.map((item, index) => (
            <CollectionEntry
              key={item.paper.id}
              item={item}
              place={index + 1}
              count={entries.length}
              collectionId={collection.id}
              role={role}
              viewerId={account?.id ?? null}
              back={path}
            />
          ))}
        </ol>
      )}
      {role === "reader" ? null : <ImportForm collectionId={collection.id} />}
      {role === "owner" ? <CollectionSettings view={view} /> : null}
    </Layout>
  );
}
