import type { Readable } from "node:stream";
import { AppError, invalid } from "../core/errors.js";
import type { IncomingPaper } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { addCounts, emptyCounts, type UpsertCounts, upsertPapers } from "../storage/upsert-papers.js";
import { findUserIdByHandle } from "../storage/users.js";
import { type ImportFormat, importFormat } from "./formats/index.js";
import { openInput, readLines } from "./read-lines.js";

export interface ImportProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ImportReport extends UpsertCounts {
  rejected: number;
  readonly problems: ImportProblem[];
}

export interface ImportOptions {
  readonly format: string;
  /** Stop at the first bad record, committing nothing of the batch it is in. */
  readonly strict?: boolean;
  readonly batchSize?: number;
  readonly now?: () => Date;
  /** Called after each committed batch with the number of records read so far. */
  readonly onProgress?: (recordsRead: number) => void;
  readonly onProblem?: (problem: ImportProblem) => void;
}

/** The account bulk imports stand as (created by migration 0002). */
export const IMPORT_ACCOUNT = "paperboy";

const displayName = (path: string) => (path === "-" ? "stdin" : path);

/**
 * Loads files of papers in one of the known formats. Records are committed in batches, each batch one
 * transaction, so a killed import leaves whole papers only and a re-run skips what is already stored unchanged.
 */
export async function importFiles(
  database: Database,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const format = importFormat(options.format);
  const submitterId = await findUserIdByHandle(database, IMPORT_ACCOUNT);
  const report: ImportReport = { ...emptyCounts(), rejected: 0, problems: [] };
  const batchSize = options.batchSize ?? 2000;
  const now = options.now ?? (() => new Date());
  let read = 0;
  const commit = async (batch: IncomingPaper[]) => {
    if (batch.length === 0) return;
    addCounts(
      report,
      await upsertPapers(database, batch, { submitterId, source: "import", now: now().toISOString() }),
    );
    options.onProgress?.(read);
  };
  for (const path of paths) {
    const file = displayName(path);
    const input = await openInput(path).catch((error: Error) => {
      throw invalid(`${file}: cannot open (${error.message})`);
    });
    let batch: IncomingPaper[] = [];
    try {
      for await (const record of recordsOf(input, format, file)) {
        read += 1;
        if ("problem" in record) {
          if (options.strict) {
            batch = [];
            throw invalid(`${file}:${record.problem.line}: ${record.problem.message} (stopped by --strict)`);
          }
          report.rejected += 1;
          report.problems.push(record.problem);
          options.onProblem?.(record.problem);
          continue;
        }
        batch.push(record.paper);
        if (batch.length >= batchSize) {
          await commit(batch);
          batch = [];
        }
      }
    } finally {
      // Whole records read before a failure (a cut-off file, say) are kept; a re-run skips them unchanged.
      await commit(batch);
    }
  }
  return report;
}

type Parsed = { paper: IncomingPaper } | { problem: ImportProblem };

async function* recordsOf(input: Readable, format: ImportFormat, file: string): AsyncGenerator<Parsed> {
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
    const papers = format.parseDocument(Buffer.concat(chunks).toString("utf8"));
    for (const paper of papers) yield { paper };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`${file}: unreadable after line ${lastLine} (${(error as Error).message})`);
  }
}

function parseOne(parse: () => IncomingPaper, file: string, line: number): Parsed {
  try {
    return { paper: parse() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { problem: { file, line, message: error.message } };
  }
}
