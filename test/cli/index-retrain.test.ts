import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retrainDue } from "../../src/search/retrain-rule.js";
import { BACKENDS, freshDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";

const LINES = readFileSync(fixture("listing-small.jsonl"), "utf8").trim().split("\n");
const version = (stdout: string) => /embedder lsa (\S+):/.exec(stdout)?.[1];

describe("the retraining rule", () => {
  it("retrains a built-in model once the corpus holds twice the papers it was trained at", () => {
    const lsa = { name: "lsa", version: "256d-1000-mi3k2" };
    expect(retrainDue(lsa, 1_999)).toBe(false);
    expect(retrainDue(lsa, 2_000)).toBe(true);
    expect(retrainDue({ name: "onnx", version: "256d-1000-mi3k2" }, 1_000_000)).toBe(false);
    expect(retrainDue({ name: "lsa", version: "unknown" }, 1_000_000)).toBe(false);
  });
});

describe("paperboy index on SQLite", () => {
  it("saves the whole vector index at its end, so that a process starting later inserts nothing again", () => {
    const directory = mkdtempSync(join(tmpdir(), "paperboy-saved-index-"));
    try {
      const env = { DATABASE_URL: `sqlite:${join(directory, "paperboy.db")}` };
      expect(runCli(["import", fixture("listing-small.jsonl")], env).status).toBe(0);
      expect(runCli(["index"], env).stdout).toContain(": 180 papers embedded, 180 indexed");
      const snapshots = readdirSync(join(directory, "paperboy.db.vector-index"));
      expect(snapshots).toHaveLength(1);
      const ids = readFileSync(
        join(directory, "paperboy.db.vector-index", snapshots[0] ?? "", "ids.txt"),
        "utf8",
      );
      expect(ids.trim().split("\n")).toHaveLength(180);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe.each(BACKENDS)("paperboy index retrains when the rule says so (%s)", (backend) => {
  let directory: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let env: Record<string, string>;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-retrain-"));
    database = await freshDatabase(backend, directory);
    env = { DATABASE_URL: database.url, SEMANTIC_REFRESH_SECONDS: "1" };
  });
  afterEach(async () => {
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  const importLines = (count: number) => {
    const file = join(directory, `first-${count}.jsonl`);
    writeFileSync(file, `${LINES.slice(0, count).join("\n")}\n`);
    expect(runCli(["import", file], env).status).toBe(0);
  };

  it("keeps the model while the corpus grows less than twofold, then retrains and drops the old vectors", () => {
    importLines(80);
    const first = runCli(["index"], env);
    expect(first.stdout).toContain(": 80 papers embedded, 80 indexed");
    importLines(150);
    const grown = runCli(["index"], env);
    expect(grown.stdout).toContain(": 70 papers embedded, 150 indexed");
    expect(version(grown.stdout)).toBe(version(first.stdout));
    importLines(180);
    const doubled = runCli(["index"], env);
    expect(doubled.stderr).toContain("index: retraining lsa (180 papers now; trained at 80 papers;");
    // The 30 new papers first get the old model's vectors (as serving processes give them), then all 180 the new's.
    expect(doubled.stdout).toContain(": 210 papers embedded, 180 indexed");
    expect(version(doubled.stdout)).not.toBe(version(first.stdout));
    expect(version(doubled.stdout)).toMatch(/^\d+d-180-/);
    expect(doubled.stdout).toContain("removed 180 vectors of earlier models");
    expect(runCli(["index"], env).stdout).toContain(
      `embedder lsa ${version(doubled.stdout)}: 0 papers embedded`,
    );
  });
});
