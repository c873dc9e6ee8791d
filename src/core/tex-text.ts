import { splitMath } from "./split-math.js";
import { escapeHtml } from "./text.js";

/**
 * Text as authors write it in arXiv titles, abstracts and comments: formulas between delimiters, and the TeX
 * text commands that show through anywhere but a TeX engine (`\emph{...}`, `\textbf{...}`, `\url{...}`, `--`).
 * Parsed once into a small tree so that pages render the styling, mail and feeds write it as text, and no
 * command leaks as written.
 */
export type TexNode =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "math"; readonly tex: string; readonly display: boolean; readonly source: string }
  | { readonly kind: TexStyle; readonly children: readonly TexNode[] }
  | { readonly kind: "link"; readonly url: string; readonly children: readonly TexNode[] };

export type TexStyle = "em" | "strong" | "code";

/** Commands whose braced argument is styled; any other `\name{...}` keeps its argument as plain text. */
const STYLES: Readonly<Record<string, TexStyle>> = {
  emph: "em",
  textit: "em",
  textsl: "em",
  textbf: "strong",
  texttt: "code",
};
/** Old-style switches inside a group: `{\em ...}`, `{\bf ...}`. */
const SWITCHES: Readonly<Record<string, TexStyle>> = {
  em: "em",
  it: "em",
  sl: "em",
  bf: "strong",
  tt: "code",
};
const ESCAPED = /^\\([%&_#{}])/;
// A forced line break or a control space reads as a space.
const SPACES = /^(?:\\\\|\\ )/;
const TYPOGRAPHY: readonly [string, string][] = [
  ["---", "—"],
  ["--", "–"],
  ["``", "“"],
  ["''", "”"],
];
// Text without any of these is returned as it is.
const NEEDS_PARSING = /[\\{}$]|--|``|''/;

interface Frame {
  readonly node: { kind: TexStyle | "group" } | { kind: "link"; url: string };
  readonly children: TexNode[];
}

export function parseTexText(input: string): TexNode[] {
  if (!NEEDS_PARSING.test(input)) return input === "" ? [] : [{ kind: "text", text: input }];
  const root: Frame = { node: { kind: "group" }, children: [] };
  const stack: Frame[] = [root];
  for (const piece of splitMath(input)) {
    const top = stack.at(-1) ?? root;
    if (piece.kind === "math") top.children.push(piece);
    else readText(piece.text, stack);
  }
  while (stack.length > 1) close(stack);
  return merged(root.children);
}

/** The text with commands resolved and formulas as written: for plain-text mail, meta tags and feed titles. */
export function plainTexText(input: string): string {
  return plainOf(parseTexText(input));
}

export function plainOf(nodes: readonly TexNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "text") return node.text;
      if (node.kind === "math") return node.source;
      return plainOf(node.children);
    })
    .join("");
}

// Where a command, a brace or a ligature may start; everything between two of these is plain text.
const SPECIAL = /[\\{}\-`']/g;

function readText(text: string, stack: Frame[]): void {
  let i = 0;
  const emit = (value: string) => stack.at(-1)?.children.push({ kind: "text", text: value });
  while (i < text.length) {
    // A run of plain text is emitted whole: trying every command at every character made parsing an abstract
    // cost tens of microseconds, on every page render that showed it.
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text)?.index ?? text.length;
    if (next > i) {
      emit(text.slice(i, next));
      i = next;
      continue;
    }
    const rest = text.slice(i);
    const used = readCommand(rest, stack, emit) ?? readSymbol(rest, stack, emit);
    if (used > 0) {
      i += used;
    } else {
      emit(text[i] ?? "");
      i += 1;
    }
  }
}

/** A backslash command at the start of `rest`; answers the characters used, or null when there is none. */
function readCommand(rest: string, stack: Frame[], emit: (text: string) => void): number | null {
  const space = SPACES.exec(rest);
  if (space) {
    emit(" ");
    return space[0].length;
  }
  const escaped = ESCAPED.exec(rest);
  if (escaped) {
    emit(escaped[1] ?? "");
    return escaped[0].length;
  }
  const url = /^\\url\{([^{}]*)\}/.exec(rest);
  if (url) {
    const target = url[1] ?? "";
    stack.at(-1)?.children.push(...linked(target, [{ kind: "text", text: target }]));
    return url[0].length;
  }
  const href = /^\\href\{([^{}]*)\}\{/.exec(rest);
  if (href) {
    stack.push({ node: { kind: "link", url: href[1] ?? "" }, children: [] });
    return href[0].length;
  }
  const braced = /^\\([a-zA-Z]+)\{/.exec(rest);
  if (braced) {
    stack.push({ node: { kind: STYLES[braced[1] ?? ""] ?? "group" }, children: [] });
    return braced[0].length;
  }
  const top = stack.at(-1);
  const switched = /^\\([a-zA-Z]+)\s*/.exec(rest);
  const style = SWITCHES[switched?.[1] ?? ""];
  if (
    switched &&
    style &&
    top &&
    top !== stack[0] &&
    top.node.kind === "group" &&
    top.children.length === 0
  ) {
    stack[stack.length - 1] = { node: { kind: style }, children: [] };
    return switched[0].length;
  }
  return null;
}

/** Braces and typographic ligatures; answers the characters used (0: none here). */
function readSymbol(rest: string, stack: Frame[], emit: (text: string) => void): number {
  if (rest.startsWith("{")) {
    stack.push({ node: { kind: "group" }, children: [] });
    return 1;
  }
  if (rest.startsWith("}")) {
    if (stack.length > 1) close(stack);
    else emit("}");
    return 1;
  }
  for (const [from, to] of TYPOGRAPHY) {
    if (rest.startsWith(from)) {
      emit(to);
      return from.length;
    }
  }
  return 0;
}

function close(stack: Frame[]): void {
  const frame = stack.pop();
  const parent = stack.at(-1);
  if (!frame || !parent) return;
  const children = merged(frame.children);
  const { node } = frame;
  if (node.kind === "group") parent.children.push(...children);
  else if (node.kind === "link") parent.children.push(...linked(node.url, children));
  else parent.children.push({ kind: node.kind, children });
}

/** Only web addresses become links; anything else (a relative path, `javascript:`) stays its text. */
function linked(url: string, children: readonly TexNode[]): TexNode[] {
  const target = url.trim();
  return /^https?:\/\/\S+$/i.test(target) ? [{ kind: "link", url: target, children }] : [...children];
}

/** Joins neighbouring text nodes. */
function merged(nodes: readonly TexNode[]): TexNode[] {
  const out: TexNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.kind === "text" && last?.kind === "text")
      out[out.length - 1] = { kind: "text", text: last.text + node.text };
    else if (node.kind !== "text" || node.text !== "") out.push(node);
  }
  return out;
}

const TAGS: Readonly<Record<TexStyle, string>> = { em: "em", strong: "strong", code: "code" };

/**
 * The text as HTML for places without a TeX typesetter (mail, feed readers): styling as tags, formulas as
 * written; every piece of text is escaped.
 */
export function texToHtml(input: string): string {
  return htmlOf(parseTexText(input));
}

export function htmlOf(nodes: readonly TexNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "text") return escapeHtml(node.text);
      if (node.kind === "math") return escapeHtml(node.source);
      if (node.kind === "link") return `<a href="${escapeHtml(node.url)}">${htmlOf(node.children)}</a>`;
      return `<${TAGS[node.kind]}>${htmlOf(node.children)}</${TAGS[node.kind]}>`;
    })
    .join("");
}
