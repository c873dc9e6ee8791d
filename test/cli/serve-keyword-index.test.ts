import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, freshDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";
import { fixture } from "../helpers/fixtures.js";
import { type ServeProcess, serve, stop } from "../helpers/serve-process.js";

describe.each(BACKENDS)("paperboy serve after a bulk import (%s)", (backend) => {
  let directory: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ServeProcess | null = null;
  let env: Record<string, string>;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-serve-index-"));
    database = await freshDatabase(backend, directory);
    env = {
      DATABASE_URL: database.url,
      SECRET_KEY: "serve-keyword-index-secret-0123456789abcdef",
    };
  });
  afterAll(async () => {
    if (server) expect(await stop(server)).toBe(0);
    await database.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("indexes the queued papers before it answers, so the first search finds them", async () => {
    expect(runCli(["import", fixture("listing-small.jsonl")], env).status).toBe(0);
    server = await serve(env, ["--no-jobs"]);
    expect(server.log()).toMatch(/keyword index: indexed 180 queued papers/);
    const response = await fetch(`${server.baseUrl}/api/papers/search?q=equilibria&mode=keyword&limit=5`);
    expect(response.status).toBe(200);
    const results = (await response.json()) as unknown[];
    expect(results.length).toBeGreaterThan(0);
  }, 120_000);
});
