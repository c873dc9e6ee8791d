import { useViewer } from "../viewer.js";
import { PostForm } from "./forms.js";
import { mailIsOff } from "./mail-notice.js";

/** The right-hand side of the site header: sign in, or the account's settings and sign out. */
export function AccountNav() {
  const { account, path, mail } = useViewer();
  if (!account && mailIsOff(mail)) return null;
  if (!account) {
    const next = path.startsWith("/login") ? "/papers" : path;
    return <a href={`/login?next=${encodeURIComponent(next)}`}>Sign in</a>;
  }
  return (
    <>
      <a href="/collections">Collections</a>
      <a href="/settings">{account.handle}</a>
      <PostForm action="/logout" class="inline">
        <button type="submit" class="link-button">
          Sign out
        </button>
      </PostForm>
    </>
  );
}
