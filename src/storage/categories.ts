import type { Database } from "./database.js";

export interface CategoryCount {
  readonly category: string;
  readonly papers: number;
}

/** Every category with its number of papers, largest first (ties by name). */
export async function categoryCounts(database: Database): Promise<CategoryCount[]> {
  const rows = await database.kysely
    .selectFrom("paper_categories")
    .select((eb) => ["category", eb.fn.countAll<number>().as("papers")])
    .groupBy("category")
    .orderBy("papers", "desc")
    .orderBy("category")
    .execute();
  return rows.map((row) => ({ category: row.category, papers: Number(row.papers) }));
}
