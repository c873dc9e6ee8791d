import { splitTex } from "../../core/tex-cut.js";
import { parseTexText, type TexNode } from "../../core/tex-text.js";

/** Characters of an abstract a compact row shows before "more": about one line at desktop width. */
export const ABSTRACT_START_CHARACTERS = 160;

/**
 * Splits an abstract into the start a compact row shows and the rest it shows when opened, so the whole text is
 * on the page once. The cut falls at the last space before the limit that is not inside a formula; styling that
 * spans it (`\textbf{...}`) styles both parts, so neither shows a command or a brace as typed.
 */
export function splitAbstractStart(
  abstract: string,
  limit = ABSTRACT_START_CHARACTERS,
): [TexNode[], TexNode[]] {
  return splitTex(parseTexText(abstract), limit);
}
