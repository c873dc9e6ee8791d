import { statSync } from "node:fs";
import { invalid } from "../core/errors.js";
import { findAccountIdByHandle } from "../storage/accounts.js";
import type { Database } from "../storage/database.js";
import { upsertPapers } from "../storage/upsert-papers.js";
import { addCounts, emptyCounts, type UpsertCounts } from "../storage/upsert-types.js";
import { importFormat } from "./formats/index.js";
import { type BatchSource, type ImportProblem, parseBatches } from "./parse-batches.js";
import { canParseInWorker, workerBatches } from "./worker-batches.js";

export type { ImportProblem } from "./parse-batches.js";

export interface ImportReport extends UpsertCounts {
  rejected: number;
  readonly problems: ImportProblem[];
}

/** How files are read into batches. */
export interface BatchOptions {
  readonly format: string;
  readonly batchSize?: number;
  /** Parse on a worker thread while this thread writes (default: when running the compiled build). */
  readonly parallel?: boolean;
}

export interface ImportOptions extends BatchOptions {
  /** Stop at the first bad record, committing nothing of the batch it is in. */
  readonly strict?: boolean;
  readonly now?: () => Date;
  /** Index the papers for keyword search as they are stored (default), or queue them (see UpsertOptions). */
  readonly keywordIndex?: "now" | "later";
  /** Called after each committed batch with the number of records read so far. */
  readonly onProgress?: (recordsRead: number) => void;
  readonly onProblem?: (problem: ImportProblem) => void;
}

/**
 * Records per batch, and so per transaction. Larger batches mean fewer commits and fewer, larger keyword-index
 * segments (less merging); 5,000 listing records are about 10 MB in flight.
 */
export const IMPORT_BATCH_SIZE = 5000;

/**
 * Bytes per record of a metadata file, low estimates (an arXiv snapshot record is about 2,100 bytes, 830 in
 * gzip; listing, Atom and OAI-PMH records are larger): enough to tell a bulk load from a day's papers.
 */
const BYTES_PER_RECORD = 2_000;
const GZIP_BYTES_PER_RECORD = 800;

/** About how many records these files hold, from their sizes (standard input counts as none). */
export function estimateRecords(paths: readonly string[]): number {
  let records = 0;
  for (const path of paths) {
    if (path === "-") continue;
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    records += Math.floor(size / (path.endsWith(".gz") ? GZIP_BYTES_PER_RECORD : BYTES_PER_RECORD));
  }
  return records;
}

/** The account bulk imports stand as (created by migration 0002). */
export const IMPORT_ACCOUNT = "paperboy";

/**
 * Loads files of papers in one of the known formats. Records are committed in batches, each batch one
 * transaction, so a killed import leaves whole papers only and a re-run skips what is already stored unchanged.
 */
export function importFiles(
  database: Database,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  return importBatches(database, readBatches(paths, options), options);
}

/**
 * Starts reading files into batches (on a worker thread where it can) before anything consumes them, so that
 * a caller can start parsing first and open and migrate the database meanwhile. An unknown format throws here.
 */
export function readBatches(paths: readonly string[], options: BatchOptions): BatchSource {
  importFormat(options.format);
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const parallel = options.parallel ?? canParseInWorker(paths);
  if (parallel && canParseInWorker(paths)) return workerBatches({ paths, format: options.format, batchSize });
  const batches = parseBatches(paths, options.format, batchSize);
  return { [Symbol.asyncIterator]: () => batches, close: async () => void (await batches.return(undefined)) };
}

/** Commits batches from `readBatches` (see importFiles), and closes the source whatever happens. */
export async function importBatches(
  database: Database,
  batches: BatchSource,
  options: ImportOptions,
): Promise<ImportReport> {
  try {
    return await importAll(database, batches, options);
  } finally {
    await batches.close();
  }
}

async function importAll(database: Database, batches: BatchSource, options: ImportOptions) {
  const submitterId = await findAccountIdByHandle(database, IMPORT_ACCOUNT);
  const report: ImportReport = { ...emptyCounts(), rejected: 0, problems: [] };
  const now = options.now ?? (() => new Date());
  let read = 0;
  for await (const batch of batches) {
    if (options.strict && batch.problems[0]) {
      const { file, line, message } = batch.problems[0];
      throw invalid(`${file}:${line}: ${message} (stopped by --strict)`);
    }
    for (const problem of batch.problems) options.onProblem?.(problem);
    report.rejected += batch.problems.length;
    report.problems.push(...batch.problems);
    const written = await upsertPapers(database, batch.papers, {
      submitterId,
      source: "import",
      now: now().toISOString(),
      keywordIndex: options.keywordIndex,
    });
    addCounts(report, written);
    read += batch.read;
    options.onProgress?.(read);
  }
  return report;
}
