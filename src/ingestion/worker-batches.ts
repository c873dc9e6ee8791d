import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "../core/errors.js";
import type { BatchSource, ParsedBatch } from "./parse-batches.js";

export interface WorkerRequest {
  readonly paths: readonly string[];
  readonly format: string;
  readonly batchSize: number;
}

export type WorkerMessage =
  | { readonly kind: "batch"; readonly batch: ParsedBatch }
  | { readonly kind: "done" }
  | { readonly kind: "error"; readonly code: AppError["code"] | null; readonly message: string };

const WORKER_FILE = fileURLToPath(new URL("./parse-worker.js", import.meta.url));

/**
 * Whether parsing can move to a worker thread: only from the compiled build (the worker is a .js file) and
 * only for named files (standard input belongs to the main thread).
 */
export function canParseInWorker(paths: readonly string[]): boolean {
  return existsSync(WORKER_FILE) && !paths.includes("-");
}

/**
 * The same batches as parseBatches, parsed on a worker thread while the caller writes the previous ones. The
 * thread starts at once, not at the first `next()`, so that it parses while the caller is still starting up
 * (loading modules, migrating). It keeps the process alive only while the batches are being read; `close`
 * stops it whether or not they were.
 */
export function workerBatches(request: WorkerRequest): BatchSource {
  const worker = new Worker(WORKER_FILE, { workerData: request });
  worker.unref();
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | null = null;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    notify?.();
  };
  worker.on("message", push);
  worker.on("error", (error) => push({ kind: "error", code: null, message: error.message }));
  async function* read(): AsyncGenerator<ParsedBatch> {
    worker.ref();
    try {
      while (true) {
        if (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
        const message = queue.shift();
        if (!message || message.kind === "done") return;
        if (message.kind === "error") {
          throw message.code ? new AppError(message.code, message.message) : new Error(message.message);
        }
        yield message.batch;
        worker.postMessage("ack");
      }
    } finally {
      await worker.terminate();
    }
  }
  return { [Symbol.asyncIterator]: read, close: async () => void (await worker.terminate()) };
}
