import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("CORS: open for reads, closed for writes (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it.each([
    "/api/daily_papers?limit=1",
    "/api/papers/2606.26139",
    "/api/papers/2101.99999",
    "/papers/2606.26139.md",
  ])("lets any origin read %s, errors included", async (url) => {
    const response = await app.inject({ url, headers: { origin: "https://elsewhere.example" } });
    expect(response.headers["access-control-allow-origin"]).toBe("*");
    expect(response.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(String(response.headers["access-control-expose-headers"])).toContain("RateLimit");
  });

  it("answers a preflight for a read and refuses one for a write", async () => {
    const read = await app.inject({
      method: "OPTIONS",
      url: "/api/papers/2606.26139",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "GET" },
    });
    expect(read.statusCode).toBe(204);
    expect(read.headers["access-control-allow-methods"]).toBe("GET, HEAD");
    expect(read.headers["access-control-allow-headers"]).toBe("Authorization");
    const custom = await app.inject({
      method: "OPTIONS",
      url: "/api/papers/search?q=x",
      headers: {
        origin: "https://elsewhere.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization, x-requested-with",
      },
    });
    expect(custom.headers["access-control-allow-headers"]).toBe("authorization, x-requested-with");
    const write = await app.inject({
      method: "OPTIONS",
      url: "/api/papers/index",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
    });
    expect(write.headers["access-control-allow-origin"]).toBeUndefined();
    expect(write.headers["access-control-allow-methods"]).toBeUndefined();
  });

  it("gives writes and HTML pages no CORS headers", async () => {
    const post = await app.inject({
      method: "POST",
      url: "/api/papers/index",
      payload: { arxivId: "2606.26139" },
    });
    expect(post.headers["access-control-allow-origin"]).toBeUndefined();
    const page = await app.inject("/papers/2606.26139");
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
