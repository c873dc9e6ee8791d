import type { Database } from "./database.js";

export interface AuthorRow {
  readonly paperId: string;
  /** The name as this paper writes it. */
  readonly name: string;
  /** The paper's arXiv day, else its listing day, else its v1 date: what an author page orders by. */
  readonly day: string | null;
}

/** Every author row filed under one name key (core/author-name.ts), with the paper's date. */
export async function authorRowsByKey(database: Database, nameKey: string): Promise<AuthorRow[]> {
  const rows = await database.kysely
    .selectFrom("paper_authors as a")
    .innerJoin("papers as p", "p.id", "a.paper_id")
    .leftJoin("announcements as n", "n.paper_id", "a.paper_id")
    .leftJoin("listing_entries as l", "l.paper_id", "a.paper_id")
    .select(["a.paper_id", "a.name", "n.arxiv_day", "l.listing_day", "p.published"])
    .where("a.name_key", "=", nameKey)
    .execute();
  return rows.map((row) => ({
    paperId: row.paper_id,
    name: row.name,
    day: row.arxiv_day ?? row.listing_day ?? row.published?.slice(0, 10) ?? null,
  }));
}
