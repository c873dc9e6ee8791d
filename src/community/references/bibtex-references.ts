import {
  type Chunk,
  entryFromFields,
  entryName,
  fieldsOf,
  pauseEveryFewEntries,
  type ReferenceEntry,
} from "./reference-entry.js";

// An entry starts where a line starts with `@type{` or `@type(`; BibTeX ignores text between entries.
const ENTRY_START = /^\s*@\s*([a-z]+)\s*[{(]/i;
// Entries that hold no reference: @comment and @preamble are skipped, @string macros are kept for the others.
const NOT_REFERENCES = new Set(["comment", "preamble"]);

interface BibtexEntry {
  readonly label?: string;
  readonly properties?: Record<string, unknown>;
}

/** Whether the text reads as BibTeX: some line opens an entry. */
export const looksLikeBibtex = (text: string) => text.split("\n").some((line) => ENTRY_START.test(line));

function chunks(text: string): Chunk[] {
  const found: { line: number; lines: string[] }[] = [];
  text.split("\n").forEach((line, index) => {
    if (ENTRY_START.test(line)) found.push({ line: index + 1, lines: [] });
    found.at(-1)?.lines.push(line);
  });
  return found.map(({ line, lines }) => ({ line, text: lines.join("\n") }));
}

const kindOf = (chunk: Chunk) => ENTRY_START.exec(chunk.text)?.[1]?.toLowerCase() ?? "";

/**
 * The parser's reason without its position and excerpt (they count lines within the entry alone). citation-js
 * refuses text it cannot recognise as BibTeX at all with a generic message; that one is put in words.
 */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split("\n")[0] ?? "").replace(/\s*at line \d+ col \d+:?\s*$/, "");
  return /not supported or recognized/.test(first) ? "check that its braces and quotes close" : first;
}

/**
 * Reads a BibTeX file entry by entry with citation-js, so one broken entry is reported on its own line and the
 * rest still count. `@string` macros apply to every entry after them.
 */
export async function readBibtex(text: string): Promise<ReferenceEntry[]> {
  const { plugins } = await import("@citation-js/core");
  await import("@citation-js/plugin-bibtex");
  let macros = "";
  const entries: ReferenceEntry[] = [];
  for (const [index, chunk] of chunks(text).entries()) {
    await pauseEveryFewEntries(index);
    const kind = kindOf(chunk);
    if (NOT_REFERENCES.has(kind)) continue;
    if (kind === "string") {
      macros += `${chunk.text}\n`;
      continue;
    }
    try {
      const parsed = plugins.input.chainLink(macros + chunk.text, { forceType: "@bibtex/text" });
      const [entry] = (Array.isArray(parsed) ? parsed : []) as BibtexEntry[];
      if (!entry) throw new Error("no entry found");
      entries.push(entryFromFields(chunk.line, entry.label, fieldsOf(entry.properties ?? {})));
    } catch (error) {
      const label = /^[^{(]*[{(]\s*([^,\s]+)\s*,/.exec(chunk.text)?.[1];
      entries.push({
        line: chunk.line,
        problem: `${entryName(label)} is not valid BibTeX: ${reason(error)}`,
      });
    }
  }
  return entries;
}
