import { SaxesParser } from "saxes";
import { invalid } from "../../core/errors.js";

/** An element with its namespace resolved: code matches (uri, local name), never a prefix. */
export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  /** Attributes by local name (the feeds we read never need two attributes of one name). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own character data, concatenated. */
  text: string;
}

/**
 * Parses a whole XML document into namespace-resolved elements. Malformed input fails with an `invalid` error
 * naming the source and the line and column where the parser stopped.
 */
export function parseXml(text: string, source: string): XmlElement {
  rejectHtml(text, source);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => stack.pop());
  const onText = (data: string) => {
    const current = stack.at(-1);
    if (current) current.text += data;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(text).close();
  } catch (error) {
    throw invalid(`${source}: malformed XML at ${describe(error, parser)}`);
  }
  if (!root) throw invalid(`${source}: no XML document in the response`);
  return root;
}

/** A proxy or server error page where XML was expected: say so rather than report its first unclosed tag. */
function rejectHtml(text: string, source: string): void {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (!head.startsWith("<!doctype html") && !head.startsWith("<html")) return;
  const title = /<title[^>]*>([^<]*)</i.exec(text.slice(0, 4096))?.[1]?.trim();
  throw invalid(`${source}: expected XML but got an HTML page${title ? ` ("${title}")` : ""} at line 1`);
}

/** saxes starts its messages with "line:column: "; say that position once, in words. */
function describe(error: unknown, parser: SaxesParser): string {
  const message = (error as Error).message;
  const match = /(\d+):(\d+): (.*)$/s.exec(message);
  if (!match) return `line ${parser.line}, column ${parser.column + 1} (${message})`;
  return `line ${match[1]}, column ${match[2]} (${match[3]})`;
}

export function child(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((c) => c.uri === uri && c.local === local);
}

export function children(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.uri === uri && c.local === local);
}

/** The trimmed text of a child element, or null when it is absent or blank. */
export function childText(element: XmlElement, uri: string, local: string): string | null {
  const text = child(element, uri, local)?.text.trim();
  return text ? text : null;
}

/** Fails clearly when the document is not what was asked for (an HTML error page where XML was expected). */
export function expectRoot(root: XmlElement, uri: string, local: string, source: string): void {
  if (root.uri === uri && root.local === local) return;
  const found = root.uri ? `{${root.uri}}${root.local}` : root.local;
  throw invalid(`${source}: expected a ${local} document but got <${found}> (an error page?)`);
}
