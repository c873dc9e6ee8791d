import { useViewer } from "../viewer.js";
import { AccountNav } from "./account-nav.js";
import { mailIsOff } from "./mail-notice.js";

/**
 * The header's links past the reading lists: Submit, Subscribe and a signed-in reader's account. Wide screens
 * show them in the line; on a phone they wait behind "Menu" (a details element, so it opens without
 * JavaScript), which keeps the header to two lines. Sign in stays in sight.
 */
export function SiteMenu() {
  const { account, mail } = useViewer();
  const links = (
    <>
      <a href="/papers/submit">Submit</a>
      {mailIsOff(mail) ? null : <a href="/subscribe">Subscribe</a>}
      {account ? <AccountNav /> : null}
    </>
  );
  return (
    <>
      <span class="nav-inline">{links}</span>
      <details class="nav-menu">
        <summary>Menu</summary>
        <div class="nav-menu-links">{links}</div>
      </details>
      {account ? null : <AccountNav />}
    </>
  );
}
