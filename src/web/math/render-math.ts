import katex from "katex";
import { splitMath } from "./split-math.js";
import { stylesToClasses } from "./style-classes.js";

/** Plain text to escape, or HTML that KaTeX produced (the only HTML Paperboy inserts into a page). */
export type RenderedPiece =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "math"; readonly html: string; readonly display: boolean };

export interface RenderedText {
  readonly pieces: readonly RenderedPiece[];
  /** Style classes the math uses (see style-classes.ts); empty when there is no math. */
  readonly classes: readonly string[];
}

// The same titles and abstracts are shown on many requests; KaTeX takes about a millisecond per formula.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, RenderedText>();

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
 * Splits text into plain pieces and typeset formulas. A formula KaTeX rejects stays as it was written,
 * delimiters included, and is escaped like any other text.
 */
export function renderMathText(text: string): RenderedText {
  const cached = cache.get(text);
  if (cached) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  const rendered = typeset(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? "");
  cache.set(text, rendered);
  return rendered;
}

function typeset(text: string): RenderedText {
  if (!/[$\\]/.test(text)) return { pieces: [{ kind: "text", text }], classes: [] };
  const pieces: RenderedPiece[] = [];
  const classes = new Set<string>();
  const pushText = (value: string) => {
    const last = pieces.at(-1);
    if (last?.kind === "text") pieces[pieces.length - 1] = { kind: "text", text: last.text + value };
    else pieces.push({ kind: "text", text: value });
  };
  for (const piece of splitMath(text)) {
    if (piece.kind === "text") {
      pushText(piece.text);
      continue;
    }
    const html = formula(piece.tex, piece.display);
    if (html === null) {
      pushText(piece.source);
      continue;
    }
    const converted = stylesToClasses(html);
    for (const name of converted.classes) classes.add(name);
    pieces.push({ kind: "math", html: converted.html, display: piece.display });
  }
  return { pieces, classes: [...classes] };
}

function formula(tex: string, display: boolean): string | null {
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  } catch {
    return null;
  }
}
