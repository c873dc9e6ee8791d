import { openCollection } from "../../community/collection-view.js";
import { collectionIdOf, collectionPath } from "../../core/collection.js";
import { notFound } from "../../core/errors.js";
import { type PaperList, paperList } from "../../lists/paper-list.js";
import type { Database } from "../../storage/database.js";

/**
 * A public collection as a feed, newest additions first so feed readers see what was just added. Feeds are read
 * without an account, so a private collection is missing here whoever asks, and notes are never in it.
 */
export async function collectionFeed(database: Database, name: string): Promise<PaperList> {
  const id = collectionIdOf(name);
  if (id === null) throw notFound(`There is no collection ${name}.`);
  const { collection, entries } = await openCollection({ database }, null, id);
  const newest = [...entries].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  const heading = {
    title: collection.name,
    description: collection.description || `A collection by ${collection.ownerName}`,
    pagePath: collectionPath(collection),
    feedPath: `/feeds/collection/${collection.id}`,
  };
  const papers = newest.map((entry) => entry.paper);
  return paperList(heading, { page: 1, size: Math.max(1, papers.length) }, papers, papers.length);
}
