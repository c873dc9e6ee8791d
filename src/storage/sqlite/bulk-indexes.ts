import type BetterSqlite3 from "better-sqlite3";

/**
 * Indexes whose keys arrive in no order while papers are bulk loaded: a paper's lowered title (the exact-title
 * lookup) and its authors' name keys (author pages and filters). Every batch of 5,000 papers put a key into
 * nearly every leaf page of both, and WAL mode writes a whole copy of each page a transaction changed: loading
 * 1,000,000 papers wrote 45 GB for a database of 2.5 GB, and the rate fell from 7,000 to 3,900 papers a second
 * as the two indexes outgrew the page cache. A bulk load into a database it will at least double drops them
 * first and builds each again at its end, in one sorted pass.
 *
 * Nothing records that they were dropped but their absence: every start (`migrate`) and the end of every import
 * build whichever is missing, so an import killed halfway leaves a database that the next command repairs.
 */
const DEFERRABLE: readonly { readonly name: string; readonly definition: string }[] = [
  { name: "papers_title_lower", definition: "papers (lower(title))" },
  { name: "paper_authors_name_key", definition: "paper_authors (name_key, paper_id)" },
];

/** Drops the indexes a bulk load would otherwise update in random order. */
export function dropBulkIndexes(db: BetterSqlite3.Database): void {
  for (const { name } of DEFERRABLE) db.exec(`drop index if exists ${name}`);
}

/** The deferrable indexes that are missing (dropped by a bulk load that has not finished). */
export function missingBulkIndexes(db: BetterSqlite3.Database): string[] {
  const present = new Set(
    db
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'index'")
      .all()
      .map((row) => row.name),
  );
  return DEFERRABLE.filter(({ name }) => !present.has(name)).map(({ name }) => name);
}

/** Builds whichever deferrable index is missing; returns the names built. */
export function buildBulkIndexes(db: BetterSqlite3.Database): string[] {
  const missing = new Set(missingBulkIndexes(db));
  for (const { name, definition } of DEFERRABLE)
    if (missing.has(name)) db.exec(`create index if not exists ${name} on ${definition}`);
  return [...missing];
}
