import katex from "katex";
import { parseTexText, type TexNode, type TexStyle } from "../../core/tex-text.js";
import { stylesToClasses } from "./style-classes.js";

/**
 * Plain text to escape, HTML that KaTeX produced (the only HTML Paperboy inserts into a page), or text styling
 * from TeX commands (`\emph{...}`, `\url{...}`) around more pieces.
 */
export type RenderedPiece =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "math"; readonly html: string; readonly display: boolean }
  | { readonly kind: TexStyle; readonly children: readonly RenderedPiece[] }
  | { readonly kind: "link"; readonly url: string; readonly children: readonly RenderedPiece[] };

export interface RenderedText {
  readonly pieces: readonly RenderedPiece[];
  /** Style classes the math uses (see style-classes.ts); empty when there is no math. */
  readonly classes: readonly string[];
  /** How many formulas were typeset. */
  readonly formulas: number;
}

// The same titles and abstracts are shown on many requests; KaTeX takes about a millisecond per formula.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, RenderedText>();
// Shortened texts (search results, compact rows) are not kept whole, but their formulas are.
const FORMULA_CACHE_LIMIT = 5_000;
const formulaCache = new Map<string, Typeset | null>();

/** KaTeX's HTML with its inline styles turned into classes, and those classes. */
interface Typeset {
  readonly html: string;
  readonly classes: readonly string[];
}

const KATEX_OPTIONS = {
  throwOnError: true,
  strict: "ignore",
  // A command that needs trust (\href, \url, \includegraphics, \htmlClass...) makes the formula plain text.
  trust: () => {
    throw new Error("untrusted TeX command");
  },
  // Bounds what a hostile abstract can make KaTeX do (macro expansion, huge sizes).
  maxExpand: 300,
  maxSize: 20,
  output: "htmlAndMathml",
} as const;

/**
 * Splits text into plain pieces, typeset formulas and TeX text styling. A formula KaTeX rejects stays as it was
 * written, delimiters included, and is escaped like any other text.
 */
export function renderMathText(text: string): RenderedText {
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const rendered = renderTexNodes(parseTexText(text));
  remember(cache, CACHE_LIMIT, text, rendered);
  return rendered;
}

function remember<T>(map: Map<string, T>, limit: number, key: string, value: T): void {
  if (map.size >= limit) map.delete(map.keys().next().value ?? "");
  map.set(key, value);
}

/** renderMathText for text already parsed (and perhaps shortened: see core/tex-cut.ts). */
export function renderTexNodes(nodes: readonly TexNode[]): RenderedText {
  const classes = new Set<string>();
  let formulas = 0;
  const render = (level: readonly TexNode[]): RenderedPiece[] => {
    const pieces: RenderedPiece[] = [];
    const pushText = (value: string) => {
      const last = pieces.at(-1);
      if (last?.kind === "text") pieces[pieces.length - 1] = { kind: "text", text: last.text + value };
      else pieces.push({ kind: "text", text: value });
    };
    for (const node of level) {
      if (node.kind === "text") pushText(node.text);
      else if (node.kind === "link") pieces.push({ ...node, children: render(node.children) });
      else if (node.kind !== "math") pieces.push({ kind: node.kind, children: render(node.children) });
      else {
        const converted = formula(node.tex, node.display);
        if (converted === null) {
          pushText(node.source);
          continue;
        }
        for (const name of converted.classes) classes.add(name);
        formulas += 1;
        pieces.push({ kind: "math", html: converted.html, display: node.display });
      }
    }
    return pieces;
  };
  const pieces = render(nodes);
  return { pieces, classes: [...classes], formulas };
}

function formula(tex: string, display: boolean): Typeset | null {
  const key = `${display ? "D" : "I"}${tex}`;
  const known = formulaCache.get(key);
  if (known !== undefined) return known;
  let converted: Typeset | null = null;
  try {
    converted = stylesToClasses(katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display }));
  } catch {
    converted = null;
  }
  remember(formulaCache, FORMULA_CACHE_LIMIT, key, converted);
  return converted;
}
