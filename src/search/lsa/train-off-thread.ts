import { Worker } from "node:worker_threads";
import { builtFile } from "../../core/built-file.js";
import type { EmbeddingText } from "../embedders/embedder.js";
import { LsaModel, type StoredModel } from "./model.js";
import { type LsaOptions, trainLsa } from "./train.js";

/** What the training thread is given. */
export interface TrainingRequest {
  readonly documents: readonly EmbeddingText[];
  readonly papers: number;
  readonly options: LsaOptions;
}

/** The compiled worker: beside this file in dist/, or dist/'s copy when running from source (tests). */
const WORKER_FILE = builtFile(
  import.meta.url,
  "./train-worker.js",
  "../../../dist/search/lsa/train-worker.js",
);

/**
 * trainLsa on a thread of its own: training takes tens of seconds on the demo corpus, and a server that already
 * listens keeps answering meanwhile. The thread does not hold the process open (a server stopped while it
 * trains exits). Where no compiled worker exists, training runs in place.
 */
export function trainOffThread(
  documents: readonly EmbeddingText[],
  papers: number,
  options: LsaOptions,
): Promise<LsaModel> {
  const file = WORKER_FILE;
  if (!file) return Promise.resolve(trainLsa(documents, papers, options));
  const request: TrainingRequest = { documents, papers, options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: request });
    worker.unref();
    worker.once("message", (stored: StoredModel) => resolve(LsaModel.fromStored(stored)));
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`the LSA training thread ended (code ${code}) with no model`)),
    );
  });
}
