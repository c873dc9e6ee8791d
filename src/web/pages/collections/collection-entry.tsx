import type { CollectionItem } from "../../../community/collection-view.js";
import type { CollectionRole } from "../../../core/collection.js";
import { plainTexText } from "../../../core/tex-text.js";
import { truncateWords } from "../../../core/text.js";
import { PostForm } from "../../components/forms.js";
import { PaperCard } from "../../components/paper-card.js";
import { CommentCount, UpvoteCount } from "../../components/paper-meta.js";

export interface EntryProps {
  readonly item: CollectionItem;
  readonly place: number;
  readonly count: number;
  readonly collectionId: number;
  readonly role: CollectionRole;
  readonly viewerId: number | null;
  readonly back: string;
}

/** One paper of a collection, with its note and, for whoever may change them, the note form and controls. */
export function CollectionEntry(props: EntryProps) {
  const { item, role, viewerId } = props;
  const mayChange = role === "owner" || (role === "editor" && item.addedBy === viewerId);
  return (
    <li>
      <PaperCard paper={item.paper}>
        <p class="paper-stats">
          <UpvoteCount paper={item.paper} />
          <CommentCount id={item.paper.id} count={item.paper.commentCount} />
        </p>
      </PaperCard>
      {mayChange ? <NoteForm {...props} /> : item.note ? <p class="collection-note">{item.note}</p> : null}
      {mayChange ? <EntryControls {...props} /> : null}
    </li>
  );
}

function NoteForm({ item, collectionId, back }: EntryProps) {
  const id = `note-${item.paper.id.replace("/", "-")}`;
  return (
    <PostForm action={`/collections/${collectionId}/notes`} class="note-form stacked">
      <input type="hidden" name="paper" value={item.paper.id} />
      <input type="hidden" name="back" value={back} />
      <label for={id}>Note on “{truncateWords(plainTexText(item.paper.title), 60)}”</label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={2000}
        placeholder="Only you and the editors see notes."
      >
        {item.note}
      </textarea>
      <button type="submit">Save note</button>
    </PostForm>
  );
}

function EntryControls({ item, place, count, collectionId, role, back }: EntryProps) {
  const title = plainTexText(item.paper.title);
  const action = (path: string) => `/collections/${collectionId}/${path}`;
  const hidden = (
    <>
      <input type="hidden" name="paper" value={item.paper.id} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  return (
    <div class="entry-controls">
      {role === "owner" && place > 1 ? (
        <PostForm action={action("move")} class="inline">
          {hidden}
          <input type="hidden" name="place" value={String(place - 1)} />
          <button type="submit" aria-label={`Move “${title}” up`}>
            ↑ Up
          </button>
        </PostForm>
      ) : null}
      {role === "owner" && place < count ? (
        <PostForm action={action("move")} class="inline">
          {hidden}
          <input type="hidden" name="place" value={String(place + 1)} />
          <button type="submit" aria-label={`Move “${title}” down`}>
            ↓ Down
          </button>
        </PostForm>
      ) : null}
      <PostForm action={action("papers/remove")} class="inline">
        {hidden}
        <button type="submit" aria-label={`Remove “${title}” from this collection`}>
          Remove
        </button>
      </PostForm>
    </div>
  );
}
