import { randomBytes } from "node:crypto";
import type { Account } from "../../core/account.js";
import type { Viewer } from "../viewer.js";

// Stands for what is personal in a page rendered once for every signed-in reader. Random per process, so no
// paper's text can contain it; made of letters and digits only, so Preact's escaping leaves it whole.
const MARK = `ov${randomBytes(12).toString("hex")}`;

/** Finds the stand-ins in rendered HTML: `MARK[c]` (CSRF token), `MARK[a:field]`, `MARK[p:n]` (paper slot). */
export const STAND_IN = new RegExp(`${MARK}\\[([a-z]):([A-Za-z0-9]*)\\]`, "g");

export const csrfStandIn = `${MARK}[c:]`;
export const paperSlotStandIn = (slot: number) => `${MARK}[p:${slot}]`;

/**
 * The account as a page rendered for every signed-in reader of one role sees it: its role, and a stand-in for
 * every other field, filled in per reader (escaped). Pages may show fields; deciding by anything but the role
 * would make the page wrong for the next reader.
 */
function accountStandIn(role: Account["role"]): Account {
  return new Proxy({} as Account, {
    get(_target, field) {
      if (field === "role") return role;
      if (typeof field !== "string" || field === "then" || field === "toJSON") return undefined;
      return `${MARK}[a:${field}]`;
    },
  });
}

/** The viewer a shared signed-in page is rendered for. */
export function standInViewer(viewer: Viewer, role: Account["role"]): Viewer {
  return { ...viewer, account: accountStandIn(role), csrfToken: () => csrfStandIn };
}
