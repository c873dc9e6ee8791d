import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Index } from "usearch";
import { builtFile } from "../core/built-file.js";
import { processGone } from "../storage/run-holder.js";
import { graphOf, type VectorIndexOptions } from "./graph.js";

/** What the graph's thread starts from: an empty graph, or the one saved in `file`. */
export interface GraphStart {
  readonly dimensions: number;
  readonly options: VectorIndexOptions;
  readonly file: string | null;
}

/** A request to the graph's thread, answered in the order asked; `ping` only proves the thread has started. */
export type GraphTask =
  | {
      readonly id: number;
      readonly kind: "add";
      readonly keys: BigUint64Array;
      readonly vectors: Float32Array;
      readonly replaced: BigUint64Array;
      readonly threads: number;
    }
  | { readonly id: number; readonly kind: "save"; readonly file: string }
  | { readonly id: number; readonly kind: "ping" };

export interface GraphAnswer {
  readonly id: number;
  readonly error?: string;
}

type Request =
  | Omit<Extract<GraphTask, { kind: "add" }>, "id">
  | Omit<Extract<GraphTask, { kind: "save" }>, "id">
  | Omit<Extract<GraphTask, { kind: "ping" }>, "id">;

/** The compiled worker: beside this file in dist/, or dist/'s copy when running from source (tests). */
const WORKER_FILE = builtFile(import.meta.url, "./graph-worker.js", "../../dist/search/graph-worker.js");

/**
 * An HNSW graph on a thread of its own, for a long run of insertions (`paperboy index` over an archive): the
 * thread inserting into the graph (on every core, synchronously) no longer holds up the one reading papers
 * from the database and storing their vectors, so each goes on while the other works. Insertions are sent
 * without waiting for them; `drain` bounds how far the sender runs ahead, and a failure surfaces at the next
 * `drain`, `save` or `finish`. The graph is handed over and back through a file: the thread never shares it.
 */
export class GraphThread {
  private readonly pending = new Map<
    number,
    { promise: Promise<void>; resolve(): void; reject(error: Error): void }
  >();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (answer: GraphAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(`the vector graph's thread failed: ${answer.error}`));
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the vector graph's thread ended (code ${code})`)));
  }

  /**
   * A thread holding `graph`'s vectors (copied through a file in `scratch`, removed once loaded); null where no
   * compiled worker exists (the caller inserts in place then).
   */
  static async start(
    dimensions: number,
    options: VectorIndexOptions,
    graph: Index,
    scratch: string,
  ): Promise<GraphThread | null> {
    if (!WORKER_FILE) return null;
    sweep(scratch);
    const folder = graph.size() > 0 ? scratchFolder(scratch) : null;
    try {
      const file = folder ? join(folder, "graph.usearch") : null;
      if (file) graph.save(file);
      const start: GraphStart = { dimensions, options, file };
      const thread = new GraphThread(new Worker(WORKER_FILE, { workerData: start }));
      await thread.send({ kind: "ping" });
      return thread;
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Queues an insertion (see graph.ts `insert`); the vectors' buffer moves to the thread. */
  add(keys: BigUint64Array, vectors: Float32Array, replaced: BigUint64Array, threads: number): void {
    this.send({ kind: "add", keys, vectors, replaced, threads }, [vectors.buffer as ArrayBuffer]).catch(
      (error: Error) => {
        this.failure ??= error;
      },
    );
  }

  /** Waits until at most `queued` requests are still to be answered; throws the first failure. */
  async drain(queued: number): Promise<void> {
    while (this.pending.size > queued && !this.failure) {
      const oldest = this.pending.values().next().value;
      await oldest?.promise.catch(() => undefined);
    }
    if (this.failure) throw this.failure;
  }

  /** Saves the graph, with every insertion queued before, to `file`. */
  async save(file: string): Promise<void> {
    await this.send({ kind: "save", file });
    if (this.failure) throw this.failure;
  }

  /**
   * Ends the thread and returns its graph, loaded here (through a file in `scratch`): the thread's copy is gone
   * before this one is read, so the graph is never held twice.
   */
  async finish(options: VectorIndexOptions, dimensions: number, scratch: string): Promise<Index> {
    const folder = scratchFolder(scratch);
    try {
      const file = join(folder, "graph.usearch");
      await this.save(file);
      await this.close();
      const graph = graphOf(dimensions, options);
      graph.load(file);
      return graph;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Stops the thread, dropping whatever it still holds. */
  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    this.failure ??= new Error("the vector graph's thread was closed");
    await this.worker.terminate();
  }

  private send(request: Request, transfer: ArrayBuffer[] = []): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let settle: { resolve(): void; reject(error: Error): void } | undefined;
    const promise = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    if (settle) this.pending.set(id, { promise, ...settle });
    const task = { ...request, id } as GraphTask;
    this.worker.postMessage(task, transfer);
    return promise;
  }
}

const PREFIX = ".graph-";

/** A folder of this process's own in `scratch`, for one copy of the graph on its way between threads. */
function scratchFolder(scratch: string): string {
  mkdirSync(scratch, { recursive: true });
  return mkdtempSync(join(scratch, `${PREFIX}${process.pid}-`));
}

/** Removes the copies that processes killed while moving a graph left behind (at 3,000,000 papers, 2 GB each). */
function sweep(scratch: string): void {
  let names: string[];
  try {
    names = readdirSync(scratch);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length).split("-")[0]) : Number.NaN;
    if (Number.isInteger(pid) && pid > 0 && processGone(pid))
      rmSync(join(scratch, name), { recursive: true, force: true });
  }
}
