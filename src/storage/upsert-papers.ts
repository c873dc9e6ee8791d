import type { IncomingPaper } from "../core/paper.js";
import type { Database } from "./database.js";
import { upsertPapersPostgres } from "./postgres/upsert-papers.js";
import { upsertPapersSqlite } from "./sqlite/upsert-papers.js";

export interface UpsertOptions {
  /** The account the featured papers stand as submitted by (null for none). */
  readonly submitterId: number | null;
  /** Where the records came from: `import`, `arxiv`, `hf`, `community`... */
  readonly source: string;
  /** ISO instant used for created/modified/featured stamps. */
  readonly now: string;
}

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Papers newly placed on a listing day by this batch. */
  featured: number;
}

export const emptyCounts = (): UpsertCounts => ({ added: 0, updated: 0, unchanged: 0, featured: 0 });

export function addCounts(total: UpsertCounts, part: UpsertCounts): void {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.featured += part.featured;
}

/**
 * The one upsert every source goes through. The whole batch is one transaction: a crash leaves either all of
 * it or none of it. A record whose content digest matches the stored one costs no write; a record older than
 * the stored version (by version number) never replaces newer metadata.
 */
export function upsertPapers(
  database: Database,
  papers: readonly IncomingPaper[],
  options: UpsertOptions,
): Promise<UpsertCounts> {
  const native = database.native;
  if (native.kind === "sqlite") return Promise.resolve(upsertPapersSqlite(native.db, papers, options));
  return upsertPapersPostgres(native.pool, papers, options);
}
