import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";

// SQLite has one writer: a process that holds the write lock for longer than another waits for it (5 s) makes the
// other fail, as `paperboy index` did when it started while an import was still rebuilding its indexes.
describe("a SQLite database another process holds (sqlite)", () => {
  let directory: string;
  let env: Record<string, string>;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-busy-"));
    env = { DATABASE_URL: `sqlite:${join(directory, "paperboy.db")}` };
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it("says the database is busy and that a re-run finishes the job", () => {
    expect(runCli(["import", fixture("listing-small.jsonl")], env).status).toBe(0);
    const holder = new Database(join(directory, "paperboy.db"));
    holder.exec("begin immediate");
    let blocked: ReturnType<typeof runCli>;
    try {
      blocked = runCli(["index"], env);
    } finally {
      holder.exec("rollback");
      holder.close();
    }
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toMatch(
      /paperboy: the database is busy: another process has held SQLite's write lock .*run the same command again/,
    );
    const rerun = runCli(["index"], env);
    expect(rerun.stderr).toMatch(/keyword index: indexed 180 queued papers/);
  }, 60_000);
});
