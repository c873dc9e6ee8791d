import type { Readable } from "node:stream";
import { AppError, invalid } from "../core/errors.js";
import type { IncomingPaper } from "../core/paper.js";
import { contentHash } from "../storage/content-hash.js";
import { type ImportFormat, importFormat } from "./formats/index.js";
import { openInput, readLines } from "./read-lines.js";

export interface ImportProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Records parsed from one stretch of one file, ready to be committed together. */
export interface ParsedBatch {
  readonly file: string;
  readonly papers: IncomingPaper[];
  readonly problems: ImportProblem[];
  /** Records read in this batch, good and bad. */
  readonly read: number;
}

/** Parsed batches as they become ready; `close` releases what reading them holds (a thread, open files). */
export interface BatchSource extends AsyncIterable<ParsedBatch> {
  close(): Promise<void>;
}

export const displayName = (path: string) => (path === "-" ? "stdin" : path);

/**
 * Reads and parses files into batches. Each paper carries its content digest, computed here so that a worker
 * thread running this generator takes that cost off the thread that writes. When a file turns out unreadable
 * part-way (cut off, not gzip after all), the whole records read before are yielded first, then the error.
 */
export async function* parseBatches(
  paths: readonly string[],
  formatName: string,
  batchSize: number,
): AsyncGenerator<ParsedBatch> {
  const format = importFormat(formatName);
  for (const path of paths) {
    const file = displayName(path);
    const input = await openInput(path).catch((error: Error) => {
      throw invalid(`${file}: cannot open (${error.message})`);
    });
    let batch = emptyBatch(file);
    try {
      for await (const entry of entriesOf(input, format, file)) {
        add(batch, entry);
        if (batch.read >= batchSize) {
          yield batch;
          batch = emptyBatch(file);
        }
      }
    } finally {
      if (batch.read > 0) yield batch;
    }
  }
}

type Entry = { paper: IncomingPaper } | { problem: ImportProblem };

function emptyBatch(file: string): ParsedBatch & { read: number } {
  return { file, papers: [], problems: [], read: 0 };
}

function add(batch: ParsedBatch & { read: number }, entry: Entry) {
  batch.read += 1;
  if ("problem" in entry) batch.problems.push(entry.problem);
  else batch.papers.push({ ...entry.paper, digest: contentHash(entry.paper.record) });
}

async function* entriesOf(input: Readable, format: ImportFormat, file: string): AsyncGenerator<Entry> {
  let lastLine = 0;
  try {
    if (format.kind === "lines") {
      for await (const line of readLines(input)) {
        lastLine = line.number;
        yield parseOne(() => format.parseLine(line.text), file, line.number);
      }
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    for (const paper of format.parseDocument(Buffer.concat(chunks).toString("utf8"), file)) yield { paper };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`${file}: unreadable after line ${lastLine} (${(error as Error).message})`);
  }
}

function parseOne(parse: () => IncomingPaper, file: string, line: number): Entry {
  try {
    return { paper: parse() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { problem: { file, line, message: error.message } };
  }
}
