import { sql } from "kysely";
import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";

/** Ids first: digests and feeds rank ids per follow, then load the few papers they keep in one go. */
export interface PeriodSpan {
  readonly first: Day;
  readonly last: Day;
}

const SCORE = sql`(coalesce(l.external_upvotes, 0) + (select count(*) from upvotes v where v.paper_id = l.paper_id))`;

/** Papers featured in a span, most upvoted first; with a category, only the papers that carry it. */
export async function featuredIds(
  database: Database,
  span: PeriodSpan,
  limit: number,
  category?: string,
): Promise<string[]> {
  const rows = await database.kysely
    .selectFrom("listing_entries as l")
    .select("l.paper_id")
    .$if(category !== undefined, (query) =>
      query.where("l.paper_id", "in", (eb) =>
        eb
          .selectFrom("paper_categories as c")
          .select("c.paper_id")
          .where("c.category", "=", category ?? ""),
      ),
    )
    .where("l.listing_day", ">=", span.first)
    .where("l.listing_day", "<=", span.last)
    .orderBy(SCORE, "desc")
    .orderBy("l.paper_id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.paper_id);
}
