import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPapers, loadListingFixture, paperRecord, serveWithClient } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { documentChecker } from "./openapi-check.js";

type Json = Record<string, unknown>;

// Each request names the documented path template it exercises.
const REQUESTS: [string, string, string][] = [
  ["GET", "/api/daily_papers", "/api/daily_papers"],
  ["GET", "/api/daily_papers?date=2026-06-26&limit=5&sort=trending", "/api/daily_papers"],
  ["GET", "/api/daily_papers?date=2026-13-01", "/api/daily_papers"],
  ["GET", "/api/daily_papers?limit=500", "/api/daily_papers"],
  ["GET", "/api/papers/2606.26139", "/api/papers/{id}"],
  ["GET", "/api/papers/2101.00002", "/api/papers/{id}"],
  ["GET", "/api/papers/2101.00001v2", "/api/papers/{id}"],
  ["GET", "/api/papers/garbage", "/api/papers/{id}"],
  ["GET", "/api/papers?limit=3", "/api/papers"],
  ["GET", "/api/papers?cursor=nope", "/api/papers"],
  ["GET", "/api/papers/search?q=learning&limit=5", "/api/papers/search"],
  ["GET", "/api/papers/search?q=2606.26139", "/api/papers/search"],
  ["GET", "/api/papers/search?q=x&limit=500", "/api/papers/search"],
  ["GET", "/api/papers/2606.26139/similar?limit=3", "/api/papers/{id}/similar"],
  ["GET", "/api/papers/2101.99999/similar", "/api/papers/{id}/similar"],
  ["GET", "/papers/2606.26139.md", "/papers/{id}.md"],
  ["GET", "/papers/2606.26139/bibtex", "/papers/{id}/bibtex"],
  ["GET", "/papers/2101.99999/bibtex", "/papers/{id}/bibtex"],
  ["GET", "/papers/date/2026-06-26/bibtex", "/papers/date/{key}/bibtex"],
  ["GET", "/papers/week/2026-W26/bibtex", "/papers/week/{key}/bibtex"],
  ["GET", "/papers/month/2026-06/bibtex", "/papers/month/{key}/bibtex"],
  ["GET", "/api/openapi.json", "/api/openapi.json"],
  ["GET", "/api/categories", "/api/categories"],
  ["GET", "/api/trending?limit=5", "/api/trending"],
  ["GET", "/api/papers/2606.26139/comments", "/api/papers/{id}/comments"],
  ["GET", "/api/papers/2101.99999/comments", "/api/papers/{id}/comments"],
  ["POST", "/api/papers/2606.26139/upvote", "/api/papers/{id}/upvote"],
  ["POST", "/api/papers/2606.26139/save", "/api/papers/{id}/save"],
  ["DELETE", "/api/papers/2606.26139/save", "/api/papers/{id}/save"],
  ["GET", "/api/collections", "/api/collections"],
  ["GET", "/api/collections?member=nobody", "/api/collections"],
  ["POST", "/api/collections", "/api/collections"],
  ["GET", "/api/collections/999", "/api/collections/{id}"],
  ["PATCH", "/api/collections/999", "/api/collections/{id}"],
  ["DELETE", "/api/collections/999/papers/2606.26139", "/api/collections/{id}/papers/{paperId}"],
  ["POST", "/api/papers/index", "/api/papers/index"],
  ["GET", "/api/me", "/api/me"],
  ["PATCH", "/api/me", "/api/me"],
];

describe.each(BACKENDS)("the OpenAPI document (%s)", (backend) => {
  let instance: TestInstance;
  let baseUrl: string;
  let document: Json;
  let close: () => Promise<unknown>;
  let check: ReturnType<typeof documentChecker>;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(instance.services, [paperRecord("2101.00001", { withdrawn: true })], null);
    const served = await serveWithClient(instance.services);
    baseUrl = served.baseUrl;
    document = await served.client.openApiDocument();
    check = documentChecker(document);
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const broken = await new Validator().validate({ openapi: "3.1.0", info: { title: "x" }, paths: {} });
    expect(broken.valid).toBe(false);
  });

  it("documents Hugging Face's parameters with their defaults and limits", () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    const parameters = (paths["/api/daily_papers"]?.get?.parameters ?? []) as Json[];
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(["date", "limit", "month", "p", "sort", "submitter", "week"]);
    expect(byName.limit).toMatchObject({
      in: "query",
      required: false,
      schema: { minimum: 1, maximum: 100, default: 50 },
    });
    expect(byName.p).toMatchObject({ schema: { type: "integer", minimum: 0, default: 0 } });
    expect(byName.sort).toMatchObject({
      schema: { enum: ["publishedAt", "trending"], default: "publishedAt" },
    });
    const index = paths["/api/papers/index"]?.post as Json;
    expect(index.security).toEqual([{ bearerToken: [] }]);
  });

  it.each(REQUESTS)("matches what the server answers to %s %s", async (method, url, template) => {
    const response = await fetch(`${baseUrl}${url}`, { method });
    check(
      method,
      template,
      response.status,
      response.headers.get("content-type") ?? "",
      await response.text(),
    );
  });

  it("catches an answer that does not match", () => {
    expect(() => check("GET", "/api/papers/{id}", 200, "application/json", '{"id": 1}')).toThrow(/must/);
    expect(() => check("GET", "/api/papers/{id}", 418, "application/json", "{}")).toThrow(/status 418/);
  });

  it("has a readable reference page built from it", async () => {
    const response = await fetch(`${baseUrl}/docs/api`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("GET /api/daily_papers");
    expect(html).toContain("integer, 1–100, default 50");
    expect(html).toContain("POST /api/papers/index");
    expect(html).toContain('id="schema-HfDailyPaper"');
    // The document's Markdown code spans are code on the page, never backquotes.
    expect(html).toContain("<code>Retry-After</code>");
    expect(html.replace(/<pre[\s\S]*?<\/pre>/g, "")).not.toContain("`");
    expect(html).not.toMatch(/<script[^>]+src="https?:|<link[^>]+href="https?:/);
    const redirect = await fetch(`${baseUrl}/api`, { redirect: "manual" });
    expect(redirect.headers.get("location")).toBe("/docs/api");
  });
});
