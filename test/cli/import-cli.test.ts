import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pendingKeywordIndex } from "../../src/storage/keyword-index-queue.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import { openDatabase } from "../../src/storage/open.js";
import { BACKENDS, freshDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";

describe.each(BACKENDS)("paperboy import (%s)", (backend) => {
  let directory: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let env: Record<string, string>;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-cli-"));
    database = await freshDatabase(backend, directory);
    env = { DATABASE_URL: database.url };
  });
  afterEach(async () => {
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("reads standard input and prints the counts", () => {
    const result = runCli(["import", "-"], env, readFileSync(fixture("listing-small.jsonl")));
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("added 180, updated 0, unchanged 0, rejected 0");
    expect(result.stderr).toMatch(/import: 180 records/);
  });

  it("queues the papers for the keyword index, which `paperboy index` then builds", async () => {
    const imported = runCli(["import", fixture("listing-small.jsonl")], env);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain(
      "import: 180 papers wait for the keyword index; `paperboy index` builds it now",
    );
    const indexed = runCli(["index"], env);
    expect(indexed.stderr).toMatch(/keyword index: indexed 180 queued papers \(\d+\.\d s\)/);
    const opened = openDatabase(database.url);
    try {
      expect(await pendingKeywordIndex(opened)).toBe(0);
      const { total } = await keywordSearch(opened, {
        match: { all: [["equilibria"]], none: [], any: false },
        filters: { categories: [], authors: [], after: null, before: null },
        offset: 0,
        limit: 5,
      });
      expect(total).toBeGreaterThan(0);
    } finally {
      await opened.close();
    }
    // A second import of the same file changes nothing, so it queues nothing.
    expect(runCli(["import", fixture("listing-small.jsonl")], env).stderr).not.toContain(
      "wait for the keyword",
    );
  });

  it("reports bad lines on stderr with file and line, and still imports the rest", () => {
    const file = join(directory, "mixed.jsonl");
    const lines = readFileSync(fixture("listing-small.jsonl"), "utf8").trim().split("\n");
    writeFileSync(file, [lines[0], "nonsense", lines[1]].join("\n"));
    const result = runCli(["import", file], env);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("added 2, updated 0, unchanged 0, rejected 1");
    expect(result.stderr).toContain(`${file}:2: not valid JSON`);
  });

  it("fails with one line naming a cut-off gzip file, keeping what came before", () => {
    const gz = gzipSync(readFileSync(fixture("listing-small.jsonl")));
    const file = join(directory, "cut.jsonl.gz");
    writeFileSync(file, gz.subarray(0, gz.length - 40));
    const result = runCli(["import", file], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /paperboy: .*cut\.jsonl\.gz: unreadable after line \d+ \(unexpected end of file\)\n$/,
    );
  });

  it("exits non-zero when not one record could be used, naming the likely cause", () => {
    const result = runCli(["import", fixture("hf-daily-papers.json")], env);
    expect(result.status).toBe(1);
    expect(result.stdout.trim()).toMatch(/^added 0, updated 0, unchanged 0, rejected [1-9]\d*$/);
    expect(result.stderr).toMatch(/none of the \d+ records could be used; check --format \(listing/);
  });
});

describe("paperboy import, stopped before any database is written", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-cli-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("fails with one line when the database cannot be opened or reached, and stops its parsing thread", () => {
    const notAFolder = join(directory, "a-file");
    writeFileSync(notAFolder, "");
    // The parsing thread starts before the database is opened; were it left running, the process would not
    // exit and this test would time out.
    const result = runCli(["import", fixture("listing-small.jsonl")], {
      DATABASE_URL: `sqlite:${join(notAFolder, "paperboy.db")}`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^paperboy: cannot create the folder of the database .*a-file\/paperboy\.db/,
    );
    const unreachable = runCli(["import", fixture("listing-small.jsonl")], {
      DATABASE_URL: "postgres://paperboy@127.0.0.1:1/paperboy",
    });
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toBe(
      "paperboy: the database cannot be reached (connect ECONNREFUSED 127.0.0.1:1): once it is back, run the same command again\n",
    );
  }, 60_000);

  it("refuses an unknown format and a missing file with a clear reason", () => {
    const sqliteEnv = { DATABASE_URL: `sqlite:${join(directory, "cli.db")}` };
    expect(runCli(["import", "--format", "csv", "x"], sqliteEnv).stderr).toMatch(
      /unknown format "csv" \(known: listing/,
    );
    const twice = runCli(["import", "-", "-"], sqliteEnv);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/standard input \(-\) can be read only once/);
    const missing = runCli(["import", join(directory, "nope.jsonl")], sqliteEnv);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot open \(ENOENT/);
  });

  it("stops on an invalid setting with one line", () => {
    const result = runCli(["migrate"], { DATABASE_URL: "mysql://x" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "paperboy: configuration: DATABASE_URL must start with sqlite: (a file path follows) or postgres:// (supported schemes: sqlite:, postgres://)\n",
    );
  });
});
