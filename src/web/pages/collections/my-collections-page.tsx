import type { Collection } from "../../../core/collection.js";
import { PostForm } from "../../components/forms.js";
import { Layout } from "../../components/layout.js";
import { CollectionList } from "./collection-list.js";

/** `/collections`: the reader's collections (owned and shared with them) and a form for a new one. */
export function MyCollectionsPage({ collections }: { readonly collections: readonly Collection[] }) {
  return (
    <Layout title="Your collections">
      <section class="narrow">
        <h1>Your collections</h1>
        {collections.length === 0 ? (
          <p>No collections yet. The Save button on any paper starts your “Saved” collection.</p>
        ) : (
          <CollectionList collections={collections} />
        )}
        <h2>New collection</h2>
        <NewCollectionForm />
      </section>
    </Layout>
  );
}

/** Makes a collection; with `paper`, the paper goes into it at once (the "save to…" page). */
export function NewCollectionForm({ paper, back }: { readonly paper?: string; readonly back?: string }) {
  return (
    <PostForm action="/collections" class="stacked">
      {paper ? <input type="hidden" name="paper" value={paper} /> : null}
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <label for="new-collection-name">Name</label>
      <input id="new-collection-name" name="name" required maxLength={100} />
      <label for="new-collection-description">Description (optional)</label>
      <textarea id="new-collection-description" name="description" rows={2} maxLength={2000} />
      <label>
        <input type="checkbox" name="visibility" value="public" /> Public (anyone can read it; notes stay
        private)
      </label>
      <button type="submit">Create collection</button>
    </PostForm>
  );
}
