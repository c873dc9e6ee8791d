import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { setRead } from "../../src/community/reading.js";
import { startSession } from "../../src/community/sessions.js";
import { setUpvote } from "../../src/community/upvotes.js";
import { dataVersion } from "../../src/storage/data-version.js";
import { migrate } from "../../src/storage/migrate.js";
import { buildApp } from "../../src/web/app.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

// The data version moves with writes of what pages show, seen alike by every process on the database, and stays
// put under traffic's own writes (rate-limit counters, sessions), which made every kept page stale before.
describe.each(BACKENDS)("the data version (%s)", (backend) => {
  let one: TestInstance;
  let two: TestInstance;
  const versions = () => Promise.all([one, two].map((i) => dataVersion(i.services.database)));

  beforeAll(async () => {
    one = await createTestInstance({ backend });
    // A second process's services on the same database (file or schema).
    two = await createTestInstance({ backend, databaseUrl: one.config.databaseUrl });
    await loadListingFixture(one.services);
  });
  afterAll(async () => {
    await two?.services.close();
    await one?.dispose();
  });

  it("is the same for two instances and moves for both when either writes content", async () => {
    const [first, same] = await versions();
    expect(same).toBe(first);
    expect(await dataVersion(one.services.database)).toBe(first);
    const { account } = await addUser(two.services, "ada@example.org", "member");
    const [afterUser, afterUserTwo] = await versions();
    expect(afterUser).not.toBe(first);
    expect(afterUserTwo).toBe(afterUser);
    const { rows } = await sql<{ id: string }>`select id from papers order by id limit 1`.execute(
      one.services.database.kysely,
    );
    const paper = rows[0]?.id ?? "";
    await setUpvote(one.services, account, paper, true);
    const [afterVote] = await versions();
    expect(afterVote).not.toBe(afterUser);
    await setRead(two.services, account, paper, true);
    const [afterRead, afterReadTwo] = await versions();
    expect(afterRead).not.toBe(afterVote);
    expect(afterReadTwo).toBe(afterRead);
  });

  it("stays put under rate-limit counts and sessions, so a search leaves kept pages current", async () => {
    const { account } = await addUser(one.services, "bob@example.org", "member");
    const [before] = await versions();
    await one.services.rateLimits.hit("search:127.0.0.1", 60_000, Date.now());
    await startSession(two.services, account.id);
    expect(await versions()).toEqual([before, before]);
    const app = await buildApp(one.services);
    try {
      // The first search brings the keyword index up to the papers just loaded: that write counts.
      expect((await app.inject("/search?q=model")).statusCode).toBe(200);
      const etag = String((await app.inject(DAY)).headers.etag);
      for (const q of ["language", "graph", "language"])
        expect((await app.inject(`/search?q=${q}`)).statusCode).toBe(200);
      expect((await app.inject({ url: DAY, headers: { "if-none-match": etag } })).statusCode).toBe(304);
    } finally {
      await app.close();
    }
  });

  it("counts a table a later migration adds", async () => {
    await sql`create table later_things (x integer)`.execute(one.services.database.kysely);
    await migrate(one.services.database);
    const [before] = await versions();
    await sql`insert into later_things values (1)`.execute(two.services.database.kysely);
    const [after, afterTwo] = await versions();
    expect(after).not.toBe(before);
    expect(afterTwo).toBe(after);
  });

  it.runIf(backend === "postgres")(
    "counts every one of many concurrent writers once, none waiting for another",
    async () => {
      const writers = 24;
      const [before] = await versions();
      const clients = Array.from(
        { length: writers },
        () => new pg.Client({ connectionString: one.config.databaseUrl }),
      );
      try {
        await Promise.all(clients.map((client) => client.connect()));
        // Every transaction stays open until all have written: one that waited for another's count would hang.
        for (const [index, client] of clients.entries()) {
          await client.query("begin");
          await client.query("insert into later_things values ($1)", [index]);
          await client.query("insert into later_things values ($1)", [index]);
        }
        await Promise.all(clients.map((client) => client.query("commit")));
      } finally {
        await Promise.all(clients.map((client) => client.end()));
      }
      const [after] = await versions();
      expect(Number(after) - Number(before)).toBe(writers);
    },
  );
});
