import { sql } from "kysely";
import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";

/** Features a paper on a day; false when it is already featured (a paper is featured at most once). */
export async function insertListingEntry(
  database: Database,
  entry: { paperId: string; day: Day; submitterId: number | null; now: string; source: string },
): Promise<boolean> {
  const result = await database.kysely
    .insertInto("listing_entries")
    .values({
      paper_id: entry.paperId,
      listing_day: entry.day,
      submitted_by: entry.submitterId,
      featured_at: entry.now,
      source: entry.source,
      external_upvotes: null,
    })
    .onConflict((oc) => oc.column("paper_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteListingEntry(database: Database, paperId: string): Promise<boolean> {
  const result = await database.kysely
    .deleteFrom("listing_entries")
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function moveListingEntry(database: Database, paperId: string, day: Day): Promise<boolean> {
  const result = await database.kysely
    .updateTable("listing_entries")
    .set({ listing_day: day })
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The papers of a day with the most upvotes (local plus imported), best first; papers without votes are left out. */
export async function topOfDay(database: Database, day: Day, count: number): Promise<string[]> {
  const rows = await database.kysely
    .selectFrom("listing_entries as l")
    .select((eb) => [
      "l.paper_id",
      sql<number>`(${eb
        .selectFrom("upvotes")
        .select((e) => e.fn.countAll().as("n"))
        .whereRef("upvotes.paper_id", "=", "l.paper_id")}) + coalesce(l.external_upvotes, 0)`.as("votes"),
    ])
    .where("l.listing_day", "=", day)
    .orderBy("votes", "desc")
    .orderBy("l.featured_at")
    .orderBy("l.paper_id")
    .limit(count)
    .execute();
  return rows.filter((row) => Number(row.votes) > 0).map((row) => row.paper_id);
}

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
