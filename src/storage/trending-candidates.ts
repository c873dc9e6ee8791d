import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";

export interface TrendingCandidate {
  readonly paperId: string;
  readonly listingDay: Day;
  readonly featuredAt: string;
  readonly upvotes: number;
  readonly externalUpvotes: number;
  readonly comments: number;
}

const toCounts = (rows: { paper_id: string; n: number | string | bigint }[]) =>
  new Map(rows.map((row) => [row.paper_id, Number(row.n)]));

async function upvoteCounts(database: Database, firstDay: Day): Promise<Map<string, number>> {
  const rows = await database.kysely
    .selectFrom("upvotes as v")
    .innerJoin("listing_entries as w", "w.paper_id", "v.paper_id")
    .where("w.listing_day", ">=", firstDay)
    .select((eb) => ["v.paper_id", eb.fn.countAll<number>().as("n")])
    .groupBy("v.paper_id")
    .execute();
  return toCounts(rows);
}

async function commentCounts(database: Database, firstDay: Day): Promise<Map<string, number>> {
  const rows = await database.kysely
    .selectFrom("comments as c")
    .innerJoin("listing_entries as w", "w.paper_id", "c.paper_id")
    .where("w.listing_day", ">=", firstDay)
    .where("c.deleted_at", "is", null)
    .where("c.hidden_at", "is", null)
    .select((eb) => ["c.paper_id", eb.fn.countAll<number>().as("n")])
    .groupBy("c.paper_id")
    .execute();
  return toCounts(rows);
}

/**
 * Every paper featured on or after `firstDay`, with the counts the trending score needs. The counts come from
 * two grouped scans rather than a sub-query per paper: a busy week is tens of thousands of papers.
 */
export async function trendingCandidates(database: Database, firstDay: Day): Promise<TrendingCandidate[]> {
  const [entries, upvotes, comments] = await Promise.all([
    database.kysely
      .selectFrom("listing_entries")
      .select(["paper_id", "listing_day", "featured_at", "external_upvotes"])
      .where("listing_day", ">=", firstDay)
      .execute(),
    upvoteCounts(database, firstDay),
    commentCounts(database, firstDay),
  ]);
  return entries.map((row) => ({
    paperId: row.paper_id,
    listingDay: row.listing_day,
    featuredAt: row.featured_at,
    upvotes: upvotes.get(row.paper_id) ?? 0,
    externalUpvotes: Number(row.external_upvotes ?? 0),
    comments: comments.get(row.paper_id) ?? 0,
  }));
}
