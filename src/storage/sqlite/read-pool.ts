import { Worker } from "node:worker_threads";
import { builtFile } from "../../core/built-file.js";
import { DeadlineExceeded } from "../deadline.js";
import { DEADLINE_EXTENSION, RANK_EXTENSION } from "./native-extensions.js";
import type { ReadAnswer, ReaderSetup, ReadTask } from "./read-worker.js";

const WORKER_FILE = builtFile(
  import.meta.url,
  "./read-worker.js",
  "../../../dist/storage/sqlite/read-worker.js",
);

/** Whether reader threads can run here (the worker exists only in the compiled build). */
export function canReadInThreads(): boolean {
  return WORKER_FILE !== null;
}

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
  readonly timer: NodeJS.Timeout | null;
}

interface Thread {
  worker: Worker;
  inFlight: number;
}

// Past its deadline a statement is interrupted within milliseconds; without the extension the caller stops
// waiting at the deadline itself and the thread finishes the statement on its own.
const GRACE_MS = 50;

/**
 * Reader threads, each with its own read-only connection to the SQLite file (WAL lets them read beside the
 * writer): statements run there, so a slow search never blocks the web process's event loop.
 */
export class ReadPool {
  private readonly threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  // Threads start at the first statement: commands that never search (import, migrate) start none.
  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  private start(): Thread {
    if (!WORKER_FILE) throw new Error("the reader thread is not built (npm run build)");
    const setup: ReaderSetup = { file: this.file, deadline: DEADLINE_EXTENSION, rank: RANK_EXTENSION };
    const worker = new Worker(WORKER_FILE, { workerData: setup });
    worker.unref();
    const thread: Thread = { worker, inFlight: 0 };
    worker.on("message", (answer: ReadAnswer) => this.settle(thread, answer));
    worker.on("error", (error) => this.fail(thread, error));
    return thread;
  }

  private settle(thread: Thread, answer: ReadAnswer) {
    thread.inFlight -= 1;
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if (pending.timer) clearTimeout(pending.timer);
    if ("rows" in answer) return pending.resolve(answer.rows);
    const { code, message } = answer.error;
    pending.reject(
      code === "SQLITE_INTERRUPT" ? new DeadlineExceeded() : Object.assign(new Error(message), { code }),
    );
  }

  /**
   * A thread that died takes its statements with it; a new one is started by the next statement, not at once,
   * so a thread that cannot start (an unreadable file) costs one failed statement each, never a loop.
   */
  private fail(thread: Thread, error: Error) {
    for (const [id, pending] of this.pending) {
      pending.reject(error);
      this.pending.delete(id);
    }
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
  }

  /** Runs one statement on the least busy thread; rejects with DeadlineExceeded past `deadline`. */
  run(sql: string, parameters: readonly unknown[], deadline: number | null): Promise<unknown[]> {
    while (this.threads.length < this.size) this.threads.push(this.start());
    const thread = this.threads.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const task: ReadTask = { id: this.nextId++, sql, parameters, deadline: deadline ?? 0 };
    return new Promise((resolve, reject) => {
      const timer =
        deadline === null
          ? null
          : setTimeout(
              () => {
                this.pending.delete(task.id);
                reject(new DeadlineExceeded());
              },
              Math.max(0, deadline - Date.now()) + GRACE_MS,
            );
      this.pending.set(task.id, { resolve, reject, timer });
      thread.inFlight += 1;
      thread.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }
}
