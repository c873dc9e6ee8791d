import type { Collection } from "../../../core/collection.js";
import type { PaperSummary } from "../../../core/paper.js";
import { plainTexText } from "../../../core/tex-text.js";
import { PostForm } from "../../components/forms.js";
import { Layout } from "../../components/layout.js";
import { MathText } from "../../components/math-text.js";
import { NewCollectionForm } from "./my-collections-page.js";

export interface SaveToProps {
  readonly paper: PaperSummary;
  readonly collections: readonly Collection[];
  /** Ids of the collections above that hold the paper. */
  readonly holding: ReadonlySet<number>;
  readonly back: string;
}

/**
 * "Save to…": every collection the reader may add to, each with a button that puts the paper in or takes it
 * out. Pages' scripts show the same form in place; without scripts it is this page.
 */
export function SaveToPage(props: SaveToProps) {
  const { paper, back } = props;
  return (
    <Layout title={`Save “${plainTexText(paper.title)}” to…`}>
      <section class="narrow">
        <h1>Save to…</h1>
        <p>
          <a href={`/papers/${paper.id}`}>
            <MathText text={paper.title} />
          </a>
        </p>
        <SaveToList {...props} />
        <p>
          <a href={back}>Back</a>
        </p>
        <h2>New collection with this paper</h2>
        <NewCollectionForm paper={paper.id} back={back} />
      </section>
    </Layout>
  );
}

export function SaveToList({ paper, collections, holding, back }: SaveToProps) {
  return (
    <ul class="save-to-list" data-save-to={paper.id}>
      {collections.map((collection) => {
        const held = holding.has(collection.id);
        return (
          <li key={collection.id}>
            <PostForm action={`/collections/${collection.id}/papers${held ? "/remove" : ""}`} class="inline">
              <input type="hidden" name="paper" value={paper.id} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" aria-pressed={held ? "true" : "false"}>
                {held ? "✓ " : "+ "}
                {collection.name}
              </button>
            </PostForm>
          </li>
        );
      })}
    </ul>
  );
}
