/** What an upsert is told and what it reports: shared by the dispatcher and its SQLite and PostgreSQL halves. */

export interface UpsertOptions {
  /** The account the featured papers stand as submitted by (null for none). */
  readonly submitterId: number | null;
  /** Where the records came from: `import`, `arxiv`, `hf`, `community`... */
  readonly source: string;
  /** ISO instant used for created/modified/featured stamps. */
  readonly now: string;
  /**
   * A resumable ingestion's position, written to `ingest_cursors` in the same transaction as the batch: after
   * a crash the checkpoint and the papers agree, so a resumed run neither skips nor repeats a committed page.
   */
  readonly checkpoint?: Checkpoint;
  /**
   * `now` (the default) writes the changed papers' keyword-index entries in the batch's transaction: they are
   * searchable the moment they are stored. `later` queues them instead (`search_pending`, same transaction)
   * for storage/keyword-index-queue.ts to index in chunks: a bulk load stores papers in a little over half the
   * time, and the index is built by `paperboy index`, by `serve` at start and on its refresh timer.
   */
  readonly keywordIndex?: "now" | "later";
}

export interface Checkpoint {
  readonly name: string;
  /** JSON text; its shape belongs to the ingestion that owns the name. */
  readonly state: string;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Papers newly placed on a listing day by this batch. */
  featured: number;
  /** Stored papers whose fields were cut to their limits (core/record-bounds.ts). */
  cut: number;
}

export const emptyCounts = (): UpsertCounts => ({ added: 0, updated: 0, unchanged: 0, featured: 0, cut: 0 });

export function addCounts(total: UpsertCounts, part: UpsertCounts): void {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.featured += part.featured;
  total.cut += part.cut;
}
