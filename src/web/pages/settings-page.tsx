import { type Account, hasRole } from "../../core/account.js";
import type { ApiTokenRow } from "../../storage/api-tokens.js";
import type { Subscription } from "../../storage/subscriptions.js";
import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";
import { AccountDataSection } from "./account-data-section.js";
import { type HandleRefusal, HandleSection } from "./handle-section.js";

export interface SettingsPageProps {
  readonly account: Account;
  readonly tokens: readonly ApiTokenRow[];
  /** The digest subscription of the account's address, with its signed links, if there is one. */
  readonly digest: {
    readonly subscription: Subscription;
    readonly links: { readonly preferences: string; readonly unsubscribe: string };
  } | null;
  /** A token just created: shown this once, never again. */
  readonly newToken?: { readonly name: string; readonly token: string };
  /** Earlier handles that still lead to the account. */
  readonly earlierHandles: readonly string[];
  readonly handleRefusal?: HandleRefusal | undefined;
}

export function SettingsPage(props: SettingsPageProps) {
  const { account, tokens, newToken, digest } = props;
  return (
    <Layout title="Settings">
      <section class="narrow">
        <h1>Settings</h1>
        <dl class="paper-facts">
          <div>
            <dt>Handle</dt>
            <dd>{account.handle}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{account.role}</dd>
          </div>
        </dl>
        {hasRole(account, "curator") ? (
          <p>
            <a href="/curate/log">Curator log</a>: every feature, move, unfeature, hide and restore.
          </p>
        ) : null}
        <HandleSection account={account} earlier={props.earlierHandles} refusal={props.handleRefusal} />
        <Digests account={account} digest={digest} />
        <ApiTokens tokens={tokens} newToken={newToken} />
        <h2>Sessions</h2>
        <PostForm action="/logout/everywhere">
          <button type="submit">Sign out everywhere</button>
        </PostForm>
        <AccountDataSection account={account} />
      </section>
    </Layout>
  );
}

function ApiTokens({ tokens, newToken }: Pick<SettingsPageProps, "tokens" | "newToken">) {
  return (
    <>
      <h2>API tokens</h2>
      <p>
        Scripts send a token as <code>Authorization: Bearer …</code> to write through the API as you.
      </p>
      {newToken ? (
        <p class="notice" role="status">
          Your new token “{newToken.name}”, shown only this once: <code class="token">{newToken.token}</code>
        </p>
      ) : null}
      {tokens.length === 0 ? <p>No tokens yet.</p> : null}
      <ul class="token-list">
        {tokens.map((token) => (
          <li key={token.id}>
            <strong>{token.name}</strong> created {token.createdAt.slice(0, 10)}
            {token.lastUsedAt ? `, last used ${token.lastUsedAt.slice(0, 10)}` : ", never used"}
            <PostForm action={`/settings/tokens/${token.id}/revoke`} class="inline">
              <button type="submit">Revoke</button>
            </PostForm>
          </li>
        ))}
      </ul>
      <PostForm action="/settings/tokens" class="stacked">
        <label for="token-name">New token name</label>
        <input id="token-name" name="name" required maxLength={80} placeholder="my script" />
        <button type="submit">Create token</button>
      </PostForm>
    </>
  );
}

function Digests({ account, digest }: Pick<SettingsPageProps, "account" | "digest">) {
  const active = digest?.subscription.confirmedAt && !digest.subscription.unsubscribedAt;
  return (
    <>
      <h2>Email digests</h2>
      {active && digest ? (
        <>
          <p>
            A {digest.subscription.cadence} digest of {digest.subscription.paperCount} papers goes to{" "}
            {digest.subscription.email}.
          </p>
          <p>
            <a href={digest.links.preferences}>Choose what you get</a> ·{" "}
            <a href={digest.links.unsubscribe}>Unsubscribe</a>
          </p>
        </>
      ) : account.email ? (
        <PostForm action="/settings/digest">
          <p>
            Get the trending papers and the ones you follow at {account.email}, daily or weekly. No
            confirmation mail: signing in already showed the address is yours.
          </p>
          <button type="submit">Subscribe {digest?.subscription.unsubscribedAt ? "again" : ""}</button>
        </PostForm>
      ) : (
        <p>This account has no email address, so no digest can be sent to it.</p>
      )}
    </>
  );
}
