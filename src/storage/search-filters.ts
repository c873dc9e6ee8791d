import { type RawBuilder, sql } from "kysely";
import type { PaperFilters } from "./keyword-types.js";

/**
 * A paper's date for filters and ordering: its v1 date, else the arXiv day that announced it, else its listing
 * day, as far as the sources told.
 */
export const PAPER_DATE = sql`coalesce(p.published,
  (select n.arxiv_day from announcements n where n.paper_id = p.id),
  (select l.listing_day from listing_entries l where l.paper_id = p.id))`;

const LIKE_SPECIAL = /[\\%_]/g;

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(LIKE_SPECIAL, (c) => `\\${c}`)}%`;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A category with a subject class matches exactly; an archive alone (`cs`, `hep-th`) matches all its classes. */
function categoryCondition(category: string): RawBuilder<unknown> {
  if (category.includes(".")) return sql`c.category = ${category}`;
  return sql`(c.category = ${category} or c.category like ${`${category}.%`})`;
}

/**
 * The filters as SQL conditions on the papers table aliased `p`, identical on SQLite and PostgreSQL. Several
 * categories mean any of them; several authors mean all of them.
 */
export function filterConditions(filters: PaperFilters, within?: readonly string[]): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (within) conditions.push(within.length === 0 ? sql`1 = 0` : sql`p.id in (${sql.join(within)})`);
  if (filters.categories.length > 0) {
    const any = sql.join(filters.categories.map(categoryCondition), sql` or `);
    conditions.push(sql`exists (select 1 from paper_categories c where c.paper_id = p.id and (${any}))`);
  }
  for (const author of filters.authors) {
    conditions.push(
      sql`exists (select 1 from paper_authors a where a.paper_id = p.id
        and lower(a.name) like ${likePattern(author)} escape '\\')`,
    );
  }
  if (filters.after) conditions.push(sql`${PAPER_DATE} >= ${filters.after}`);
  if (filters.before) conditions.push(sql`${PAPER_DATE} < ${nextDay(filters.before)}`);
  return conditions;
}

/** `and ...` for each condition, to follow a where clause that is already open. */
export function andAll(conditions: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql` and ${sql.join(conditions, sql` and `)}`;
}
