import { type Kysely, sql } from "kysely";
import { derivedArxivDay } from "../../core/arxiv-day.js";
import type { Migration } from "./migration.js";

// An old listing-file import: featured by the import account, with no Hugging Face upvote count.
const LISTING_IMPORT = sql`source = 'import' and external_upvotes is null`;
const CHUNK = 5000;

/**
 * Listing files are arXiv's lists of new submissions, which imports used to feature wholesale. Their papers
 * become new papers of the day they were listed on; only those a member upvoted stay featured, as if that
 * member's first upvote had featured them from the new papers (source `triage`, the first upvoter as submitter).
 * Papers known with their versions get the arXiv day their first version gives.
 */
export const listingsBecomeAnnouncements: Migration = {
  name: "0007-listings-become-announcements",
  async up(db) {
    await sql`insert into announcements (paper_id, arxiv_day, observed)
      select paper_id, listing_day, 1 from listing_entries where ${LISTING_IMPORT}
      on conflict (paper_id) do nothing`.execute(db);
    await sql`update listing_entries set source = 'triage', submitted_by = (
        select v.user_id from upvotes v where v.paper_id = listing_entries.paper_id
        order by v.created_at, v.user_id limit 1)
      where ${LISTING_IMPORT} and exists (select 1 from upvotes v where v.paper_id = listing_entries.paper_id)`.execute(
      db,
    );
    await sql`delete from listing_entries where ${LISTING_IMPORT}`.execute(db);
    await announceVersionedPapers(db);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: a migration's database type is by nature untyped
async function announceVersionedPapers(db: Kysely<any>) {
  for (let after = ""; ; ) {
    const { rows } = await sql<{ id: string; published: string | null; first: string | null }>`
      select p.id, p.published,
        (select v.created from paper_versions v where v.paper_id = p.id and v.version = 1) as first
      from papers p
      where p.id > ${after} and not exists (select 1 from announcements a where a.paper_id = p.id)
      order by p.id limit ${CHUNK}`.execute(db);
    const days = rows.flatMap((row) => {
      const versions = row.first ? [{ version: 1, created: row.first }] : [];
      const day = derivedArxivDay({ published: row.published, versions });
      return day ? [{ paper_id: row.id, arxiv_day: day, observed: 0 }] : [];
    });
    if (days.length > 0) await db.insertInto("announcements").values(days).execute();
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) return;
    after = last.id;
  }
}
