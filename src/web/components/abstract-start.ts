import { splitMath } from "../../core/split-math.js";

/** Characters of an abstract a compact row shows before "more": about one line at desktop width. */
export const ABSTRACT_START_CHARACTERS = 160;

/** Where the formulas of a text sit in it, as [start, end) offsets. */
function formulaSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (const piece of splitMath(text)) {
    if (piece.kind !== "math") continue;
    const at = text.indexOf(piece.source, from);
    if (at < 0) continue;
    spans.push([at, at + piece.source.length]);
    from = at + piece.source.length;
  }
  return spans;
}

/**
 * Splits an abstract into the start a compact row shows and the rest it shows when opened, so the whole text is
 * on the page once. The cut falls at the last space before the limit that is not inside a formula, so both parts
 * stay TeX that MathText renders on its own.
 */
export function splitAbstractStart(abstract: string, limit = ABSTRACT_START_CHARACTERS): [string, string] {
  if (abstract.length <= limit) return [abstract, ""];
  const spans = formulaSpans(abstract);
  const inFormula = (at: number) => spans.some(([start, end]) => at > start && at < end);
  for (let at = abstract.lastIndexOf(" ", limit); at > 0; at = abstract.lastIndexOf(" ", at - 1)) {
    if (!inFormula(at)) return [abstract.slice(0, at).trimEnd(), abstract.slice(at + 1).trimStart()];
  }
  return [abstract, ""];
}
