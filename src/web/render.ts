import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { type Viewer, ViewerContext } from "./viewer.js";

/** Renders a page component to a full HTML document. Preact escapes every text node and attribute. */
export function renderDocument<P>(page: VNode<P>, viewer?: Viewer): string {
  const content = page as VNode;
  const tree: VNode = viewer ? (h(ViewerContext.Provider, { value: viewer }, content) as VNode) : content;
  return `<!doctype html>${renderToString(tree)}`;
}
