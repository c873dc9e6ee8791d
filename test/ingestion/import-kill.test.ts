import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { titleGap } from "../../src/core/damaged-title.js";
import { IMPORT_BATCH_SIZE } from "../../src/ingestion/import-files.js";
import type { Database } from "../../src/storage/database.js";
import { indexPendingPapers } from "../../src/storage/keyword-index-queue.js";
import { openDatabase } from "../../src/storage/open.js";
import { missingBulkIndexes } from "../../src/storage/sqlite/bulk-indexes.js";
import { BACKENDS, freshDatabase } from "../helpers/backends.js";
import { CLI, cliEnv, runCli } from "../helpers/cli.js";

const DEMO = fileURLToPath(new URL("../../corpus/demo-papers.jsonl.gz", import.meta.url));
/**
 * The demo corpus `copies` times over, each copy under fresh ids: 3,290 real-looking papers per copy. Its damaged
 * records are left out, so that every batch of the import is whole.
 */
function writeLargeListing(file: string, copies: number): { papers: number; authors: number } {
  const records = gunzipSync(readFileSync(DEMO))
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .filter((record) => titleGap(record.title) === null);
  const lines: string[] = [];
  let authors = 0;
  for (let copy = 0; copy < copies; copy++) {
    records.forEach((record, i) => {
      const id = `25${String(copy + 1).padStart(2, "0")}.${String(i).padStart(5, "0")}`;
      lines.push(JSON.stringify({ ...record, id }));
      authors += record.authors.length;
    });
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { papers: lines.length, authors };
}

async function rows(database: Database, table: "papers" | "search_pending"): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) n from ${sql.table(table)}`.execute(
    database.kysely,
  );
  return Number(rows[0]?.n);
}

/** What the database holds, counted through a connection of its own; the same questions on both backends. */
async function census(database: Database) {
  const one = async (query: string) =>
    Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(database.kysely)).rows[0]?.n);
  const sqlite = database.native.kind === "sqlite";
  // Throws when FTS5's inverted index disagrees with its own records of what it holds. It is a write: it waits
  // (the connection's busy timeout) while the process under test holds the write lock to check its migrations.
  if (sqlite) await one("insert into papers_fts (papers_fts, rank) values ('integrity-check', 1)");
  // The keyword index: one entry per paper (on SQLite a search row and its FTS5 document), no more.
  const entries = sqlite ? "search_rows" : "paper_search";
  return {
    papers: await one("select count(*) n from papers"),
    authors: await one("select count(*) n from paper_authors"),
    announced: await one("select count(*) n from announcements"),
    orphans: await one(
      "select count(*) n from papers p where not exists (select 1 from paper_authors a where a.paper_id = p.id)",
    ),
    searchRows: await one(`select count(*) n from ${entries} r join papers p on p.id = r.paper_id`),
    indexed: await one(
      sqlite
        ? "select count(*) n from papers_fts_docsize d join search_rows r on r.id = d.id"
        : "select count(*) n from paper_search where length(document) > 0",
    ),
    strays: await one(
      sqlite
        ? "select count(*) n from papers_fts_docsize d where d.id not in (select id from search_rows)"
        : "select count(*) n from paper_search s where not exists (select 1 from papers p where p.id = s.paper_id)",
    ),
    // Papers the import queued for the keyword index, not yet indexed.
    pending: await one("select count(*) n from search_pending"),
  };
}

/** Starts `paperboy ARGS` and kills it with SIGKILL as soon as `committed()` says its first work is stored. */
async function killOnceCommitted(
  args: string[],
  settings: Record<string, string>,
  committed: () => Promise<boolean>,
): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(settings), stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const deadline = Date.now() + 90_000;
  while (running && Date.now() < deadline && !(await committed())) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  await exited;
}

describe.each(BACKENDS)("an import killed with SIGKILL half way (%s)", (backend) => {
  let directory: string;
  let target: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-kill-"));
    target = await freshDatabase(backend, directory);
  });
  afterAll(async () => {
    await target.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("leaves whole papers only, and a re-run and the keyword index finish with every paper exactly once", async () => {
    const input = join(directory, "large.jsonl");
    // PostgreSQL imports more slowly, so fewer copies still leave the kill landing midway.
    const expected = writeLargeListing(input, backend === "sqlite" ? 10 : 4);
    const settings = { DATABASE_URL: target.url };
    expect(runCli(["migrate"], settings).stderr).toBe("");
    const database = openDatabase(target.url);
    try {
      await killAndFinish(settings, input, expected, database);
    } finally {
      await database.close();
    }
  }, 240_000);
});

async function killAndFinish(
  settings: Record<string, string>,
  input: string,
  expected: { papers: number; authors: number },
  database: Database,
) {
  const counts = () => census(database);
  // Kill as soon as the first batch is committed (a busy machine may take a while to get there). The probe is
  // one plain read: the census's FTS5 check is a write, which waits for the import's transactions, and on a
  // machine running other suites its answer came after the last batch.
  await killOnceCommitted(["import", input], settings, async () => (await rows(database, "papers")) > 0);

  const afterKill = await counts();
  expect(afterKill.papers).toBeGreaterThan(0);
  expect(afterKill.papers).toBeLessThan(expected.papers);
  expect(afterKill.papers % IMPORT_BATCH_SIZE).toBe(0); // whole batches only
  expect(afterKill.orphans).toBe(0);
  expect(afterKill.announced).toBe(afterKill.papers);
  // The import queues its papers for the keyword index in the same transactions; it indexes none itself.
  expect(afterKill.pending).toBe(afterKill.papers);
  expect(afterKill.searchRows).toBe(0);
  expect(afterKill.strays).toBe(0);
  // A bulk load into an empty SQLite database goes without the indexes that take keys in random order.
  const missing = () => (database.native.kind === "sqlite" ? missingBulkIndexes(database.native.db) : []);
  if (database.native.kind === "sqlite")
    expect(missing()).toEqual(["papers_title_lower", "paper_authors_name_key"]);
  // Any command's start builds them again: a killed import never leaves author pages without their index.
  expect(runCli(["migrate"], settings).status).toBe(0);
  expect(missing()).toEqual([]);

  const rerun = runCli(["import", input], settings);
  expect(rerun.status).toBe(0);
  expect(rerun.stdout).toContain(
    `added ${expected.papers - afterKill.papers}, updated 0, unchanged ${afterKill.papers}`,
  );
  // The re-run went on without them, and built them at its end.
  if (database.native.kind === "sqlite")
    expect(rerun.stderr).toContain("import: built the indexes papers_title_lower, paper_authors_name_key");
  expect(missing()).toEqual([]);
  expect((await counts()).pending).toBe(expected.papers);

  // `paperboy index` killed while it works off the queue: each chunk's entries and its leaving the queue
  // commit together, so every paper is either indexed once or still queued.
  await killOnceCommitted(
    ["index"],
    settings,
    async () => (await rows(database, "search_pending")) < expected.papers,
  );
  const afterIndexKill = await counts();
  expect(afterIndexKill.pending).toBeLessThan(expected.papers);
  expect(afterIndexKill.searchRows + afterIndexKill.pending).toBe(expected.papers);
  expect(afterIndexKill.indexed).toBe(afterIndexKill.searchRows);
  expect(afterIndexKill.strays).toBe(0);

  expect(await indexPendingPapers(database)).toBe(afterIndexKill.pending);
  expect(await counts()).toEqual({
    papers: expected.papers,
    authors: expected.authors,
    announced: expected.papers,
    orphans: 0,
    searchRows: expected.papers,
    indexed: expected.papers,
    strays: 0,
    pending: 0,
  });
}
