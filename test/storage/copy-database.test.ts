import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyCommand } from "../../src/cli/commands/copy.js";
import { loadDemoCorpus } from "../../src/ingestion/demo.js";
import { keywordRanking } from "../../src/search/keyword.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { mergeFilters } from "../../src/search/search-papers.js";
import { copiedIntact, copyDatabase } from "../../src/storage/copy-database.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const NOW = "2026-07-01T00:00:00.000Z";

/** The demo corpus plus community rows, so identity columns and self-references are copied too. */
async function seedCommunity(instance: TestInstance) {
  const db = instance.services.database.kysely;
  const user = await db
    .insertInto("users")
    .values({ handle: "ada", email: "ada@example.org", display_name: "Ada", role: "member", created_at: NOW })
    .returning("id")
    .executeTakeFirstOrThrow();
  const paper = await db.selectFrom("papers").select("id").orderBy("id").executeTakeFirstOrThrow();
  await db.insertInto("upvotes").values({ user_id: user.id, paper_id: paper.id, created_at: NOW }).execute();
  const parent = await db
    .insertInto("comments")
    .values({
      paper_id: paper.id,
      user_id: user.id,
      parent_id: null,
      body: "Ünïcode ✓ 'quoted'",
      created_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("comments")
    .values({ paper_id: paper.id, user_id: user.id, parent_id: parent.id, body: "reply", created_at: NOW })
    .execute();
  return paper.id;
}

const capture = () => {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

describe.each(BACKENDS)("copy sqlite -> %s -> sqlite", (backend) => {
  let origin: TestInstance;
  let middle: TestInstance;
  let back: TestInstance;
  let paperId: string;
  beforeAll(async () => {
    origin = await createTestInstance();
    await loadDemoCorpus(origin.services.database);
    paperId = await seedCommunity(origin);
    [middle, back] = await Promise.all([createTestInstance({ backend }), createTestInstance()]);
  });
  afterAll(async () => {
    await Promise.all([origin.dispose(), middle.dispose(), back.dispose()]);
  });

  it("moves the demo instance with identical counts and checksums, both ways", async () => {
    const there = await copyDatabase(origin.services.database, middle.services.database);
    expect(there.every(copiedIntact)).toBe(true);
    expect(there.find((copy) => copy.table === "papers")?.target.rows).toBe(3290);
    const again = await copyDatabase(middle.services.database, back.services.database);
    expect(again.every(copiedIntact)).toBe(true);
    const checksums = (copies: typeof there) =>
      copies
        .map((copy) => [copy.table, copy.source.checksum])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(checksums(again)).toEqual(checksums(there));
    expect(await getPaper(back.services.database, paperId)).toEqual(
      await getPaper(origin.services.database, paperId),
    );
    expect((await getPaper(middle.services.database, paperId))?.commentCount).toBe(2);
    // The keyword index is rebuilt on each target, in that backend's own shape.
    const title = (await getPaper(origin.services.database, paperId))?.title ?? "";
    for (const instance of [middle, back]) {
      const words = parseQuery(title.split(" ").slice(0, 4).join(" "));
      const found = await keywordRanking(instance.services.database, words, mergeFilters(words), 20);
      expect(found.ids).toContain(paperId);
    }
  });

  it("numbers new rows after the copied ones", async () => {
    const added = await middle.services.database.kysely
      .insertInto("users")
      .values({ handle: "grace", email: null, display_name: "Grace", role: "member", created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(added.id).toBe(3);
  });

  it("refuses a target that already holds an instance, and prints counts and checksums", async () => {
    await expect(copyDatabase(origin.services.database, middle.services.database)).rejects.toThrow(
      /target is not empty \(\w+ holds \d+ rows\)/,
    );
    const fresh = await createTestInstance({ backend });
    try {
      const stdout = capture();
      const stderr = capture();
      const code = await copyCommand.run(
        { values: { from: origin.config.databaseUrl, to: fresh.config.databaseUrl }, positionals: [] },
        { config: origin.config, stdout: stdout.stream, stderr: stderr.stream },
      );
      expect(code).toBe(0);
      expect(stdout.text()).toMatch(/^papers\s+3290\s+3290\s+[0-9a-f]{32}$/m);
      expect(stdout.text()).toMatch(/^comments\s+2\s+2\s+[0-9a-f]{32}$/m);
      expect(stdout.text()).not.toContain("MISMATCH");
    } finally {
      await fresh.dispose();
    }
  });
});
