import {
  type Chunk,
  entryFromFields,
  fieldsOf,
  pauseEveryFewEntries,
  type ReferenceEntry,
} from "./reference-entry.js";

// A record opens with `TY  - ` and closes with `ER  -`; tags are two characters, two spaces and a dash.
const RECORD_START = /^TY {2}-/;
const RECORD_END = /^ER {2}-/;

/** Whether the text reads as RIS: some line opens a record. */
export const looksLikeRis = (text: string) => text.split("\n").some((line) => RECORD_START.test(line));

interface Split {
  readonly records: Chunk[];
  readonly strays: ReferenceEntry[];
}

/** Records with the line each opens on; text outside any record is reported rather than dropped unseen. */
function split(text: string): Split {
  const records: Chunk[] = [];
  const strays: ReferenceEntry[] = [];
  let open: { line: number; lines: string[] } | null = null;
  text.split("\n").forEach((line, index) => {
    if (RECORD_START.test(line)) {
      if (open) strays.push({ line: open.line, problem: "this RIS record has no ER line closing it" });
      open = { line: index + 1, lines: [] };
    }
    if (open) open.lines.push(line);
    else if (line.trim() !== "")
      strays.push({ line: index + 1, problem: "this line is outside any RIS record (TY  - ... ER  -)" });
    if (open && RECORD_END.test(line)) {
      records.push({ line: open.line, text: open.lines.join("\n") });
      open = null;
    }
  });
  const last = open as { line: number } | null;
  if (last) strays.push({ line: last.line, problem: "this RIS record has no ER line closing it" });
  return { records, strays };
}

function readRecord(record: Chunk, parse: (text: string) => unknown): ReferenceEntry {
  try {
    const [fields = {}] = parse(record.text) as Record<string, unknown>[];
    const title = typeof fields.TI === "string" ? fields.TI : undefined;
    return entryFromFields(record.line, title, fieldsOf(fields));
  } catch (error) {
    return { line: record.line, problem: `this RIS record cannot be read: ${String(error)}` };
  }
}

/** Reads a RIS file record by record with citation-js; each record's problem is reported on its own line. */
export async function readRis(text: string): Promise<ReferenceEntry[]> {
  const { plugins } = await import("@citation-js/core");
  await import("@citation-js/plugin-ris");
  const parse = (record: string) => plugins.input.chainLink(record, { forceType: "@ris/file" });
  const { records, strays } = split(text);
  const entries: ReferenceEntry[] = [];
  for (const [index, record] of records.entries()) {
    await pauseEveryFewEntries(index);
    entries.push(readRecord(record, parse));
  }
  return [...entries, ...strays].sort((a, b) => a.line - b.line);
}
