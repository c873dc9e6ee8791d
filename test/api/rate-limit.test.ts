import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { loadListingFixture, serveWithClient } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("API rate limits per address and per token (%s)", (backend) => {
  let instance: TestInstance;
  let baseUrl: string;
  let token: string;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, env: { API_RATE_LIMIT: "3", API_TOKEN_RATE_LIMIT: "5" } });
    await loadListingFixture(instance.services);
    const { account } = await addUser(instance.services, "ada@example.org", undefined);
    token = (await createApiToken(instance.services, account, "script")).token;
    const served = await serveWithClient(instance.services);
    baseUrl = served.baseUrl;
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("counts an address down with RateLimit headers and answers 429 with Retry-After", async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${baseUrl}/api/papers/2606.26139`);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-policy")).toBe('"api";q=3;w=60');
      remaining.push(response.headers.get("ratelimit") ?? "");
    }
    expect(remaining.map((h) => /r=(\d+)/.exec(h)?.[1])).toEqual(["2", "1", "0"]);
    const refused = await fetch(`${baseUrl}/api/daily_papers`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"api";r=0;t=\d+$/);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    // The router decodes the path; percent-encoding it does not leave the API or its quota.
    const encoded = await fetch(`${baseUrl}/%61pi/daily_papers`);
    expect(encoded.status).toBe(429);
    expect(await encoded.json()).toMatchObject({ error: "rate_limited" });
  });

  it("gives a token its own, larger quota", async () => {
    const headers = { authorization: `Bearer ${token}` };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await fetch(`${baseUrl}/api/categories`, { headers })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const last = await fetch(`${baseUrl}/api/categories`, { headers });
    expect(last.headers.get("ratelimit-policy")).toBe('"api-token";q=5;w=60');
  });

  it("leaves pages alone", async () => {
    expect((await fetch(`${baseUrl}/papers/2606.26139`)).status).toBe(200);
  });
});

describe.each(BACKENDS)("the client address behind a reverse proxy (production) (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, env: { NODE_ENV: "production", API_RATE_LIMIT: "2" } });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  const statuses = async (remoteAddress: string, forwardedFor: (i: number) => string) => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await app.inject({
        url: "/api/categories",
        remoteAddress,
        headers: { "x-forwarded-for": forwardedFor(i) },
      });
      codes.push(response.statusCode);
    }
    return codes;
  };

  it("ignores X-Forwarded-For from a client that is not the proxy", async () => {
    expect(await statuses("203.0.113.7", (i) => `10.0.0.${i}`)).toEqual([200, 200, 429]);
  });

  it("counts the address the local proxy saw, not what the client wrote before it", async () => {
    expect(await statuses("127.0.0.1", (i) => `10.0.0.${i}, 198.51.100.4`)).toEqual([200, 200, 429]);
    expect(await statuses("127.0.0.1", () => "198.51.100.5")).toEqual([200, 200, 429]);
  });
});
