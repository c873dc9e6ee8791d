import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { startSession } from "../../src/community/sessions.js";
import { countPapers } from "../../src/storage/papers.js";
import { BACKENDS, createIsolatedDatabase, type IsolatedDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";
import { oaiFixture } from "../helpers/oai-pages.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { eventually, type ServeProcess, serve, stop } from "../helpers/serve-process.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const SECRET_KEY = "two-processes-secret-key-0123456789abcdef";
const HF_DAY = readFileSync(fixture("hf-daily-papers-api/daily_papers_2026-08-03_trimmed.json"), "utf8");
const HF_PAPERS = (JSON.parse(HF_DAY) as { paper: { id: string; summary: string } }[]).map(
  (entry) => entry.paper,
);
const DEMO_PAPERS = 3290;
const DEMO_PICKS = 536;
/** Seconds within which a paper stored by one process must be found by the other (issue #8). */
const WITHIN = 60;

interface Entry {
  readonly paper: { readonly id: string };
}

async function ids(server: ServeProcess, path: string): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return ((await response.json()) as Entry[]).map((entry) => entry.paper.id);
}

/** Found by keyword (its abstract's words), by meaning (the vector index) and as a paper with neighbours. */
async function findable(
  server: ServeProcess,
  paper: { id: string; summary: string },
): Promise<true | string> {
  // Plain words only: a leading "-" or a "word:" would read as the query language's exclusions and filters.
  const words = paper.summary
    .replace(/[^A-Za-z]+/g, " ")
    .split(" ")
    .filter((w) => w.length > 3);
  const q = encodeURIComponent(words.slice(0, 30).join(" ").slice(0, 200));
  const keyword = await ids(server, `/api/papers/search?q=${q}&mode=keyword&limit=10`);
  const semantic = await ids(server, `/api/papers/search?q=${q}&mode=semantic&limit=10`);
  const similar = await ids(server, `/api/papers/${paper.id}/similar?limit=3`);
  const found = { keyword: keyword.includes(paper.id), semantic: semantic.includes(paper.id), similar };
  return (found.keyword && found.semantic && similar.length === 3) || JSON.stringify(found);
}

/**
 * Two real `paperboy serve` processes with their schedulers on one database: arXiv and Hugging Face are a replay
 * server on loopback, and each process refreshes its vector index every 2 seconds.
 */
