import type { CollectionView } from "../../../community/collection-view.js";
import { PostForm } from "../../components/forms.js";

/** The owner's forms: name, description and sharing; editors; deleting the collection. */
export function CollectionSettings({ view }: { readonly view: CollectionView }) {
  const { collection, editors } = view;
  const action = (path: string) => `/collections/${collection.id}/${path}`;
  return (
    <section class="collection-settings narrow" aria-labelledby="collection-settings-heading">
      <h2 id="collection-settings-heading">Collection settings</h2>
      <PostForm action={action("edit")} class="stacked">
        <label for="collection-name">Name</label>
        <input id="collection-name" name="name" required maxLength={100} value={collection.name} />
        <label for="collection-description">Description</label>
        <textarea id="collection-description" name="description" rows={3} maxLength={2000}>
          {collection.description}
        </textarea>
        <fieldset>
          <legend>Who can see it</legend>
          <label>
            <input
              type="radio"
              name="visibility"
              value="private"
              checked={collection.visibility === "private"}
            />{" "}
            Private: only you and its editors
          </label>
          <label>
            <input
              type="radio"
              name="visibility"
              value="public"
              checked={collection.visibility === "public"}
            />{" "}
            Public: anyone with the link, your member page and its feeds (notes stay private)
          </label>
        </fieldset>
        <button type="submit">Save changes</button>
      </PostForm>
      <h3>Editors</h3>
      <p>Editors can add papers, and change or remove the ones they added.</p>
      <ul class="editor-list">
        {editors.map((editor) => (
          <li key={editor.userId}>
            {editor.displayName} (@{editor.handle})
            <PostForm action={action("editors/remove")} class="inline">
              <input type="hidden" name="handle" value={editor.handle} />
              <button type="submit">Remove</button>
            </PostForm>
          </li>
        ))}
      </ul>
      <PostForm action={action("editors")} class="stacked">
        <label for="editor-handle">Add an editor by handle</label>
        <input id="editor-handle" name="handle" required maxLength={60} />
        <button type="submit">Add editor</button>
      </PostForm>
      <h3>Delete</h3>
      <PostForm action={action("delete")} class="stacked">
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> Delete {collection.paperCount} papers'
          places and notes for good
        </label>
        <button type="submit" class="danger">
          Delete this collection and its notes
        </button>
      </PostForm>
    </section>
  );
}
