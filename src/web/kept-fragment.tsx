import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import { type ComponentChildren, h } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Account } from "../core/account.js";
import { escapeHtml } from "../core/text.js";
import { gatherMath, noteMath } from "./math/page-math.js";
import { useViewer, type Viewer, ViewerContext } from "./viewer.js";

/** A piece of a page as HTML, with the formulas it typesets (the page links their stylesheets). */
interface Fragment {
  readonly html: string;
  readonly formulas: number;
  readonly classes: readonly string[];
}

// Pages for signed-in people are rendered on every request, and most of their HTML is the same paper cards
// over and over. A card is about 2.5 KB of HTML; its key holds the paper's data, about as much again.
const BUDGET_BYTES = 32 * 1024 * 1024;

const fragments = new LRUCache<string, Fragment>({
  maxSize: BUDGET_BYTES,
  // UTF-16 strings: two bytes a character.
  sizeCalculation: (fragment, key) => 2 * (fragment.html.length + key.length),
});

// Stands for the CSRF token in kept HTML, filled in per request. Random per process, so no paper's text can
// contain it.
const TOKEN_MARK = `csrf${randomBytes(16).toString("hex")}`;

// What a kept fragment sees of a signed-in viewer: that there is one, not who. Reading any detail would make
// the fragment wrong for the next person, so it fails loudly instead.
const SOMEONE: Account = new Proxy({} as Account, {
  get(_target, property) {
    throw new Error(
      `a kept fragment read the viewer's ${String(property)}: it may only ask whether someone is signed in`,
    );
  },
});

export interface KeptProps {
  /** The element that holds the fragment (its attributes are not kept: give it none). */
  readonly tag: "li" | "div";
  /** Everything the children show, as a string: equal keys must mean equal HTML. */
  readonly contentKey: string;
  readonly children: ComponentChildren;
}

/**
 * Renders `children` inside `tag`, or reuses the HTML rendered for an earlier request with the same key. Of the
 * viewer, the children may use only whether someone is signed in, the page's path, where mail goes and the CSRF
 * token, which is filled in per request (escaped, as Preact would have).
 */
export function Kept({ tag, contentKey, children }: KeptProps) {
  const viewer = useViewer();
  const who = viewer.account ? "signed-in" : "anonymous";
  const key = `${who} ${viewer.mail.kind}\n${viewer.path}\n${contentKey}`;
  let fragment = fragments.get(key);
  if (!fragment) {
    const standIn: Viewer = {
      account: viewer.account ? SOMEONE : null,
      path: viewer.path,
      csrfToken: () => TOKEN_MARK,
      mail: viewer.mail,
      subscribed: false,
    };
    const rendered = gatherMath(() =>
      renderToString(h(ViewerContext.Provider, { value: standIn }, children)),
    );
    fragment = { html: rendered.result, formulas: rendered.formulas, classes: rendered.classes };
    fragments.set(key, fragment);
  }
  noteMath(fragment.classes, fragment.formulas);
  const html = fragment.html.includes(TOKEN_MARK)
    ? fragment.html.replaceAll(TOKEN_MARK, escapeHtml(viewer.csrfToken()))
    : fragment.html;
  return h(tag, { dangerouslySetInnerHTML: { __html: html } });
}
