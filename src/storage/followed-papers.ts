import { sql } from "kysely";
import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";

/** Ids first: digests and feeds rank ids per follow, then load the few papers they keep in one go. */
export interface PeriodSpan {
  readonly first: Day;
  readonly last: Day;
}

const SCORE = sql`(coalesce(l.external_upvotes, 0) + (select count(*) from upvotes v where v.paper_id = l.paper_id))`;

/** Papers featured in a span, most upvoted first. */
export async function featuredIds(database: Database, span: PeriodSpan, limit: number): Promise<string[]> {
  const rows = await database.kysely
    .selectFrom("listing_entries as l")
    .select("l.paper_id")
    .where("l.listing_day", ">=", span.first)
    .where("l.listing_day", "<=", span.last)
    .orderBy(SCORE, "desc")
    .orderBy("l.paper_id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.paper_id);
}

/** Papers featured in a span that carry a category, most upvoted first. */
export async function categoryIds(
  database: Database,
  span: PeriodSpan,
  category: string,
  limit: number,
): Promise<string[]> {
  const rows = await database.kysely
    .selectFrom("listing_entries as l")
    .innerJoin("paper_categories as c", "c.paper_id", "l.paper_id")
    .select("l.paper_id")
    .where("c.category", "=", category)
    .where("l.listing_day", ">=", span.first)
    .where("l.listing_day", "<=", span.last)
    .orderBy(SCORE, "desc")
    .orderBy("l.paper_id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.paper_id);
}
