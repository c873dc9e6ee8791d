import { availableParallelism } from "node:os";
import type { Database } from "../storage/database.js";
import { indexPendingPapers, mergePendingKeywordEntries } from "../storage/keyword-index-queue.js";
import { Progress } from "./progress.js";

/**
 * Indexes every paper queued for the keyword index, with progress on `stderr` (nothing at all when the queue is
 * empty), then merges what PostgreSQL's GIN indexes hold pending; returns how many.
 */
export async function indexQueuedPapers(database: Database, stderr: NodeJS.WritableStream): Promise<number> {
  const started = performance.now();
  const progress = new Progress(stderr, "keyword index", 2000, "papers");
  const indexed = await indexPendingPapers(database, {
    onProgress: (count) => progress.update(count),
    // PostgreSQL: one chunk per core at once (SQLite works one at a time whatever is asked).
    concurrency: availableParallelism(),
  });
  if (indexed > 0) {
    progress.done(indexed);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    stderr.write(`keyword index: indexed ${indexed} queued papers (${seconds} s)\n`);
  }
  await mergePendingKeywordEntries(database);
  return indexed;
}
