import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HttpClient } from "../../src/ingestion/http/client.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../../src/ingestion/http/retry-policy.js";
import { userAgent } from "../../src/ingestion/http/user-agent.js";
import { inTurn, type ReplayServer, startReplayServer } from "../helpers/replay-server.js";

const FAST: RetryPolicy = { ...DEFAULT_RETRY_POLICY, minIntervalMs: 0, baseBackoffMs: 5, maxRetries: 3 };
const SOURCE = { source: "arXiv export API" };

describe("the polite HTTP client", () => {
  let server: ReplayServer;
  let client: HttpClient;
  const make = (policy: Partial<RetryPolicy> = {}) => {
    client = new HttpClient({ userAgent: "Paperboy/test", policy: { ...FAST, ...policy } });
    return client;
  };
  beforeEach(async () => {
    server = await startReplayServer();
  });
  afterEach(async () => {
    client?.close();
    await server.close();
  });

  it("names Paperboy and the operator's contact in the User-Agent", async () => {
    expect(userAgent("Lab Paperboy <ops@lab.example>", "1.2.0")).toBe(
      "Paperboy/1.2.0 (self-hosted research-paper hub; mailto:ops@lab.example)",
    );
    server.handle(() => ({ body: "ok" }));
    await make().get(`${server.url}/q`, SOURCE);
    expect(server.requests[0]?.headers["user-agent"]).toBe("Paperboy/test");
  });

  it("spaces requests by the minimum interval and reuses one connection", async () => {
    server.handle(() => ({ body: "ok" }));
    const http = make({ minIntervalMs: 300 });
    await Promise.all([1, 2, 3].map((n) => http.get(`${server.url}/q?n=${n}`, SOURCE)));
    // Measured on arrival: the first request also waited for its connection, so allow that much slack.
    const [a, b, c] = server.requests.map((r) => r.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(240);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(240);
    expect(new Set(server.requests.map((r) => r.connection)).size).toBe(1);
  });

  it("waits as long as Retry-After says on 503, then succeeds", async () => {
    server.handle(inTurn({ status: 503, headers: { "retry-after": "1" }, body: "busy" }, { body: "fine" }));
    const response = await make().get(`${server.url}/q`, SOURCE);
    expect(response.body.toString()).toBe("fine");
    const [first, second] = server.requests.map((r) => r.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("backs off and retries on 5xx and on a body cut off mid-stream", async () => {
    server.handle(inTurn({ status: 502 }, { body: "x".repeat(5000), cutAfter: 100 }, { body: "whole" }));
    const response = await make().get(`${server.url}/q`, SOURCE);
    expect(response.body.toString()).toBe("whole");
    expect(server.requests).toHaveLength(3);
  });

  it("gives up after the bounded retries with an upstream error naming the source and the cause", async () => {
    server.handle(() => ({ body: "<feed>partial", cutAfter: 5 }));
    const failure = make({ maxRetries: 2 }).get(`${server.url}/q`, SOURCE);
    await expect(failure).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/^arXiv export API: body cut off after 5 bytes.* after 3 attempts/),
    });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 4xx and quotes what the server said", async () => {
    server.handle(() => ({
      status: 400,
      body: "<html><body><h1>Bad Request</h1> id_list malformed</body></html>",
    }));
    await expect(make().get(`${server.url}/q`, SOURCE)).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/^arXiv export API: HTTP 400: Bad Request id_list malformed/),
    });
    expect(server.requests).toHaveLength(1);
  });

  it("fails as upstream when nothing listens", async () => {
    const url = server.url;
    await server.close();
    await expect(make({ maxRetries: 1 }).get(`${url}/q`, SOURCE)).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/ECONNREFUSED.*after 2 attempts/),
    });
    server = await startReplayServer();
  });
});
