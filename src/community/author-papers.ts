import { authorIndexKey, authorKey, foldAuthorName, sameAuthor } from "../core/author-name.js";
import { notFound } from "../core/errors.js";
import type { PaperSummary } from "../core/paper.js";
import { authorRowsByKey } from "../storage/author-papers.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import { isFollowing } from "../storage/reader-follows.js";

export const AUTHOR_PAGE_SIZE = 50;

/** One author's papers here, newest first, under every spelling the folding rule lets meet. */
export interface AuthorPapers {
  /** The name as asked for (the page's address). */
  readonly name: string;
  /** The folded name a follow stores. */
  readonly key: string;
  /** The spellings the papers use, most used first. */
  readonly variants: readonly string[];
  readonly papers: readonly PaperSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** Whether the viewer follows this name (false for nobody signed in). */
  readonly following: boolean;
}

function spellingsByUse(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

export async function authorPapers(
  database: Database,
  request: { name: string; page: number; viewerId: number | null },
): Promise<AuthorPapers> {
  const wanted = foldAuthorName(request.name);
  const rows = (await authorRowsByKey(database, authorIndexKey(request.name))).filter((row) =>
    sameAuthor(wanted, foldAuthorName(row.name)),
  );
  if (rows.length === 0) throw notFound(`No paper here has an author called ${request.name}.`);
  const days = new Map(rows.map((row) => [row.paperId, row.day ?? ""]));
  const ids = [...days.keys()].sort(
    (a, b) => (days.get(b) ?? "").localeCompare(days.get(a) ?? "") || b.localeCompare(a),
  );
  const pageCount = Math.max(1, Math.ceil(ids.length / AUTHOR_PAGE_SIZE));
  const start = (request.page - 1) * AUTHOR_PAGE_SIZE;
  const name = request.name.trim().replace(/\s+/g, " ");
  const key = authorKey(name);
  return {
    name,
    key,
    variants: spellingsByUse(rows.map((row) => row.name)),
    papers: await getSummaries(database, ids.slice(start, start + AUTHOR_PAGE_SIZE)),
    total: ids.length,
    page: request.page,
    pageCount,
    following:
      request.viewerId !== null &&
      (await isFollowing(database, { accountId: request.viewerId, kind: "author", value: key })),
  };
}
