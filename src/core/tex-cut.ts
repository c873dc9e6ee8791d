import { parseTexText, type TexNode } from "./tex-text.js";

/**
 * Shortening TeX text on its parsed tree rather than on the characters as typed: a cut in the typed text can
 * fall inside `\textbf{...}` or between a formula's dollars, and the part before it then shows `\textbf{` or a
 * lone `$` as written. Here a cut falls only at a space of the text (never inside a formula), and styling
 * around the cut is kept on both sides.
 */

/** How many characters nodes show: their text, and each formula as written. */
function shownLength(nodes: readonly TexNode[]): number {
  let length = 0;
  for (const node of nodes) {
    if (node.kind === "text") length += node.text.length;
    else if (node.kind === "math") length += node.source.length;
    else length += shownLength(node.children);
  }
  return length;
}

/** The offset (in shown characters) of the last space of the text at or before `limit`, or null. */
function lastSpace(nodes: readonly TexNode[], limit: number, start = 0): number | null {
  let offset = start;
  let found: number | null = null;
  for (const node of nodes) {
    if (offset > limit) break;
    if (node.kind === "text") {
      const at = node.text.lastIndexOf(" ", limit - offset);
      if (at >= 0) found = offset + at;
    } else if (node.kind !== "math") {
      found = lastSpace(node.children, limit, offset) ?? found;
    }
    offset += node.kind === "text" ? node.text.length : shownLength([node]);
  }
  return found;
}

/** The nodes before and after the space at `at`, which belongs to neither. */
function splitAt(nodes: readonly TexNode[], at: number): [TexNode[], TexNode[]] {
  const before: TexNode[] = [];
  const after: TexNode[] = [];
  let offset = 0;
  for (const node of nodes) {
    const length = shownLength([node]);
    if (offset + length <= at) before.push(node);
    else if (offset > at || node.kind === "math") after.push(node);
    else if (node.kind === "text") {
      before.push({ kind: "text", text: node.text.slice(0, at - offset) });
      after.push({ kind: "text", text: node.text.slice(at - offset + 1) });
    } else {
      const [first, second] = splitAt(node.children, at - offset);
      before.push({ ...node, children: first });
      after.push({ ...node, children: second });
    }
    offset += length;
  }
  return [withoutEmpty(before), withoutEmpty(after)];
}

function withoutEmpty(nodes: readonly TexNode[]): TexNode[] {
  return nodes.filter((node) =>
    node.kind === "text" ? node.text !== "" : node.kind === "math" || node.children.length > 0,
  );
}

/**
 * The text up to the last space at or before `limit` shown characters, and the rest; the whole text and
 * nothing when it is short enough or has no such space.
 */
export function splitTex(nodes: readonly TexNode[], limit: number): [TexNode[], TexNode[]] {
  if (shownLength(nodes) <= limit) return [[...nodes], []];
  const at = lastSpace(nodes, limit);
  if (at === null || at === 0) return [[...nodes], []];
  return splitAt(nodes, at);
}

/**
 * TeX text shortened to about `limit` shown characters at a space, with "…" when something was left out (in
 * place of the punctuation the cut follows: "infeasible…", not "infeasible.…").
 */
export function shortenTex(input: string, limit: number): TexNode[] {
  const [start, rest] = splitTex(parseTexText(input), limit);
  if (rest.length === 0) return start;
  const last = start.at(-1);
  if (last?.kind !== "text") return [...start, { kind: "text", text: "…" }];
  return [...start.slice(0, -1), { kind: "text", text: `${last.text.replace(/[.,;:]+$/, "")}…` }];
}
