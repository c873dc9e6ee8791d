// Only runs that need changing: two or more white-space characters, or a single non-space one (newline, tab).
const UNTIDY_SPACE = /\s{2,}|[\t\n\r\f\v\u00a0]/g;

/** Collapses runs of white space (arXiv hard-wraps titles and abstracts) into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(UNTIDY_SPACE, " ").trim();
}

/** Keeps paragraph breaks (blank lines) but joins hard-wrapped lines, as arXiv's own abstract page does. */
export function normaliseAbstract(text: string): string {
  if (!text.includes("\n\n") && !/\n\s+\n/.test(text)) return collapseWhitespace(text);
  return text
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

export function truncateWords(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text made safe for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}
