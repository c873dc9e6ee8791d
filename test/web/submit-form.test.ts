import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { addPapers } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { paperRecord } from "../helpers/papers.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const EMPTY = readFileSync(fixture("arxiv-export-api/search_empty_result.xml"));

/** The text of the form's input as the page shows it again. */
const kept = (body: string) => /<input id="paper" name="paper"[^>]*value="([^"]*)"/.exec(body)?.[1];

describe.each(BACKENDS)("the submit form keeps what was typed (%s)", (backend) => {
  let arxiv: ReplayServer;
  let instance: TestInstance;
  let app: FastifyInstance;
  let failing = false;

  beforeAll(async () => {
    // arXiv answers "no such paper", or fails outright with a 400 (not retried) when told to.
    arxiv = await startReplayServer(() =>
      failing
        ? { status: 400, body: "Bad request" }
        : { headers: { "content-type": "application/atom+xml" }, body: EMPTY },
    );
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-06-26T16:00:00Z"),
      env: { ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
    await addPapers(
      instance.services,
      [paperRecord("2606.00021", { published: "2026-06-25T12:00:00.000Z" })],
      "2026-06-26",
    );
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
    await arxiv.close();
  });

  async function submit(paper: string) {
    const { client } = await signedInClient(app, instance.services, `ada-${backend}@example.org`);
    await client.get("/papers/submit");
    return client.post("/papers/submit", { paper });
  }

  it("says on the form that a paper is already featured, links to it and keeps the input", async () => {
    const response = await submit("https://arxiv.org/abs/2606.00021v2");
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain("already featured");
    expect(response.body).toContain('<a href="/papers/2606.00021">See the paper</a>');
    expect(kept(response.body)).toBe("https://arxiv.org/abs/2606.00021v2");
  });

  it("says arXiv has no such paper, on the form, with the input kept", async () => {
    const response = await submit("2606.99999");
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("arXiv has no paper 2606.99999");
    expect(kept(response.body)).toBe("2606.99999");
  });

  it("says arXiv failed without naming its address, and states the time limit", async () => {
    failing = true;
    const response = await submit("2606.99998");
    failing = false;
    expect(response.statusCode).toBe(502);
    expect(response.body).toContain("did not answer within 20 seconds");
    expect(response.body).not.toContain(arxiv.url);
    expect(kept(response.body)).toBe("2606.99998");
    expect(response.body).toContain("at most 20");
  });
});