describe.each(BACKENDS)("two paperboy serve processes on one database (%s)", (backend) => {
  let directory: string;
  let server: IsolatedDatabase | null = null;
  let replay: ReplayServer;
  let env: Record<string, string>;
  let servers: ServeProcess[] = [];
  let observer: TestInstance;
  let jobsSettledAt = 0;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-two-"));
    server = backend === "postgres" ? await createIsolatedDatabase() : null;
    replay = await startReplayServer((request) =>
      request.path === "/oai" ? { body: oaiFixture("ErrorResponseNoRecordsMatch.xml") } : { body: HF_DAY },
    );
    env = {
      DATABASE_URL: server?.url ?? `sqlite:${join(directory, "shared.db")}`,
      SECRET_KEY,
      ARXIV_OAI_URL: `${replay.url}/oai`,
      HF_API_URL: replay.url,
      ARXIV_REQUEST_INTERVAL_MS: "0",
      SEMANTIC_REFRESH_SECONDS: "2",
      // The probes below poll both APIs twice a second.
      API_RATE_LIMIT: "100000",
      SEARCH_RATE_LIMIT: "100000",
    };
    // Both start at once on an empty database: both migrate, both try to load the demo corpus, listen, and build
    // semantic search (train, embed: minutes on a busy machine) while both schedulers tick at once.
    servers = await Promise.all([serve(env), serve(env)]);
    await eventually(
      async () => servers.every((server) => /semantic search: ready/.test(server.log())) || "building",
      300,
      "semantic search built in both processes",
    );
    observer = await createTestInstance({ backend, databaseUrl: env.DATABASE_URL ?? "" });
    await eventually(
      async () => (await unsettledRuns()) === 0 || JSON.stringify(await runs()),
      120,
      "the first scheduled runs finish",
    );
    jobsSettledAt = performance.now();
  }, 400_000);
  afterAll(async () => {
    const codes = await Promise.all(servers.map(stop));
    await observer?.dispose();
    await replay?.close();
    await server?.drop();
    rmSync(directory, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  });

  const runs = () => observer.services.database.kysely.selectFrom("job_runs").selectAll().execute();
  async function unsettledRuns(): Promise<number> {
    const rows = await runs();
    return rows.length < 3 ? 3 : rows.filter((row) => row.status === "running").length;
  }

  it("migrates and loads the demo corpus once between them", async () => {
    expect(await countPapers(observer.services.database)).toBe(DEMO_PAPERS + HF_PAPERS.length);
    const count = async (table: "announcements" | "listing_entries") =>
      Number(
        (
          await observer.services.database.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where(
              "paper_id",
              "not in",
              HF_PAPERS.map((p) => p.id),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Every demo paper is a new paper of its day; only the demo's picks are featured, once.
    expect(await count("announcements")).toBe(DEMO_PAPERS);
    expect(await count("listing_entries")).toBe(DEMO_PICKS);
  });

  it("runs each scheduled job once per period between the two schedulers", async () => {
    const rows = await runs();
    expect(new Set(rows.map((row) => row.job))).toEqual(new Set(["arxiv-harvest", "digests", "hf-daily"]));
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(rows.map(() => ["done", 1]));
    // One harvest asks OAI-PMH once; one Hugging Face run asks for yesterday's and today's lists. (A period
    // may turn over while the test runs: then there is one more row, and one more run's requests.)
    const periods = (job: string) => rows.filter((row) => row.job === job).length;
    const asked = (path: string) => replay.requests.filter((request) => request.path === path).length;
    expect(asked("/oai")).toBe(periods("arxiv-harvest"));
    expect(asked("/api/daily_papers")).toBe(2 * periods("hf-daily"));
    const owners = new Set(rows.map((row) => row.claimed_by?.split(":")[1]));
    const pids = new Set(servers.map((server) => String(server.child.pid)));
    expect([...owners].every((pid) => pids.has(pid ?? ""))).toBe(true);
  });

  it("finds the papers one process's job ingested in both processes within a minute", async () => {
    for (const server of servers) {
      for (const paper of HF_PAPERS) {
        await eventually(() => findable(server, paper), WITHIN, `${paper.id} in ${server.baseUrl}`);
      }
    }
    expect((performance.now() - jobsSettledAt) / 1000).toBeLessThan(WITHIN);
  });

  it("serves and finds a paper imported by a third process in both", async () => {
    const file = join(directory, "new.jsonl");
    const paper = {
      id: "2607.00042",
      listed_on: "2026-07-02",
      title: "A paper both processes must see",
      authors: ["Ada Lovelace"],
      categories: ["cs.DB"],
      comment: null,
      summary:
        "Written by a third process: consensus protocols replicate a write-ahead log across database servers so that several application processes share sessions, rate limits and search indexes.",
    };
    writeFileSync(file, JSON.stringify(paper));
    const result = runCli(["import", "--format", "listing", file], env);
    expect(result.status, result.stderr).toBe(0);
    const imported = performance.now();
    for (const server of servers) {
      const response = await fetch(`${server.baseUrl}/papers/${paper.id}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(paper.title);
      await eventually(() => findable(server, paper), WITHIN, `${paper.id} in ${server.baseUrl}`);
    }
    expect((performance.now() - imported) / 1000).toBeLessThan(WITHIN);
  });

  it("knows a session in both processes", async () => {
    const { account } = await addUser(observer.services, "ada@example.org", undefined);
    const { token } = await startSession(observer.services, account.id);
    for (const server of servers) {
      const response = await fetch(`${server.baseUrl}/settings`, {
        headers: { cookie: `paperboy_session=${token}` },
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(account.handle);
    }
  });
});
