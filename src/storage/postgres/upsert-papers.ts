import type pg from "pg";
import type { IncomingPaper } from "../../core/paper.js";
import { authorRows, planUpsert, positioned, type StoredState, type UpsertPlan } from "../upsert-plan.js";
import type { UpsertCounts, UpsertOptions } from "../upsert-types.js";
import { refreshSearchDocumentsPostgres } from "./search-documents.js";
import { inTransaction } from "./transaction.js";

/** Serialises upserts across processes: two importers deciding from the same stored state would both insert. */
const UPSERT_LOCK = 0x70617065; // "pape"

const PAPER_ARRAYS = `$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::text[]`;
const PAPER_COLUMNS = `id, title, abstract, comment, journal_ref, doi, license, primary_category, published, updated,
  latest_version, withdrawn, content_hash`;

const SQL = {
  existing: `select p.id, p.content_hash, p.latest_version, l.listing_day, l.external_upvotes, a.arxiv_day, a.observed
    from papers p left join listing_entries l on l.paper_id = p.id left join announcements a on a.paper_id = p.id
    where p.id = any($1::text[])`,
  insertPapers: `insert into papers (${PAPER_COLUMNS}, created_at, modified_at)
    select u.*, $14::text, $14::text from unnest(${PAPER_ARRAYS}) as u`,
  updatePapers: `update papers p set title = u.title, abstract = u.abstract, comment = u.comment,
      journal_ref = u.journal_ref, doi = u.doi, license = coalesce(u.license, p.license), primary_category = u.primary_category,
      published = coalesce(u.published, p.published), updated = coalesce(u.updated, p.updated),
      latest_version = coalesce(u.latest_version, p.latest_version), withdrawn = u.withdrawn,
      content_hash = u.content_hash, modified_at = $14::text
    from unnest(${PAPER_ARRAYS}) as u(${PAPER_COLUMNS}) where p.id = u.id`,
  deleteAuthors: "delete from paper_authors where paper_id = any($1::text[])",
  deleteCategories: "delete from paper_categories where paper_id = any($1::text[])",
  insertAuthors: `insert into paper_authors (paper_id, position, name, name_key)
    select * from unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
  insertCategories: `insert into paper_categories (paper_id, position, category)
    select * from unnest($1::text[], $2::int[], $3::text[])`,
  insertVersions: `insert into paper_versions (paper_id, version, created)
    select * from unnest($1::text[], $2::int[], $3::text[]) on conflict do nothing`,
  insertListings: `insert into listing_entries (paper_id, listing_day, submitted_by, external_upvotes, featured_at, source)
    select u.*, $5::text, $6::text from unnest($1::text[], $2::text[], $3::int[], $4::int[]) as u
    on conflict (paper_id) do nothing`,
  updateUpvotes: `update listing_entries l set external_upvotes = u.n
    from unnest($1::text[], $2::int[]) as u(id, n) where l.paper_id = u.id`,
  announce: `insert into announcements (paper_id, arxiv_day, observed)
    select * from unnest($1::text[], $2::text[], $3::int[])
    on conflict (paper_id) do update set arxiv_day = excluded.arxiv_day, observed = excluded.observed`,
  queueForIndex: `insert into search_pending (paper_id, submitted)
    select p.id, coalesce(p.published, '') from papers p where p.id = any($1::text[]) on conflict do nothing`,
  saveCheckpoint: `insert into ingest_cursors (name, state, updated_at) values ($1, $2, $3)
    on conflict (name) do update set state = excluded.state, updated_at = excluded.updated_at`,
};

/** Turns rows of equal width into one array per column, the shape `unnest` takes. */
function columns(rows: Iterable<readonly unknown[]>, width: number): unknown[][] {
  const result: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) result[i]?.push(row[i]);
  return result;
}

async function write(client: pg.PoolClient, plan: UpsertPlan, { now, source, keywordIndex }: UpsertOptions) {
  const run = async (text: string, values: unknown[]) => {
    await client.query(text, values);
  };
  if (plan.inserts.size > 0) await run(SQL.insertPapers, [...columns(plan.inserts.values(), 13), now]);
  if (plan.updates.size > 0) {
    await run(SQL.updatePapers, [...columns(plan.updates.values(), 13), now]);
    const ids = [...plan.updates.keys()];
    await run(SQL.deleteAuthors, [ids]);
    await run(SQL.deleteCategories, [ids]);
  }
  const authors = authorRows(plan.authors);
  if (authors.length > 0) await run(SQL.insertAuthors, columns(authors, 4));
  const categories = positioned(plan.categories);
  if (categories.length > 0) await run(SQL.insertCategories, columns(categories, 3));
  if (plan.versions.length > 0) await run(SQL.insertVersions, columns(plan.versions, 3));
  if (plan.listings.size > 0)
    await run(SQL.insertListings, [...columns(plan.listings.values(), 4), now, source]);
  if (plan.upvoteUpdates.size > 0) await run(SQL.updateUpvotes, columns(plan.upvoteUpdates, 2));
  if (plan.announcements.size > 0) await run(SQL.announce, columns(plan.announcements.values(), 3));
  const changed = [...plan.inserts.keys(), ...plan.updates.keys()];
  if (keywordIndex !== "later") await refreshSearchDocumentsPostgres(client, changed);
  else if (changed.length > 0) await run(SQL.queueForIndex, [changed]);
}

/**
 * PostgreSQL's bulk path: the same plan as SQLite's, written set-based (one statement per table, arrays passed
 * through `unnest`) inside one transaction per batch.
 */
export function upsertPapersPostgres(
  pool: pg.Pool,
  papers: readonly IncomingPaper[],
  options: UpsertOptions,
): Promise<UpsertCounts> {
  return inTransaction(pool, async (client) => {
    await client.query("select pg_advisory_xact_lock($1)", [UPSERT_LOCK]);
    const ids = papers.map((paper) => paper.record.id);
    const stored = await client.query<StoredState & { id: string }>(SQL.existing, [ids]);
    const known = new Map<string, StoredState>(stored.rows.map((row) => [row.id, row]));
    const plan = planUpsert(papers, known, options);
    await write(client, plan, options);
    if (options.checkpoint)
      await client.query(SQL.saveCheckpoint, [
        options.checkpoint.name,
        options.checkpoint.state,
        options.now,
      ]);
    return plan.counts;
  });
}
