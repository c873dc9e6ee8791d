// arXiv's free-text author lists: "A. One, B. Two and C. Three", "A. One (MIT), B. Two (for the X
// Collaboration)", "A. One, B. Two, and C. Three". Separators count only outside parentheses.
const SEPARATOR = /^(?:,\s*and\s+|,\s*|\s+and\s+|;\s*)/;

/** Splits an arXiv author string into names, in order, without affiliations in parentheses. */
export function splitAuthorList(text: string): string[] {
  const names: string[] = [];
  let current = "";
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? "";
    if (char === "(") depth += 1;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const separator = SEPARATOR.exec(text.slice(i, i + 8));
      if (separator) {
        names.push(current);
        current = "";
        i += separator[0].length - 1;
      } else current += char;
    }
  }
  names.push(current);
  return names.map((name) => name.replace(/\s+/g, " ").trim()).filter((name) => name !== "");
}
