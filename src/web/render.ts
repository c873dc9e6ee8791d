import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Renders a page component to a full HTML document. Preact escapes every text node and attribute. */
export function renderDocument<P>(page: VNode<P>): string {
  return `<!doctype html>${renderToString(page as VNode)}`;
}
