import type { ExpressionBuilder } from "kysely";
import type { Day } from "../core/listing-day.js";
import type { CategoryCount } from "./categories.js";
import type { Database } from "./database.js";
import type { Schema } from "./schema.js";

/** Which of a day's new papers one reader is shown. */
export interface NewPapersScope {
  readonly day: Day;
  /** Only papers in this category (in any position: cross-lists count). */
  readonly category?: string | null;
  /** The reader: papers they are not interested in are left out, and with `unseenOnly` those they read. */
  readonly reader?: { readonly accountId: number; readonly unseenOnly: boolean } | null;
}

type Scope = ExpressionBuilder<Schema & { a: Schema["announcements"] }, "a">;

function readerFilter(scope: NewPapersScope) {
  return (eb: Scope) => {
    const reader = scope.reader;
    if (!reader) return eb.lit(true);
    const kinds = reader.unseenOnly ? ["not_interested", "read"] : ["not_interested"];
    const marked = eb
      .selectFrom("reader_marks as m")
      .select("m.paper_id")
      .whereRef("m.paper_id", "=", "a.paper_id")
      .where("m.account_id", "=", reader.accountId)
      .where("m.kind", "in", kinds);
    return eb.not(eb.exists(marked));
  };
}

function inCategory(category: string) {
  return (eb: Scope) =>
    eb.exists(
      eb
        .selectFrom("paper_categories as c")
        .select("c.paper_id")
        .whereRef("c.paper_id", "=", "a.paper_id")
        .where("c.category", "=", category),
    );
}

/** The ids of a day's new papers in arXiv order (arXiv numbers submissions as they come). */
export async function newPaperIds(database: Database, scope: NewPapersScope): Promise<string[]> {
  let query = database.kysely
    .selectFrom("announcements as a")
    .select("a.paper_id")
    .where("a.arxiv_day", "=", scope.day)
    .where(readerFilter(scope));
  if (scope.category) query = query.where(inCategory(scope.category));
  const rows = await query.orderBy("a.paper_id").execute();
  return rows.map((row) => row.paper_id);
}

/** How many of the reader's new papers of the day each category holds, largest first (ties by name). */
export async function newPaperCategoryCounts(
  database: Database,
  scope: NewPapersScope,
): Promise<CategoryCount[]> {
  const rows = await database.kysely
    .selectFrom("announcements as a")
    .innerJoin("paper_categories as c", "c.paper_id", "a.paper_id")
    .select((eb) => ["c.category", eb.fn.countAll<number>().as("papers")])
    .where("a.arxiv_day", "=", scope.day)
    .where(readerFilter(scope))
    .groupBy("c.category")
    .orderBy("papers", "desc")
    .orderBy("c.category")
    .execute();
  return rows.map((row) => ({ category: row.category, papers: Number(row.papers) }));
}

export async function latestArxivDay(database: Database): Promise<Day | null> {
  const row = await database.kysely
    .selectFrom("announcements")
    .select((eb) => eb.fn.max("arxiv_day").as("day"))
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The nearest arXiv days before and after `day` that have new papers here. */
export async function neighbourArxivDays(database: Database, day: Day) {
  const db = database.kysely;
  const [previous, next] = await Promise.all([
    db
      .selectFrom("announcements")
      .select((eb) => eb.fn.max("arxiv_day").as("day"))
      .where("arxiv_day", "<", day)
      .executeTakeFirst(),
    db
      .selectFrom("announcements")
      .select((eb) => eb.fn.min("arxiv_day").as("day"))
      .where("arxiv_day", ">", day)
      .executeTakeFirst(),
  ]);
  return { previous: previous?.day ?? null, next: next?.day ?? null };
}

/** The arXiv day that announced a paper, or null when none is known. */
export async function announcedOn(database: Database, paperId: string): Promise<Day | null> {
  const row = await database.kysely
    .selectFrom("announcements")
    .select("arxiv_day")
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return row?.arxiv_day ?? null;
}

/** Announced papers nobody has featured that carry an author's comment, with their arXiv day. */
export async function unfeaturedWithComments(database: Database) {
  const rows = await database.kysely
    .selectFrom("announcements as a")
    .innerJoin("papers as p", "p.id", "a.paper_id")
    .leftJoin("listing_entries as l", "l.paper_id", "a.paper_id")
    .select(["a.paper_id", "a.arxiv_day", "p.comment"])
    .where("l.paper_id", "is", null)
    .where("p.comment", "is not", null)
    .orderBy("a.paper_id")
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, day: row.arxiv_day, comment: row.comment ?? "" }));
}
