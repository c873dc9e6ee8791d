import { arxivAbsUrl } from "../../core/arxiv-id.js";
import type { PaperSummary } from "../../core/paper.js";
import { splitName } from "./names.js";

/**
 * COinS (ContextObjects in Spans): an OpenURL for each paper in an empty `<span class="Z3988">`, which Zotero's
 * connector reads to offer every paper of a list at once. Preact escapes the attribute; the value itself is a
 * form-encoded query string.
 */
export function coinsTitle(paper: PaperSummary): string {
  const fields = new URLSearchParams({
    ctx_ver: "Z39.88-2004",
    rft_val_fmt: "info:ofi/fmt:kev:mtx:journal",
    "rft.genre": "preprint",
    "rft.atitle": paper.title.replace(/\s+/g, " ").trim(),
    "rft.jtitle": "arXiv",
  });
  const first = paper.authors[0];
  if (first) {
    const { family, given } = splitName(first);
    fields.append("rft.aulast", family);
    if (given) fields.append("rft.aufirst", given);
  }
  for (const author of paper.authors) fields.append("rft.au", author);
  const day = (paper.published ?? paper.listingDay ?? "").slice(0, 10);
  if (day) fields.append("rft.date", day);
  fields.append("rft_id", `info:arxiv/${paper.id}`);
  fields.append("rft_id", arxivAbsUrl(paper.id));
  if (paper.doi) fields.append("rft_id", `info:doi/${paper.doi}`);
  fields.append("rfr_id", "info:sid/paperboy");
  return fields.toString();
}
