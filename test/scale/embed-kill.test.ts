import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeRecords } from "../../bench/corpus/generate.js";
import { readSourceSet } from "../../bench/corpus/source-papers.js";
import { DEMO_CORPUS } from "../../src/paths.js";
import { CLI, cliEnv, runCli } from "../helpers/cli.js";

const PAPERS = 6_000;

function stored(dbFile: string) {
  const db = new BetterSqlite3(dbFile, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const one = (sql: string) => (db.prepare(sql).get() as { n: number | string | null }).n;
    return {
      vectors: Number(one("select count(*) n from paper_embeddings")),
      model: one("select max(version) n from embedder_models") as string | null,
    };
  } finally {
    db.close();
  }
}

/** Starts `paperboy index` and kills it with SIGKILL once `ready()` says it has stored some of its work. */
async function killIndexWhen(settings: Record<string, string>, ready: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [CLI, "index"], { env: cliEnv(settings), stdio: "ignore" });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const deadline = Date.now() + 120_000;
  while (running && Date.now() < deadline && !ready())
    await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill("SIGKILL");
  await exited;
}

describe("paperboy index killed with SIGKILL while it embeds", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-embed-kill-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps the model and the stored vectors, and a re-run embeds only the papers still without one", async () => {
    const corpus = join(directory, "corpus.jsonl.gz");
    await writeRecords(
      corpus,
      generateCorpus(await readSourceSet([DEMO_CORPUS]), { papers: PAPERS, seed: 3 }),
    );
    const dbFile = join(directory, "kill.db");
    const settings = { DATABASE_URL: `sqlite:${dbFile}` };
    expect(runCli(["import", "--format", "arxiv-snapshot", corpus], settings).status).toBe(0);

    await killIndexWhen(settings, () => stored(dbFile).vectors > 0);
    const afterKill = stored(dbFile);
    expect(afterKill.model).not.toBeNull();
    expect(afterKill.vectors).toBeGreaterThan(0);
    expect(afterKill.vectors).toBeLessThan(PAPERS);

    const rerun = runCli(["index"], settings);
    expect(rerun.status).toBe(0);
    // The same model (not retrained), and only the papers the killed run had not stored.
    expect(rerun.stdout).toContain(
      `embedder lsa ${afterKill.model}: ${PAPERS - afterKill.vectors} papers embedded`,
    );
    expect(stored(dbFile)).toEqual({ vectors: PAPERS, model: afterKill.model });
    expect(runCli(["index"], settings).stdout).toContain(": 0 papers embedded");
  }, 300_000);
});
