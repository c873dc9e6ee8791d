import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database.js";
import { TEST_DATABASE_URL } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const jitOf = async (database: Database) =>
  (await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(database.kysely)).rows[0]?.jit;

/** JIT compilation is a PostgreSQL setting: there is nothing to set on SQLite. */
describe.runIf(TEST_DATABASE_URL)("PostgreSQL connections (postgres)", () => {
  let instance: TestInstance;
  beforeAll(async () => {
    instance = await createTestInstance({ backend: "postgres" });
  });
  afterAll(() => instance.dispose());

  it("compile no query just in time, on the main pool and the search reader's, however many are open", async () => {
    const { database } = instance.services;
    const reader = instance.services.search.database;
    const many = await Promise.all(Array.from({ length: 6 }, () => jitOf(database)));
    expect(many).toEqual(Array(6).fill("off"));
    expect(await Promise.all([jitOf(reader), jitOf(reader)])).toEqual(["off", "off"]);
  });
});
