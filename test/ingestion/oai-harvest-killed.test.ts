import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { harvestArxiv } from "../../src/ingestion/arxiv/harvest.js";
import { BACKENDS } from "../helpers/backends.js";
import { finished, spawnPaperboy } from "../helpers/cli.js";
import { pagedHarvest } from "../helpers/oai-pages.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("a harvest killed midway (%s)", (backend) => {
  let server: ReplayServer;
  let instance: TestInstance;
  let env: Record<string, string>;
  beforeEach(async () => {
    server = await startReplayServer();
    instance = await createTestInstance({
      backend,
      env: { ARXIV_OAI_URL: `${server.url}/oai`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
    env = {
      DATABASE_URL: instance.config.databaseUrl,
      ARXIV_OAI_URL: `${server.url}/oai`,
      ARXIV_REQUEST_INTERVAL_MS: "0",
    };
  });
  afterEach(async () => {
    await instance.dispose();
    await server.close();
  });

  it("SIGKILLed while waiting for page 3, resumes there: every paper once, none lost", async () => {
    let killedAt: (() => void) | null = null;
    const waitingForPage3 = new Promise<void>((resolve) => {
      killedAt = resolve;
    });
    server.handle(
      pagedHarvest(2, (request) => {
        if (request.query.get("resumptionToken") !== "t2") return undefined;
        killedAt?.();
        return { hang: true };
      }),
    );
    const child = spawnPaperboy(["ingest", "arxiv", "--from", "2014-10-01"], env);
    const outcome = finished(child);
    const early = outcome.then((result) => {
      throw new Error(`the harvest ended before page 3 was asked for: ${result.code} ${result.stderr}`);
    });
    await Promise.race([waitingForPage3, early]);
    child.kill("SIGKILL");
    expect((await outcome).code).toBe("SIGKILL");

    const db = instance.services.database.kysely;
    expect(await db.selectFrom("papers").select("id").execute()).toHaveLength(4);
    server.handle(pagedHarvest(2));
    const before = server.requests.length;
    const report = await harvestArxiv(instance.services, {});
    expect(report).toMatchObject({ resumed: true, added: 2, unchanged: 0, records: 6 });
    expect(server.requests.slice(before).map((r) => r.query.get("resumptionToken"))).toEqual(["t2"]);
    const rows = await db.selectFrom("papers").select("id").execute();
    expect(new Set(rows.map((r) => r.id)).size).toBe(6);
    expect(rows).toHaveLength(6);
    const versions = await db.selectFrom("paper_versions").select(["paper_id", "version"]).execute();
    expect(new Set(versions.map((v) => `${v.paper_id}v${v.version}`)).size).toBe(versions.length);
  }, 120_000);
});
