import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { mathStylesheetLinks } from "./math/math-stylesheet.js";
import { gatherMath } from "./math/page-math.js";
import { type Viewer, ViewerContext } from "./viewer.js";

const DOCTYPE = Buffer.from("<!doctype html>");
const HEAD_END = "</head>";

/**
 * Renders a page component to a full HTML document, as UTF-8 bytes. Preact escapes every text node and
 * attribute; KaTeX's output is the only HTML inserted as such. A page that shows formulas gets their stylesheets
 * in its head.
 *
 * Preact returns the page as a string of many thousand small pieces, and the first operation on it joins them
 * (about a millisecond and a half for a 50-paper list). Converting it to bytes is that operation, done once; the
 * stylesheet links are put in among the bytes, and Fastify sends them without encoding the page again.
 */
export function renderDocument<P>(page: VNode<P>, viewer?: Viewer): Buffer {
  const content = page as VNode;
  const tree: VNode = viewer ? (h(ViewerContext.Provider, { value: viewer }, content) as VNode) : content;
  const { result, formulas, classes } = gatherMath(() => renderToString(tree));
  const html = Buffer.from(result, "utf8");
  // The first </head> is the real one: any "</head>" in the data was escaped to &lt;/head>.
  const headEnd = formulas > 0 ? html.indexOf(HEAD_END) : -1;
  if (headEnd < 0) return Buffer.concat([DOCTYPE, html]);
  return Buffer.concat([
    DOCTYPE,
    html.subarray(0, headEnd),
    Buffer.from(mathStylesheetLinks(classes)),
    html.subarray(headEnd),
  ]);
}
