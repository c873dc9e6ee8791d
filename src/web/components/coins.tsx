import type { PaperSummary } from "../../core/paper.js";
import { coinsTitle } from "../citations/coins.js";

/** The paper as COinS, an empty span Zotero's connector reads (see citations/coins.ts). */
export function Coins({ paper }: { readonly paper: PaperSummary }) {
  return <span class="Z3988" title={coinsTitle(paper)} />;
}
