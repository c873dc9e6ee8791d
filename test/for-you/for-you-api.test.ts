import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken, revokeToken } from "../../src/community/api-tokens.js";
import { setUpvote } from "../../src/community/upvotes.js";
import { fixedClock } from "../../src/core/clock.js";
import { documentChecker } from "../api/openapi-check.js";
import { addPapers, serveWithClient } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { topicPaper, topicPapers } from "../helpers/topic-papers.js";

const clock = fixedClock("2026-06-24T15:00:00Z");

describe.each(BACKENDS)("GET /api/me/for-you (%s)", (backend) => {
  let instance: TestInstance;
  let baseUrl: string;
  let close: () => Promise<unknown>;
  let check: ReturnType<typeof documentChecker>;
  const tokens: Record<string, string> = {};

  const get = async (query: string, token?: string) => {
    const response = await fetch(`${baseUrl}/api/me/for-you${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = await response.text();
    check("GET", "/api/me/for-you", response.status, response.headers.get("content-type") ?? "", body);
    return { status: response.status, headers: response.headers, body: JSON.parse(body) };
  };

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    const { services } = instance;
    await addPapers(services, topicPapers(0, 4, "2026-06-10T12:00:00Z"), "2026-06-10");
    await addPapers(services, topicPapers(10, 4, "2026-06-23T12:00:00Z"), "2026-06-23");
    for (const [email, topic] of [
      ["ada@example.org", "graphs"],
      ["bob@example.org", "galaxies"],
    ] as const) {
      const { account } = await addUser(services, email, undefined);
      for (const n of [0, 1, 2]) await setUpvote(services, account, topicPaper(topic, n, "").id, true);
      tokens[topic] = (await createApiToken(services, account, "tests")).token;
    }
    const { account: cold } = await addUser(services, "cy@example.org", undefined);
    tokens.cold = (await createApiToken(services, cold, "tests")).token;
    const old = await createApiToken(services, cold, "old");
    await revokeToken(services, cold, old.id);
    tokens.revoked = old.token;
    const served = await serveWithClient(services);
    baseUrl = served.baseUrl;
    check = documentChecker(await served.client.openApiDocument());
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("refuses a request without a live token", async () => {
    expect((await get("")).status).toBe(401);
    expect((await get("", tokens.revoked)).status).toBe(401);
    expect((await get("", "pb_not-a-token")).status).toBe(401);
  });

  it("refuses malformed parameters with a reason", async () => {
    const bad = await get("?date=2026-13-45&days=0&limit=1000", tokens.graphs);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid");
  });

  it("answers each token's own picks in the daily papers' shape, with score and reasons, privately", async () => {
    const ada = await get("?date=2026-06-23&days=1&limit=4", tokens.graphs);
    const bob = await get("?date=2026-06-23&days=1&limit=4", tokens.galaxies);
    expect(ada.status).toBe(200);
    expect(ada.headers.get("cache-control")).toBe("no-store");
    expect(ada.headers.get("for-you-cold-start")).toBe("false");
    expect(ada.headers.get("for-you-signals")).toBe("3");
    expect(ada.body.map((e: { paper: { id: string } }) => e.paper.id[6])).toEqual(["1", "1", "1", "1"]);
    expect(bob.body.map((e: { paper: { id: string } }) => e.paper.id[6])).toEqual(["3", "3", "3", "3"]);
    const [first] = ada.body;
    expect(first.title).toBe(first.paper.title);
    expect(first.reasons[0]).toMatchObject({
      kind: "like",
      text: expect.stringMatching(/^like “.+”, which you upvoted$/),
    });
  });

  it("says when it starts cold", async () => {
    const cold = await get("?date=2026-06-23&days=1", tokens.cold);
    expect(cold.headers.get("for-you-cold-start")).toBe("true");
    expect(cold.body.length).toBe(12);
  });
});
