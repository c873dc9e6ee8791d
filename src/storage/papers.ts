import type { Kysely } from "kysely";
import type { Paper, PaperSummary } from "../core/paper.js";
import type { Database } from "./database.js";
import type { Schema } from "./schema.js";

type Db = Kysely<Schema>;

function summaryQuery(db: Db) {
  return db
    .selectFrom("papers as p")
    .leftJoin("listing_entries as l", "l.paper_id", "p.id")
    .leftJoin("users as u", "u.id", "l.submitted_by")
    .leftJoin("announcements as a", "a.paper_id", "p.id")
    .select((eb) => [
      "p.id",
      "p.title",
      "p.abstract",
      "p.comment",
      "p.journal_ref",
      "p.doi",
      "p.license",
      "p.primary_category",
      "p.published",
      "p.updated",
      "p.withdrawn",
      "l.listing_day",
      "a.arxiv_day",
      "l.featured_at",
      "l.external_upvotes",
      "u.handle as submitter",
      "u.display_name as submitter_name",
      "u.deleted_at as submitter_deleted_at",
      eb
        .selectFrom("upvotes")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("upvotes.paper_id", "=", "p.id")
        .as("upvotes"),
      eb
        .selectFrom("comments")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("comments.paper_id", "=", "p.id")
        .where("comments.deleted_at", "is", null)
        .where("comments.hidden_at", "is", null)
        .as("comment_count"),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

async function authorsAndCategories(db: Db, ids: readonly string[]) {
  const authors = new Map<string, string[]>();
  const categories = new Map<string, string[]>();
  if (ids.length === 0) return { authors, categories };
  const [authorRows, categoryRows] = await Promise.all([
    db
      .selectFrom("paper_authors")
      .select(["paper_id", "name"])
      .where("paper_id", "in", ids)
      .orderBy("paper_id")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("paper_categories")
      .select(["paper_id", "category"])
      .where("paper_id", "in", ids)
      .orderBy("paper_id")
      .orderBy("position")
      .execute(),
  ]);
  for (const row of authorRows) authors.set(row.paper_id, [...(authors.get(row.paper_id) ?? []), row.name]);
  for (const row of categoryRows)
    categories.set(row.paper_id, [...(categories.get(row.paper_id) ?? []), row.category]);
  return { authors, categories };
}

/** How pages name the submitter: their display name, else their handle; a deleted account has no name. */
function submitterName(row: SummaryRow): string | null {
  if (row.submitter === null || row.submitter_deleted_at !== null) return null;
  return row.submitter_name?.trim() || row.submitter;
}

function toSummary(row: SummaryRow, authors: readonly string[], categories: readonly string[]): PaperSummary {
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors,
    categories,
    comment: row.comment,
    journalRef: row.journal_ref,
    doi: row.doi,
    license: row.license,
    published: row.published,
    updated: row.updated,
    withdrawn: Boolean(row.withdrawn),
    primaryCategory: row.primary_category,
    arxivDay: row.arxiv_day,
    listingDay: row.listing_day,
    featuredAt: row.featured_at,
    submittedBy: row.submitter,
    submitterName: submitterName(row),
    upvotes: Number(row.upvotes ?? 0),
    externalUpvotes: row.external_upvotes,
    commentCount: Number(row.comment_count ?? 0),
  };
}

/** Turns summary rows into domain papers, keeping the rows' order. */
export async function hydrateSummaries(db: Db, rows: readonly SummaryRow[]): Promise<PaperSummary[]> {
  return withPeople(
    rows,
    await authorsAndCategories(
      db,
      rows.map((row) => row.id),
    ),
  );
}

/** Summary rows with their authors and categories, in the rows' order. */
function withPeople(
  rows: readonly SummaryRow[],
  { authors, categories }: Awaited<ReturnType<typeof authorsAndCategories>>,
): PaperSummary[] {
  return rows.map((row) => toSummary(row, authors.get(row.id) ?? [], categories.get(row.id) ?? []));
}

/** Papers by id, in the order asked; unknown ids are left out. */
export async function getSummaries(database: Database, ids: readonly string[]): Promise<PaperSummary[]> {
  if (ids.length === 0) return [];
  // The papers, their authors and their categories are read at once (one round trip's wait, not two).
  const [rows, extras] = await Promise.all([
    summaryQuery(database.kysely).where("p.id", "in", ids).execute(),
    authorsAndCategories(database.kysely, ids),
  ]);
  const byId = new Map(withPeople(rows, extras).map((paper) => [paper.id, paper]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getPaper(database: Database, id: string): Promise<Paper | null> {
  const db = database.kysely;
  const row = await summaryQuery(db).where("p.id", "=", id).executeTakeFirst();
  if (!row) return null;
  const [summary] = await hydrateSummaries(db, [row]);
  const versions = await db
    .selectFrom("paper_versions")
    .select(["version", "created"])
    .where("paper_id", "=", id)
    .orderBy("version")
    .execute();
  return summary ? { ...summary, versions } : null;
}

export async function countPapers(database: Database): Promise<number> {
  const row = await database.kysely
    .selectFrom("papers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
