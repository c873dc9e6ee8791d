import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { dataVersion } from "../../src/storage/data-version.js";
import { openDatabase } from "../../src/storage/open.js";

const directory = mkdtempSync(join(tmpdir(), "paperboy-version-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("dataVersion on SQLite", () => {
  it("stays put while nothing is written and moves on writes from this and other connections", async () => {
    const file = join(directory, "v.db");
    const database = openDatabase(`sqlite:${file}`);
    const native = database.native.kind === "sqlite" ? database.native.db : null;
    native?.exec("create table t (x integer)");
    const first = await dataVersion(database);
    expect(await dataVersion(database)).toBe(first);

    native?.exec("insert into t values (1)");
    const afterOwnWrite = await dataVersion(database);
    expect(afterOwnWrite).not.toBe(first);

    const other = new BetterSqlite3(file);
    other.exec("insert into t values (2)");
    other.close();
    expect(await dataVersion(database)).not.toBe(afterOwnWrite);
    await database.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("dataVersion on PostgreSQL", () => {
  it("is the same for two pools on one server and moves when either writes", async () => {
    const url = process.env.TEST_DATABASE_URL ?? "";
    const [one, two] = [openDatabase(url), openDatabase(url)];
    const pool = one.native.kind === "postgres" ? one.native.pool : null;
    await pool?.query("create temporary table if not exists version_probe (x int)");
    // Other suites may write to the same server meanwhile: agreement only has to show up on some attempt.
    const agree = async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        if ((await dataVersion(one)) === (await dataVersion(two))) return true;
      }
      return false;
    };
    expect(await agree()).toBe(true);
    const before = await dataVersion(one);
    await pool?.query("insert into version_probe values (1)");
    expect(await dataVersion(two)).not.toBe(before);
    expect(await agree()).toBe(true);
    await Promise.all([one.close(), two.close()]);
  });
});
