import { Worker } from "node:worker_threads";
import { builtFile } from "../../core/built-file.js";
import type { EmbeddingText } from "../embedders/embedder.js";
import type { StoredModel } from "./stored-model.js";

/** A batch for the embedding thread, and its answer: the vectors end to end, `dimensions` numbers each. */
export interface EmbedTask {
  readonly id: number;
  readonly texts: readonly EmbeddingText[];
}

export interface EmbedAnswer {
  readonly id: number;
  readonly vectors: Float32Array;
}

/** The compiled worker: beside this file in dist/, or dist/'s copy when running from source (tests). */
const WORKER_FILE = builtFile(
  import.meta.url,
  "./embed-worker.js",
  "../../../dist/search/lsa/embed-worker.js",
);

/**
 * An LSA model's embedding on a thread of its own, for a bulk run: the thread embeds the next batch while this
 * one inserts the last into the vector graph, which blocks it (usearch adds on every core, synchronously).
 * Embedding was a quarter of `paperboy index`'s time at 1,000,000 papers, with one core idle meanwhile.
 */
export class EmbedThread {
  private readonly pending = new Map<
    number,
    { resolve(vectors: Float32Array[]): void; reject(error: Error): void }
  >();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    dimensions: number,
  ) {
    worker.on("message", (answer: EmbedAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      waiting?.resolve(
        Array.from({ length: answer.vectors.length / dimensions }, (_, i) =>
          answer.vectors.subarray(i * dimensions, (i + 1) * dimensions),
        ),
      );
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the embedding thread ended (code ${code})`)));
  }

  /** A thread holding a copy of the model; null where no compiled worker exists (embed in place then). */
  static start(model: StoredModel, dimensions: number): EmbedThread | null {
    if (!WORKER_FILE) return null;
    return new EmbedThread(new Worker(WORKER_FILE, { workerData: model }), dimensions);
  }

  embed(texts: readonly EmbeddingText[]): Promise<Float32Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const task: EmbedTask = { id, texts };
      this.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    this.failure = new Error("the embedding thread was closed");
    await this.worker.terminate();
  }
}
