import type { Account } from "../../core/account.js";
import { PostForm } from "../components/forms.js";

/** /settings: the display name, the download of everything the account holds, and deleting the account. */
export function AccountDataSection({ account }: { readonly account: Account }) {
  return (
    <>
      <h2>Your name</h2>
      <PostForm action="/settings/name" class="stacked">
        <label for="display-name">Display name (shown on your collections and member page)</label>
        <input id="display-name" name="name" required maxLength={60} value={account.displayName} />
        <button type="submit">Save name</button>
      </PostForm>
      <h2>Your data</h2>
      <p>
        <a href="/settings/data.json" download="">
          Download everything this account holds
        </a>{" "}
        (JSON: upvotes, comments, collections with notes, signals, subscription).
      </p>
      <h3>Delete this account</h3>
      <p>
        Your upvotes, collections and notes, signals, sessions, tokens and digest subscription are removed.
        Your comments stay, shown as by “deleted account”, so discussions stay readable.
      </p>
      <PostForm action="/settings/delete" class="stacked">
        <label for="confirm-handle">Type your handle, {account.handle}, to confirm</label>
        <input id="confirm-handle" name="confirm" required autocomplete="off" />
        <button type="submit" class="danger">
          Delete my account
        </button>
      </PostForm>
    </>
  );
}
