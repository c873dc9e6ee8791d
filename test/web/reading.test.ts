import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { openDatabase } from "../../src/storage/open.js";
import { buildApp } from "../../src/web/app.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { type Getter, pageWeight } from "../helpers/page-weight.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const records = readFileSync(fixture("listing-small.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const lastDay: string = [...new Set(records.map((r) => r.listed_on as string))].sort().at(-1) ?? "";

describe.each(BACKENDS)("the reading experience over HTTP (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  // Noon in New York on the last listing day: its papers are today's and carry the "new" mark.
  const noon = `${lastDay}T16:00:00Z`;
  const clock = fixedClock(noon);

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    const maths = {
      ...records[0],
      id: "2606.90001",
      listed_on: lastDay,
      title: "Bounds on $x^2$ for $5 and $10",
      summary: "We prove $\\frac{a}{b} \\le 1$ and keep $\\badmacro{x}$ as written, costing $5.",
    };
    const file = join(instance.directory, "papers.jsonl");
    writeFileSync(file, [...records, maths].map((r) => JSON.stringify(r)).join("\n"));
    await importFiles(instance.services.database, [file], { format: "listing" });
    await featureEveryNewPaper(instance.services);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("typesets formulas on the server and links their stylesheets, with no inline style", async () => {
    const body = (await app.inject("/papers/2606.90001")).body;
    expect(body).toContain('class="katex"');
    expect(body).toContain("\\badmacro{x}");
    expect(body).toContain("for $5 and $10");
    expect(body).not.toMatch(/ style="/);
    const css = /href="(\/assets\/math\.css\?c=[^"]+)"/.exec(body)?.[1] ?? "";
    const katexCss = /href="(\/assets\/katex-[\d.]+\/katex\.min\.css)"/.exec(body)?.[1] ?? "";
    const rules = await app.inject(css);
    expect(rules.headers["content-type"]).toMatch(/text\/css/);
    expect(rules.body).toMatch(/^\.kh_[0-9P]+em\{height:[\d.]+em!important\}$/m);
    const katex = await app.inject(katexCss);
    expect(katex.statusCode).toBe(200);
    const font = /url\((fonts\/KaTeX_Main-Regular\.woff2)\)/.exec(katex.body)?.[1] ?? "";
    expect((await app.inject(katexCss.replace("katex.min.css", font))).statusCode).toBe(200);
    expect((await app.inject(katexCss.replace("katex.min.css", "katex.mjs"))).statusCode).not.toBe(200);
  });

  it("leaves pages without formulas free of KaTeX's stylesheet", async () => {
    const plain = records.find((r) => !/[$\\]/.test(r.title + r.summary));
    const body = (await app.inject(`/papers/${plain.id}`)).body;
    expect(body).not.toContain("katex");
  });

  it("marks today's papers new, offers the subscription and links categories to their list", async () => {
    const today = (await app.inject(`/papers/date/${lastDay}`)).body;
    expect(today).toContain('class="new-mark"');
    expect(today).toContain('href="/subscribe"');
    expect(today).toContain('href="/search?q=cat%3Acs.GT"');
    expect(today).toMatch(/class="upvote-count"[^>]*>▲ 0 upvotes</);
    expect(today).toMatch(/\d+ comments?<\/a>/);
    const earlier = records.find((r) => r.listed_on !== lastDay).listed_on;
    expect((await app.inject(`/papers/date/${earlier}`)).body).not.toContain('class="new-mark"');
  });

  it("answers 304 while nothing changed and a fresh page once an upvote is written", async () => {
    const url = `/papers/date/${lastDay}`;
    const first = await app.inject(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers["cache-control"]).toBe("public, no-cache");
    const again = await app.inject({ url, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");

    const db = instance.services.database.kysely;
    const user = await db
      .insertInto("users")
      .values({ handle: "reader", email: null, display_name: "R", role: "member", created_at: "2026-06-30" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("upvotes")
      .values({ user_id: user.id, paper_id: "2606.90001", created_at: "x" })
      .execute();
    const changed = await app.inject({ url, headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body).toContain("▲ 1 upvote<");
  });

  it("lets trending, which ages with the clock, stand ten minutes at most; a day page stands until a write", async () => {
    const day = `/papers/date/${lastDay}`;
    const etags = new Map<string, string>();
    for (const url of ["/papers/trending", day]) etags.set(url, String((await app.inject(url)).headers.etag));
    const statusAt = async (instant: number, url: string) => {
      clock.set(new Date(instant));
      return (await app.inject({ url, headers: { "if-none-match": etags.get(url) } })).statusCode;
    };
    const start = new Date(noon).getTime();
    try {
      expect(await statusAt(start + 5 * 60_000, "/papers/trending")).toBe(304);
      expect(await statusAt(start + 11 * 60_000, "/papers/trending")).toBe(200);
      expect(await statusAt(start + 11 * 60_000, day)).toBe(304);
    } finally {
      clock.set(noon);
    }
  });

  it("sees writes made through another connection to the same database", async () => {
    const url = "/papers/2606.90001";
    const etag = String((await app.inject(url)).headers.etag);
    const other = openDatabase(instance.config.databaseUrl);
    await other.kysely
      .updateTable("papers")
      .set({ title: "Retitled by another process" })
      .where("id", "=", "2606.90001")
      .execute();
    await other.close();
    const response = await app.inject({ url, headers: { "if-none-match": etag } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("Retitled by another process");
  });

  it("keeps signed-in pages private and apart from anonymous ones", async () => {
    const url = `/papers/date/${lastDay}`;
    const anonymous = await app.inject(url);
    const withCookie = await app.inject({ url, headers: { cookie: "paperboy_session=abc" } });
    expect(withCookie.headers["cache-control"]).toBe("private, no-cache");
    expect(withCookie.headers.etag).not.toBe(anonymous.headers.etag);
    expect(withCookie.headers.vary).toMatch(/Cookie/);
  });

  it("compresses pages, and serves the same bytes from the rendered copy", async () => {
    const url = `/papers/date/${lastDay}`;
    const plain = await app.inject(url);
    const compressed = await app.inject({ url, headers: { "accept-encoding": "gzip, br" } });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(plain.body);
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const css = await app.inject({ url: "/assets/site.css", headers: { "accept-encoding": "gzip" } });
    expect(css.headers["content-encoding"]).toBe("gzip");
  });

  it("keeps each page under 50 KB of CSS and JavaScript, compressed", async () => {
    const get: Getter = async (url, headers) => {
      const response = await app.inject({ url, headers });
      return { body: response.rawPayload };
    };
    for (const url of [`/papers/date/${lastDay}`, "/papers/2606.90001"]) {
      const weight = await pageWeight(get, url);
      expect(Object.keys(weight.assets).length).toBeGreaterThanOrEqual(2);
      expect(weight.total, JSON.stringify(weight.assets)).toBeLessThan(50 * 1024);
    }
    const withMath = await pageWeight(get, "/papers/2606.90001");
    expect(Object.keys(withMath.assets).some((link) => link.includes("katex"))).toBe(true);
  });
});
