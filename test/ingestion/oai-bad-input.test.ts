import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { harvestArxiv } from "../../src/ingestion/arxiv/harvest.js";
import { loadCheckpoint } from "../../src/storage/checkpoints.js";
import { BACKENDS } from "../helpers/backends.js";
import { pagedHarvest } from "../helpers/oai-pages.js";
import type { ReplayResponse } from "../helpers/replay-server.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const HTML_ERROR =
  "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body></body></html>";

describe.each(BACKENDS)("bad answers during a harvest (%s)", (backend) => {
  let server: ReplayServer;
  let instance: TestInstance;
  beforeEach(async () => {
    server = await startReplayServer();
    instance = await createTestInstance({
      backend,
      env: { ARXIV_OAI_URL: `${server.url}/oai`, ARXIV_REQUEST_INTERVAL_MS: "0" },
      retry: { maxRetries: 1, baseBackoffMs: 1 },
    });
  });
  afterEach(async () => {
    await instance.dispose();
    await server.close();
  });

  const paperCount = async () =>
    (await instance.services.database.kysely.selectFrom("papers").select("id").execute()).length;
  const secondPageAnswers = (bad: (page: string) => ReplayResponse) => {
    const good = pagedHarvest(2);
    return pagedHarvest(2, (request) => {
      if (request.query.get("resumptionToken") !== "t1") return undefined;
      return bad(String(good(request).body));
    });
  };

  const cases: [string, (page: string) => ReplayResponse, RegExp][] = [
    [
      "a body cut off mid-stream",
      (page) => ({ body: page, cutAfter: 700 }),
      /^arXiv OAI-PMH: body cut off after 700 bytes.*after 2 attempts \(http:\/\/127\.0\.0\.1:\d+\/oai\?verb=ListRecords&resumptionToken=t1\)$/,
    ],
    [
      "malformed XML",
      (page) => ({ body: page.replace("</title>", "</titel>") }),
      /^arXiv OAI-PMH: malformed XML at line \d+, column \d+ \(unexpected close tag/,
    ],
    [
      "an HTML error page",
      () => ({ body: HTML_ERROR, headers: { "content-type": "text/html" } }),
      /^arXiv OAI-PMH: expected XML but got an HTML page \("503 Service Unavailable"\)/,
    ],
  ];

  for (const [what, bad, message] of cases) {
    it(`${what}: a clear error, page 2 not half-written, the next run picks up at page 2`, async () => {
      server.handle(secondPageAnswers(bad));
      await expect(harvestArxiv(instance.services, { from: "2014-10-01" })).rejects.toMatchObject({
        code: "upstream",
        message: expect.stringMatching(message),
      });
      expect(await paperCount()).toBe(2);
      const state = JSON.parse((await loadCheckpoint(instance.services.database, "arxiv-oai:*")) ?? "{}");
      expect(state).toMatchObject({ token: "t1", pages: 1, complete: false });
      server.handle(pagedHarvest(2));
      expect(await harvestArxiv(instance.services, {})).toMatchObject({ resumed: true, added: 4 });
      expect(await paperCount()).toBe(6);
    });
  }
});
