import { openCollection } from "../../community/collection-view.js";
import { collectionIdOf, collectionPath } from "../../core/collection.js";
import { notFound } from "../../core/errors.js";
import type { Database } from "../../storage/database.js";
import type { FeedList } from "./render.js";

/**
 * A public collection as a feed, newest additions first so feed readers see what was just added. Feeds are read
 * without an account, so a private collection is missing here whoever asks, and notes are never in it.
 */
export async function collectionFeed(database: Database, name: string): Promise<FeedList> {
  const id = collectionIdOf(name);
  if (id === null) throw notFound(`There is no collection ${name}.`);
  const { collection, entries } = await openCollection({ database }, null, id);
  const newest = [...entries].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  return {
    title: collection.name,
    description: collection.description || `A collection by ${collection.ownerName}`,
    pagePath: collectionPath(collection),
    feedPath: `/feeds/collection/${collection.id}`,
    papers: newest.map((entry) => entry.paper),
  };
}
