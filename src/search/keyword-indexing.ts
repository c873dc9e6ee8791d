import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Database } from "../storage/database.js";
import {
  indexPendingPapers,
  mergePendingKeywordEntries,
  pendingKeywordIndex,
} from "../storage/keyword-index-queue.js";

/**
 * Papers per transaction when a server indexes in the background: on SQLite a chunk runs on the event loop's
 * thread, and 1,000 papers hold it for about 60 ms.
 */
const BACKGROUND_CHUNK = 1000;

/**
 * Works off the keyword-index queue on a timer, for a server: papers another process bulk-imported become
 * keyword-searchable within one interval, and PostgreSQL's GIN indexes take in their pending entries. Between
 * chunks the event loop answers requests. Returns a stop function that waits for the chunk in progress.
 */
export function startKeywordIndexing(
  database: Database,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const between = async () => {
    if (stopped) throw new Stopped();
    await yieldToEventLoop();
  };
  const timer = setInterval(() => {
    if (running) return;
    // The entries written here, and those of papers stored with theirs (ingestion, submissions), wait in
    // PostgreSQL's GIN pending lists until merged: searchable already, but every search reads the lists through.
    running = indexPendingPapers(database, { between, chunk: BACKGROUND_CHUNK })
      .then(() => mergePendingKeywordEntries(database))
      .catch((error: unknown) => {
        if (!(error instanceof Stopped)) onError(error);
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

class Stopped extends Error {}

/** How many stored papers still wait for the keyword index, counted up to `cap`: search may miss them. */
export function keywordIndexBacklog(database: Database, cap: number): Promise<number> {
  return pendingKeywordIndex(database, cap);
}
