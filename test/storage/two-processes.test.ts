import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { startSession } from "../../src/community/sessions.js";
import { countPapers } from "../../src/storage/papers.js";
import { BACKENDS, type Backend, createIsolatedSchema, type IsolatedSchema } from "../helpers/backends.js";
import { CLI, cliEnv, runCli } from "../helpers/cli.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const SECRET_KEY = "two-processes-secret-key-0123456789abcdef";

interface Server {
  readonly child: ChildProcess;
  readonly baseUrl: string;
}

/** Starts `paperboy serve` from the built CLI on a free port and waits for the line saying where it serves. */
function serve(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
    env: cliEnv({ DATABASE_URL: databaseUrl, SECRET_KEY }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr?.on("data", (chunk) => {
      output += String(chunk);
      const match = /serving on (http:\/\/\S+)\/papers/.exec(output);
      if (match?.[1]) resolve({ child, baseUrl: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

function stop(server: Server): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    server.child.once("exit", (code) => resolve(code));
    server.child.kill("SIGTERM");
  });
}

/** The scale-out engine when a server is named; SQLite (which also allows it, one writer at a time) otherwise. */
const SHARED_BACKEND: Backend = BACKENDS.includes("postgres") ? "postgres" : "sqlite";

describe.each([SHARED_BACKEND])("two paperboy serve processes on one database (%s)", (backend) => {
  let directory: string;
  let schema: IsolatedSchema | null = null;
  let databaseUrl: string;
  let servers: Server[] = [];
  let observer: TestInstance;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-two-"));
    schema = backend === "postgres" ? await createIsolatedSchema() : null;
    databaseUrl = schema?.url ?? `sqlite:${join(directory, "shared.db")}`;
    // Both start at once on an empty database: both migrate and both try to load the demo corpus. Each then
    // embeds the papers before it listens, which can take minutes on a busy machine.
    servers = await Promise.all([serve(databaseUrl), serve(databaseUrl)]);
    observer = await createTestInstance({ backend, databaseUrl });
  }, 240_000);
  afterAll(async () => {
    const codes = await Promise.all(servers.map(stop));
    await observer?.dispose();
    await schema?.drop();
    rmSync(directory, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  });

  it("migrates and loads the demo corpus once between them", async () => {
    expect(await countPapers(observer.services.database)).toBe(3292);
    const listed = await observer.services.database.kysely
      .selectFrom("listing_entries")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(listed.n)).toBe(3292);
  });

  it("serves a paper imported beside them from both processes", async () => {
    const file = join(directory, "new.jsonl");
    const paper = {
      id: "2607.00042",
      listed_on: "2026-07-02",
      title: "A paper both processes must see",
      authors: ["Ada Lovelace"],
      categories: ["cs.DB"],
      comment: null,
      summary: "Written by a third process.",
    };
    writeFileSync(file, JSON.stringify(paper));
    const result = runCli(["import", "--format", "listing", file], { DATABASE_URL: databaseUrl, SECRET_KEY });
    expect(result.status, result.stderr).toBe(0);
    for (const server of servers) {
      const response = await fetch(`${server.baseUrl}/papers/${paper.id}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(paper.title);
    }
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
