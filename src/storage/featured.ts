import { sql } from "kysely";
import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";
import { upvoteTotal } from "./upvote-total.js";

/** `featured`: newest listing day first, most upvoted first within a day; `upvotes`: most upvoted first. */
export type FeaturedSort = "featured" | "upvotes";

/** Which featured papers a list holds: a span of listing days, optionally one category or one submitter. */
export interface FeaturedQuery {
  readonly first: Day;
  readonly last: Day;
  readonly sort?: FeaturedSort;
  /** The handle of the account that featured the papers, in any letter case. */
  readonly submitter?: string | undefined;
  readonly category?: string | undefined;
}

function entries(database: Database, query: FeaturedQuery) {
  return database.kysely
    .selectFrom("listing_entries as l")
    .where("l.listing_day", ">=", query.first)
    .where("l.listing_day", "<=", query.last)
    .$if(query.submitter !== undefined, (q) =>
      q.where("l.submitted_by", "in", (eb) =>
        eb
          .selectFrom("users as u")
          .select("u.id")
          .where(sql<string>`lower(u.handle)`, "=", (query.submitter ?? "").toLowerCase()),
      ),
    )
    .$if(query.category !== undefined, (q) =>
      q.where("l.paper_id", "in", (eb) =>
        eb
          .selectFrom("paper_categories as c")
          .select("c.paper_id")
          .where("c.category", "=", query.category ?? ""),
      ),
    );
}

export async function countFeatured(database: Database, query: FeaturedQuery): Promise<number> {
  const row = await entries(database, query)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The ids of one window of featured papers in list order. The order is decided on the listing entries alone
 * and only the window's papers are read in full afterwards: sorting whole paper rows (abstracts included) for
 * every paper of a busy day cost several times more.
 */
export async function featuredIds(
  database: Database,
  query: FeaturedQuery,
  window: { readonly offset: number; readonly limit: number },
): Promise<string[]> {
  let ordered = entries(database, query).select("l.paper_id");
  if (query.sort !== "upvotes") ordered = ordered.orderBy("l.listing_day", "desc");
  const rows = await ordered
    .orderBy(upvoteTotal(), "desc")
    .orderBy("l.featured_at")
    .orderBy("l.paper_id")
    .offset(window.offset)
    .limit(window.limit)
    .execute();
  return rows.map((row) => row.paper_id);
}

/** The papers of a day with the most upvotes, best first; papers without votes are left out. */
export async function topOfDay(database: Database, day: Day, count: number): Promise<string[]> {
  const rows = await entries(database, { first: day, last: day })
    .select(["l.paper_id", upvoteTotal().as("votes")])
    .orderBy(upvoteTotal(), "desc")
    .orderBy("l.featured_at")
    .orderBy("l.paper_id")
    .limit(count)
    .execute();
  return rows.filter((row) => Number(row.votes) > 0).map((row) => row.paper_id);
}

export async function latestListingDay(database: Database): Promise<Day | null> {
  const row = await database.kysely
    .selectFrom("listing_entries")
    .select((eb) => eb.fn.max("listing_day").as("day"))
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The latest listing day from `first` to `last` (both included) that has papers, or null when none has. */
export async function latestListingDayIn(database: Database, first: Day, last: Day): Promise<Day | null> {
  const row = await database.kysely
    .selectFrom("listing_entries")
    .select((eb) => eb.fn.max("listing_day").as("day"))
    .where("listing_day", ">=", first)
    .where("listing_day", "<=", last)
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The nearest listing days that have papers before `first` and after `last` (a day, or a week's or month's ends). */
export async function neighbourDays(
  database: Database,
  first: Day,
  last: Day = first,
): Promise<{ previous: Day | null; next: Day | null }> {
  const db = database.kysely;
  const [previous, next] = await Promise.all([
    db
      .selectFrom("listing_entries")
      .select((eb) => eb.fn.max("listing_day").as("day"))
      .where("listing_day", "<", first)
      .executeTakeFirst(),
    db
      .selectFrom("listing_entries")
      .select((eb) => eb.fn.min("listing_day").as("day"))
      .where("listing_day", ">", last)
      .executeTakeFirst(),
  ]);
  return { previous: previous?.day ?? null, next: next?.day ?? null };
}
