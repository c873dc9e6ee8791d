import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countEachUpTo } from "../../src/storage/keyword-search.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** 40 papers that all say "lattice", every fourth one "braid", none "zygomorphic". */
const PAPERS = Array.from({ length: 40 }, (_, i) =>
  incoming(
    paperRecord(`2606.${String(i + 1).padStart(5, "0")}`, {
      title: i % 4 === 0 ? `Lattice braid number ${i}` : `Lattice models number ${i}`,
    }),
    "2026-06-02",
  ),
);

describe.each(BACKENDS)("counting the papers that hold each word (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
    await upsertPapers(instance.services.database, PAPERS, {
      submitterId: null,
      source: "import",
      now: "2026-06-02T00:00:00.000Z",
    });
  });
  afterEach(async () => {
    await instance.dispose();
  });

  it("counts several words and phrases at once, each up to the cap", async () => {
    const database = instance.services.database;
    const counts = await countEachUpTo(database, ["lattice", "braid", "zygomorphic", "lattice braid"], 100);
    expect(Object.fromEntries(counts)).toEqual({
      lattice: 40,
      braid: 10,
      zygomorphic: 0,
      "lattice braid": 10,
    });
    expect(Object.fromEntries(await countEachUpTo(database, ["lattice", "braid"], 5))).toEqual({
      lattice: 5,
      braid: 5,
    });
    expect((await countEachUpTo(database, [], 5)).size).toBe(0);
  });

  it.runIf(backend === "postgres")(
    "answers a word the index statistics call common without counting it",
    async () => {
      const database = instance.services.database;
      await sql`analyze paper_search`.execute(database.kysely);
      // Statistics now say every paper holds "lattice". Deleting the papers without analysing again makes
      // counting and the statistics disagree, which shows which of the two answered.
      await database.kysely.deleteFrom("papers").execute();
      const counts = await countEachUpTo(database, ["lattice", "braid"], 5);
      expect(counts.get("lattice")).toBe(5); // 40 of 40 papers > 2 x 5: taken from the statistics
      expect(counts.get("braid")).toBe(0); // 10 of 40 papers, not above 2 x 5: counted, and none is left
    },
  );
});
