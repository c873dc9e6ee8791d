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

/**
 * Unfeatures a paper that an upvote or a save featured from the new papers (source `triage`) once no upvote and
 * no collection holds it there any more; one statement, so a vote arriving meanwhile keeps it. False when it stays.
 */
export async function dropUnbackedTriageEntry(database: Database, paperId: string): Promise<boolean> {
  const result = await database.kysely
    .deleteFrom("listing_entries")
    .where("paper_id", "=", paperId)
    .where("source", "=", "triage")
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(eb.selectFrom("upvotes").select("paper_id").where("paper_id", "=", paperId)),
          eb.exists(eb.selectFrom("collection_papers").select("paper_id").where("paper_id", "=", paperId)),
        ]),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Features many papers at once; papers already featured stay where they are. Answers how many were featured. */
export async function insertListingEntries(
  database: Database,
  entries: readonly { paperId: string; day: Day }[],
  by: { submitterId: number | null; now: string; source: string },
): Promise<number> {
  if (entries.length === 0) return 0;
  const result = await database.kysely
    .insertInto("listing_entries")
    .values(
      entries.map((entry) => ({
        paper_id: entry.paperId,
        listing_day: entry.day,
        submitted_by: by.submitterId,
        featured_at: by.now,
        source: by.source,
        external_upvotes: null,
      })),
    )
    .onConflict((oc) => oc.column("paper_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
