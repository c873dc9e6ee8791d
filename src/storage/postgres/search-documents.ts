import { type Kysely, sql } from "kysely";
import type { Schema } from "../schema.js";

/**
 * Rewrites the keyword-index entries of these papers from the stored rows. The PostgreSQL upsert calls it in its
 * transaction after writing papers and authors, so the index never lags the papers.
 */
export async function refreshSearchDocumentsPostgres(
  db: Kysely<Schema>,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await sql`insert into paper_search (paper_id, document)
    select p.id,
      setweight(to_tsvector('english', p.title), 'A') ||
      setweight(to_tsvector('english', p.abstract), 'B') ||
      setweight(to_tsvector('simple', coalesce((select string_agg(a.name, ', ' order by a.position)
        from paper_authors a where a.paper_id = p.id), '')), 'C')
    from papers p where p.id = any(${[...ids]}::text[])
    on conflict (paper_id) do update set document = excluded.document`.execute(db);
}
