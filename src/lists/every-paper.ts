import type { PaperSummary } from "../core/paper.js";
import type { Database } from "../storage/database.js";
import { pagePaperIds } from "../storage/paper-pages.js";
import { getSummaries } from "../storage/papers.js";

/** One page of every stored paper, newest arXiv id first, paged by the last id seen (keyset paging). */
export interface EveryPaperPage {
  readonly papers: readonly PaperSummary[];
  /** The last id of this page when more papers follow, to pass back as `after`. */
  readonly last: string | null;
}

/** Every stored paper, a page at a time: the API's walk over the whole catalogue. */
export async function everyPaper(
  database: Database,
  after: string | null,
  limit: number,
): Promise<EveryPaperPage> {
  const page = await pagePaperIds(database, after, limit);
  return { papers: await getSummaries(database, page.ids), last: page.last };
}
