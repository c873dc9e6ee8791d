import type { Database } from "./database.js";

export interface IdPage {
  readonly ids: readonly string[];
  /** The last id of this page when more papers follow, to pass back as `after`. */
  readonly last: string | null;
}

const isOldStyle = (id: string) => id.includes("/");

async function idsBelow(database: Database, oldStyle: boolean, below: string | null, count: number) {
  let query = database.kysely
    .selectFrom("papers")
    .select("id")
    .where("id", oldStyle ? "like" : "not like", "%/%");
  if (below !== null) query = query.where("id", "<", below);
  const rows = await query.orderBy("id", "desc").limit(count).execute();
  return rows.map((row) => row.id);
}

/**
 * Every stored paper, a page at a time, newest arXiv id first: new-style ids (YYMM.NNNNN sort by date) and then
 * the old-style ones (hep-th/9901001), which would otherwise sort before them as text. Keyset paging on the
 * primary key, so a page costs the same however deep it is and papers added meanwhile shift nothing.
 */
export async function pagePaperIds(database: Database, after: string | null, limit: number): Promise<IdPage> {
  const wanted = limit + 1;
  let ids: string[];
  if (after !== null && isOldStyle(after)) {
    ids = await idsBelow(database, true, after, wanted);
  } else {
    ids = await idsBelow(database, false, after, wanted);
    if (ids.length < wanted) ids = [...ids, ...(await idsBelow(database, true, null, wanted - ids.length))];
  }
  const page = ids.slice(0, limit);
  return { ids: page, last: ids.length > limit ? (page.at(-1) ?? null) : null };
}
