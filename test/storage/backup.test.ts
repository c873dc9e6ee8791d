import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoCorpus } from "../../src/ingestion/demo.js";
import { backupSqlite } from "../../src/storage/sqlite/backup.js";
import { openSqlite } from "../../src/storage/sqlite/open.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { BACKENDS, createIsolatedDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const BATCH = 50;

describe("paperboy backup (SQLite)", () => {
  let instance: TestInstance;
  let file: string;
  beforeAll(async () => {
    instance = await createTestInstance();
    await loadDemoCorpus(instance.services.database);
    const native = instance.services.database.native;
    file = native.kind === "sqlite" ? native.file : "";
  });
  afterAll(async () => {
    await instance.dispose();
  });

  it("copies a consistent state while another connection keeps writing", async () => {
    // A second connection, as a serving process would hold, commits batches while the backup runs.
    const writer = openSqlite(`sqlite:${file}`);
    let batches = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        const papers = Array.from({ length: BATCH }, (_, i) =>
          incoming(paperRecord(`2607.${String(batches * BATCH + i).padStart(5, "0")}`)),
        );
        await upsertPapers(writer, papers, { submitterId: null, source: "test", now: "x" });
        batches += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const target = join(instance.directory, "backup.db");
    const result = await backupSqlite(file, target);
    stop = true;
    await writing;
    await writer.close();
    expect(batches).toBeGreaterThan(0);
    const copy = new BetterSqlite3(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const count = (table: string) =>
        (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      expect(count("papers")).toBe(result.papers);
      // Whole batches only: every batch is one transaction, so the copy holds some number of them entirely.
      expect((result.papers - 3290) % BATCH).toBe(0);
      // ...and each copied batch paper has both its authors: no paper is half-written.
      expect(count("paper_authors") - authorsOfDemo(copy)).toBe((result.papers - 3290) * 2);
    } finally {
      copy.close();
    }
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it("refuses to overwrite an existing file", async () => {
    await expect(backupSqlite(file, file)).rejects.toThrow(/already exists/);
  });
});

function authorsOfDemo(copy: BetterSqlite3.Database): number {
  const row = copy
    .prepare("select count(*) as n from paper_authors where paper_id not like '2607.%'")
    .get() as { n: number };
  return row.n;
}

describe.runIf(BACKENDS.includes("postgres"))("paperboy backup (PostgreSQL)", () => {
  it("refuses, and names pg_dump instead", async () => {
    const server = await createIsolatedDatabase();
    try {
      const result = runCli(["backup", join(tmpdir(), "never-written.db")], { DATABASE_URL: server.url });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/backup copies SQLite databases; for PostgreSQL use pg_dump/);
    } finally {
      await server.drop();
    }
  });
});
