import type { Collection } from "../../../core/collection.js";
import { Layout } from "../../components/layout.js";
import { CollectionList } from "./collection-list.js";

export interface MemberPageProps {
  readonly handle: string;
  readonly displayName: string;
  readonly collections: readonly Collection[];
}

/** `/members/HANDLE`: a member's name and public collections, nothing private. */
export function MemberPage({ handle, displayName, collections }: MemberPageProps) {
  return (
    <Layout title={displayName}>
      <section class="narrow">
        <h1>{displayName}</h1>
        <p class="muted">@{handle}</p>
        <h2>Public collections</h2>
        {collections.length === 0 ? (
          <p>No public collections.</p>
        ) : (
          <CollectionList collections={collections} />
        )}
      </section>
    </Layout>
  );
}
