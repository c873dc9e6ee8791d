import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_BATCH_SIZE } from "../../src/ingestion/import-files.js";
import { indexPendingPapers } from "../../src/storage/keyword-index-queue.js";
import { openDatabase } from "../../src/storage/open.js";
import { CLI, cliEnv, runCli } from "../helpers/cli.js";

const DEMO = fileURLToPath(new URL("../../corpus/demo-papers.jsonl.gz", import.meta.url));
const COPIES = 10;

/** The demo corpus ten times over, each copy under fresh ids: about 33,000 real-looking papers. */
function writeLargeListing(file: string): { papers: number; authors: number } {
  const records = gunzipSync(readFileSync(DEMO))
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const lines: string[] = [];
  let authors = 0;
  for (let copy = 0; copy < COPIES; copy++) {
    records.forEach((record, i) => {
      const id = `25${String(copy + 1).padStart(2, "0")}.${String(i).padStart(5, "0")}`;
      lines.push(JSON.stringify({ ...record, id }));
      authors += record.authors.length;
    });
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { papers: lines.length, authors };
}

function counts(dbFile: string) {
  const db = new BetterSqlite3(dbFile, { fileMustExist: true });
  // The integrity check below is a write: it waits for the process under test to let go of the write lock
  // (it takes it to look for pending migrations) rather than failing with "database is locked".
  db.pragma("busy_timeout = 10000");
  try {
    // Throws when FTS5's inverted index disagrees with its own records of what it holds.
    db.exec("insert into papers_fts (papers_fts, rank) values ('integrity-check', 1)");
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      papers: one("select count(*) n from papers"),
      authors: one("select count(*) n from paper_authors"),
      listings: one("select count(*) n from listing_entries"),
      orphans: one(
        "select count(*) n from papers p where not exists (select 1 from paper_authors a where a.paper_id = p.id)",
      ),
      // The keyword index: one search row and one FTS5 document (its column sizes) per paper, no more.
      searchRows: one("select count(*) n from search_rows r join papers p on p.id = r.paper_id"),
      indexed: one("select count(*) n from papers_fts_docsize d join search_rows r on r.id = d.id"),
      strays: one(
        "select count(*) n from papers_fts_docsize d where d.id not in (select id from search_rows)",
      ),
      // Papers the import queued for the keyword index, not yet indexed.
      pending: one("select count(*) n from search_pending"),
    };
  } finally {
    db.close();
  }
}

/** Starts `paperboy ARGS` and kills it with SIGKILL as soon as `committed()` says its first work is stored. */
async function killOnceCommitted(
  args: string[],
  settings: Record<string, string>,
  committed: () => boolean,
): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(settings), stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const deadline = Date.now() + 90_000;
  while (running && Date.now() < deadline && !committed()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  await exited;
}

describe("an import killed with SIGKILL half way", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-kill-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("leaves whole papers only, and a re-run and the keyword index finish with every paper exactly once", async () => {
    const input = join(directory, "large.jsonl");
    const expected = writeLargeListing(input);
    const dbFile = join(directory, "kill.db");
    const settings = { DATABASE_URL: `sqlite:${dbFile}` };
    expect(runCli(["migrate"], settings).stderr).toBe("");

    // Kill as soon as the first batch is committed (a busy machine may take a while to get there).
    await killOnceCommitted(["import", input], settings, () => counts(dbFile).papers > 0);

    const afterKill = counts(dbFile);
    expect(afterKill.papers).toBeGreaterThan(0);
    expect(afterKill.papers).toBeLessThan(expected.papers);
    expect(afterKill.papers % IMPORT_BATCH_SIZE).toBe(0); // whole batches only
    expect(afterKill.orphans).toBe(0);
    expect(afterKill.listings).toBe(afterKill.papers);
    // The import queues its papers for the keyword index in the same transactions; it indexes none itself.
    expect(afterKill.pending).toBe(afterKill.papers);
    expect(afterKill.searchRows).toBe(0);
    expect(afterKill.strays).toBe(0);

    const rerun = runCli(["import", input], settings);
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(
      `added ${expected.papers - afterKill.papers}, updated 0, unchanged ${afterKill.papers}`,
    );
    expect(counts(dbFile).pending).toBe(expected.papers);

    // `paperboy index` killed while it works off the queue: each chunk's entries and its leaving the queue
    // commit together, so every paper is either indexed once or still queued.
    await killOnceCommitted(["index"], settings, () => counts(dbFile).pending < expected.papers);
    const afterIndexKill = counts(dbFile);
    expect(afterIndexKill.pending).toBeLessThan(expected.papers);
    expect(afterIndexKill.searchRows + afterIndexKill.pending).toBe(expected.papers);
    expect(afterIndexKill.indexed).toBe(afterIndexKill.searchRows);
    expect(afterIndexKill.strays).toBe(0);

    const database = openDatabase(`sqlite:${dbFile}`);
    try {
      expect(await indexPendingPapers(database)).toBe(afterIndexKill.pending);
    } finally {
      await database.close();
    }
    expect(counts(dbFile)).toEqual({
      papers: expected.papers,
      authors: expected.authors,
      listings: expected.papers,
      orphans: 0,
      searchRows: expected.papers,
      indexed: expected.papers,
      strays: 0,
      pending: 0,
    });
  }, 240_000);
});
