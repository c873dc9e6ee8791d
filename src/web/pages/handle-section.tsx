import type { Account } from "../../core/account.js";
import { MAX_HANDLE_LENGTH } from "../../core/handle.js";
import { PostForm } from "../components/forms.js";

/** What the handle form says after a refused change: what was typed, kept, and why it was refused. */
export interface HandleRefusal {
  readonly value: string;
  readonly message: string;
}

/** /settings: the handle in the account's addresses, changeable; earlier handles that still lead here. */
export function HandleSection({
  account,
  earlier,
  refusal,
}: {
  readonly account: Account;
  readonly earlier: readonly string[];
  readonly refusal?: HandleRefusal | undefined;
}) {
  return (
    <>
      <h2>Your handle</h2>
      <p>
        Your page: <a href={`/members/${encodeURIComponent(account.handle)}`}>/members/{account.handle}</a>.
        Comments show <strong>@{account.handle}</strong>. After a change, links to the earlier handle keep
        leading here.
      </p>
      {refusal ? (
        <p class="form-error" role="alert" id="handle-refusal">
          {refusal.message}
        </p>
      ) : null}
      <PostForm action="/settings/handle" class="stacked">
        <label for="handle">Handle</label>
        <input
          id="handle"
          name="handle"
          required
          maxLength={MAX_HANDLE_LENGTH}
          autocomplete="username"
          value={refusal ? refusal.value : account.handle}
          aria-invalid={refusal ? "true" : undefined}
          aria-describedby={refusal ? "handle-refusal handle-hint" : "handle-hint"}
        />
        <small id="handle-hint">3 to 30 letters a-z, digits, dots, dashes and underscores.</small>
        <button type="submit">Change handle</button>
      </PostForm>
      {earlier.length > 0 ? <p class="muted">Earlier handles leading here: {earlier.join(", ")}.</p> : null}
    </>
  );
}
