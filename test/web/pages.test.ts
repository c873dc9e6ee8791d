import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/ingestion/import-files.js";
import { buildApp } from "../../src/web/app.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const records = readFileSync(fixture("listing-small.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const days = [...new Set(records.map((r) => r.listed_on as string))].sort();

describe.each(BACKENDS)("paper pages (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    const hostile = {
      ...records[0],
      id: "2606.99999",
      title: '<img src=x onerror="alert(1)">Hostile & title',
      summary: "<script>alert('abstract')</script> with $x<y$",
      authors: ["<b>Mallory</b>"],
    };
    const file = join(instance.directory, "papers.jsonl");
    writeFileSync(file, [...records.map((r) => JSON.stringify(r)), JSON.stringify(hostile)].join("\n"));
    await importFiles(instance.services.database, [file], { format: "listing" });
    await featureEveryNewPaper(instance.services);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("shows the latest listing day at /papers and at /", async () => {
    for (const url of ["/papers", "/"]) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(response.body).toContain(`datetime="${days.at(-1)}"`);
    }
  });

  it("lists a day's papers with title, authors, categories and abstract, and links the neighbours", async () => {
    const day = days[1] ?? "";
    const response = await app.inject(`/papers/date/${day}`);
    expect(response.statusCode).toBe(200);
    const paper = records.find((r) => r.listed_on === day);
    expect(response.body).toContain(`href="/papers/${paper.id}"`);
    expect(response.body).toContain(paper.authors[0]);
    const category = paper.categories[0];
    expect(response.body).toContain(`<a href="/search?q=cat%3A${category}">${category}</a>`);
    expect(response.body).toContain(`href="/papers/date/${days[0]}"`);
    expect(response.body).toContain(`href="/papers/date/${days[2]}"`);
    expect(response.body).toContain("60 papers");
  });

  it("pages through a long day", async () => {
    const day = days[0] ?? "";
    const first = await app.inject(`/papers/date/${day}`);
    expect(first.body).toContain("Page 1 of 2");
    expect(first.body).toContain(`href="/papers/date/${day}?page=2"`);
    const second = await app.inject(`/papers/date/${day}?page=2`);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain("Page 2 of 2");
    const ids = (body: string) => [...body.matchAll(/id="paper-([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first.body)).toHaveLength(50);
    expect(ids(second.body)).toHaveLength(11); // 60 fixture papers and the hostile one
    expect(ids(first.body).filter((id) => ids(second.body).includes(id))).toEqual([]);
  });

  it("shows a paper with links to arXiv's abstract and PDF", async () => {
    const paper = records[5];
    const response = await app.inject(`/papers/${paper.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`href="https://arxiv.org/abs/${paper.id}"`);
    expect(response.body).toContain(`href="https://arxiv.org/pdf/${paper.id}"`);
    expect(response.body).toContain(`href="/papers/date/${paper.listed_on}"`);
  });

  it("escapes hostile markup everywhere", async () => {
    for (const url of ["/papers/2606.99999", `/papers/date/${records[0].listed_on}?page=2`]) {
      const body = (await app.inject(url)).body;
      expect(body).not.toContain("<script>alert");
      expect(body).not.toContain("<img src=x");
      expect(body).not.toContain("<b>Mallory</b>");
      expect(body).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;>Hostile &amp; title");
    }
  });

  it.each([
    ["/papers/not-an-id", 400, /not an arXiv id/],
    ["/papers/date/2026-02-30", 400, /not a calendar date/],
    ["/papers/date/2026-06-30?page=0", 400, /page must be/],
    ["/papers/date/2026-06-30?page=abc", 400, /page must be/],
    ["/papers/2101.00001", 404, /No paper 2101\.00001/],
    ["/papers/hep-th/9901001", 404, /No paper hep-th\/9901001/],
    ["/no/such/page", 404, /There is no page/],
  ])("answers %s with %i and a page a person can read", async (url, status, message) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.body).toMatch(message);
    expect(response.body).toContain('href="/papers"');
  });

  it("gives each paper one address: other spellings of its id redirect there, and the page names it canonical", async () => {
    for (const spelling of ["2606.26139v2", "arXiv:2606.26139", "arxiv.org%2Fabs%2F2606.26139v1"]) {
      const response = await app.inject(`/papers/${spelling}`);
      expect(response.statusCode, spelling).toBe(301);
      expect(response.headers.location).toBe("/papers/2606.26139");
    }
    const page = await app.inject("/papers/2606.26139");
    expect(page.body).toContain(
      `<link rel="canonical" href="${instance.config.baseUrl}/papers/2606.26139"/>`,
    );
  });

  it("sends protective headers", async () => {
    const response = await app.inject("/papers");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers addresses the router refuses like any other error: a page, or JSON under /api/", async () => {
    const page = await app.inject("/papers/%E0%A4%A");
    expect(page.statusCode).toBe(400);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("percent-encoding");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    const api = await app.inject(`/api/papers/${"1".repeat(300)}`);
    expect(api.statusCode).toBe(414);
    expect(api.json()).toMatchObject({ error: "invalid" });
  });
});
