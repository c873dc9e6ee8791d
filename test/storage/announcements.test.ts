import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database.js";
import { migrate } from "../../src/storage/migrate.js";
import { getPaper } from "../../src/storage/papers.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { oldShapeDatabase } from "../helpers/old-shape.js";
import { paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const OPTIONS = { submitterId: 1, source: "import", now: "2026-07-02T00:00:00.000Z" };
const NEW_SHAPE = ["0006-announcements", "0007-listings-become-announcements", "0008-author-name-keys"];

describe.each(BACKENDS)("announcements: the arXiv day of each paper (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  const upsert = (papers: Parameters<typeof upsertPapers>[1]) =>
    upsertPapers(instance.services.database, papers, OPTIONS);
  const dayOf = async (id: string) => (await getPaper(instance.services.database, id))?.arxivDay;

  it("takes a listing's day as seen, derives one from the first version, and lets a seen day win", async () => {
    // Submitted Friday 2026-06-19 15:00 New York time: after the deadline, so in Tuesday's listing.
    const versioned = paperRecord("2606.00001", {
      versions: [{ version: 1, created: "2026-06-19T19:00:00.000Z" }],
      published: "2026-06-19T19:00:00.000Z",
    });
    await upsert([{ record: versioned, featureOn: null }]);
    expect(await dayOf("2606.00001")).toBe("2026-06-23");
    // A listing saw it on Monday (arXiv's holiday rules are not known here): the seen day replaces the derived one.
    await upsert([{ record: versioned, featureOn: null, announcedOn: "2026-06-22" }]);
    expect(await dayOf("2606.00001")).toBe("2026-06-22");
    // A later record deriving another day, or another listing, never moves a seen day.
    const revised = {
      ...versioned,
      title: "Revised",
      versions: [...versioned.versions, { version: 2, created: "2026-06-30T10:00:00.000Z" }],
    };
    await upsert([{ record: revised, featureOn: null }]);
    await upsert([{ record: revised, featureOn: null, announcedOn: "2026-06-29" }]);
    expect(await dayOf("2606.00001")).toBe("2026-06-22");
    // A record that knows no date of its own (Hugging Face without publishedAt) announces nothing.
    await upsert([
      { record: paperRecord("2606.00002", { versions: [], published: null }), featureOn: "2026-06-23" },
    ]);
    expect(await dayOf("2606.00002")).toBeNull();
  });
});

describe.each(BACKENDS)(
  "migrating an instance whose listing imports featured every paper (%s)",
  (backend) => {
    const old = oldShapeDatabase(backend, NEW_SHAPE);
    let database: Database;
    beforeEach(() => {
      database = old.database;
    });

    async function writeOldShapeData() {
      const db = database.kysely;
      const paper = (id: string, published: string | null) => ({
        id,
        title: `Paper ${id}`,
        abstract: "An abstract.",
        published,
        withdrawn: 0,
        content_hash: `hash-${id}`,
        created_at: "2026-06-30T00:00:00Z",
        modified_at: "2026-06-30T00:00:00Z",
      });
      await db
        .insertInto("papers")
        .values([
          paper("2606.00001", null),
          paper("2606.00002", null),
          paper("2606.00003", null),
          paper("2606.00004", "2026-06-19T19:00:00Z"),
          paper("2606.00005", null),
        ])
        .execute();
      await sql`insert into paper_authors (paper_id, position, name) values
      ('2606.00001', 0, 'Yann Le Cun'), ('2606.00001', 1, 'Jürgen Müller'), ('2606.00004', 0, 'Y. LeCun')`.execute(
        db,
      );
      await db
        .insertInto("users")
        .values([
          {
            handle: "ada",
            email: "ada@example.org",
            display_name: "Ada",
            role: "member",
            created_at: "2026-06-01T00:00:00Z",
          },
          {
            handle: "bob",
            email: "bob@example.org",
            display_name: "Bob",
            role: "member",
            created_at: "2026-06-01T00:00:00Z",
          },
        ])
        .execute();
      const ids = Object.fromEntries(
        (await db.selectFrom("users").select(["id", "handle"]).execute()).map((u) => [u.handle, u.id]),
      );
      const entry = (paperId: string, day: string, source: string, external: number | null) => ({
        paper_id: paperId,
        listing_day: day,
        submitted_by: 1,
        featured_at: "2026-12-01T00:00:00Z",
        source,
        external_upvotes: external,
      });
      await db
        .insertInto("listing_entries")
        .values([
          entry("2606.00001", "2026-06-30", "import", null), // a listing file's paper nobody voted for
          entry("2606.00002", "2026-06-30", "import", null), // a listing file's paper two members upvoted
          entry("2606.00003", "2026-06-29", "import", 12), // a Hugging Face file's paper, with its upvotes
          entry("2606.00005", "2026-06-29", "community", null), // submitted by a member
        ])
        .execute();
      await db
        .insertInto("upvotes")
        .values([
          { user_id: ids.bob ?? 0, paper_id: "2606.00002", created_at: "2026-07-01T10:00:00Z" },
          { user_id: ids.ada ?? 0, paper_id: "2606.00002", created_at: "2026-07-01T09:00:00Z" },
        ])
        .execute();
      return ids;
    }

    it("makes listing imports new papers of their day, keeps what members upvoted and everything else featured", async () => {
      const users = await writeOldShapeData();
      await migrate(database);
      const paper = async (id: string) => {
        const p = await getPaper(database, id);
        return { arxivDay: p?.arxivDay, listingDay: p?.listingDay, submittedBy: p?.submittedBy };
      };
      expect(await paper("2606.00001")).toEqual({
        arxivDay: "2026-06-30",
        listingDay: null,
        submittedBy: null,
      });
      // Kept featured, as if Ada's upvote (the first) had featured it from the new papers.
      expect(await paper("2606.00002")).toEqual({
        arxivDay: "2026-06-30",
        listingDay: "2026-06-30",
        submittedBy: "ada",
      });
      const kept = await database.kysely
        .selectFrom("listing_entries")
        .select(["paper_id", "source", "submitted_by"])
        .orderBy("paper_id")
        .execute();
      expect(kept).toEqual([
        { paper_id: "2606.00002", source: "triage", submitted_by: users.ada },
        { paper_id: "2606.00003", source: "import", submitted_by: 1 },
        { paper_id: "2606.00005", source: "community", submitted_by: 1 },
      ]);
      expect(await paper("2606.00003")).toMatchObject({ arxivDay: null, listingDay: "2026-06-29" });
      // A paper known with its dates gets the arXiv day they give.
      expect(await paper("2606.00004")).toEqual({
        arxivDay: "2026-06-23",
        listingDay: null,
        submittedBy: null,
      });
      const keys = await database.kysely
        .selectFrom("paper_authors")
        .select(["name", "name_key"])
        .orderBy("paper_id")
        .orderBy("position")
        .execute();
      expect(keys).toEqual([
        { name: "Yann Le Cun", name_key: "lecun y" },
        { name: "Jürgen Müller", name_key: "muller j" },
        { name: "Y. LeCun", name_key: "lecun y" },
      ]);
      // Run again (another process that started at once): nothing changes and nothing fails.
      expect((await migrate(database)).applied).toEqual([]);
    });
  },
);
