import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { mathStylesheetLinks } from "./math/math-stylesheet.js";
import { gatherMath } from "./math/page-math.js";
import { type Viewer, ViewerContext } from "./viewer.js";

/**
 * Renders a page component to a full HTML document. Preact escapes every text node and attribute; KaTeX's
 * output is the only HTML inserted as such. A page that shows formulas gets their stylesheets in its head.
 */
export function renderDocument<P>(page: VNode<P>, viewer?: Viewer): string {
  const content = page as VNode;
  const tree: VNode = viewer ? (h(ViewerContext.Provider, { value: viewer }, content) as VNode) : content;
  const { result, formulas, classes } = gatherMath(() => renderToString(tree));
  // The first </head> is the real one: any "</head>" in the data was escaped to &lt;/head>.
  const html = formulas > 0 ? result.replace("</head>", `${mathStylesheetLinks(classes)}</head>`) : result;
  return `<!doctype html>${html}`;
}
