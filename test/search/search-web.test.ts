import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexPendingPapers } from "../../src/storage/keyword-index-queue.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { buildApp } from "../../src/web/app.js";
import { expectHfDailyShape } from "../api/hf-shape.js";
import { BACKENDS } from "../helpers/backends.js";
import type { TestInstance } from "../helpers/services.js";
import { listingPapers, searchInstance, storePapers } from "./backends.js";

describe.each(BACKENDS)("search pages and API (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await searchInstance(backend);
    const papers = listingPapers();
    const [first] = papers;
    if (!first) throw new Error("fixture is empty");
    const hostile = {
      ...first,
      record: { ...first.record, id: "2606.99999", title: "<script>alert(1)</script> games" },
    };
    const tex = {
      ...first,
      record: {
        ...first.record,
        id: "2606.99998",
        title: "\\textbf{HierBias}: ranking with \\emph{hierarchical priors}",
        abstract: `Our model \\textbf{<script>alert(2)</script>} with $x^2$ terms. ${"Filler words here. ".repeat(17)}\\textbf{HierBias spans the cut of a result}.`,
      },
    };
    await storePapers(instance, [...papers, hostile, tex]);
    await instance.services.semantic.refresh();
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("has a search box on every page", async () => {
    for (const url of ["/papers", "/papers/2606.26564", "/search"]) {
      const body = (await app.inject(url)).body;
      expect(body).toMatch(/<form action="\/search" method="get">/);
      expect(body).toContain('name="q"');
    }
  });

  it("shows results with a count, highlighted words and the query kept in the box", async () => {
    const response = await app.inject("/search?q=nash+equilibria&mode=keyword");
    expect(response.statusCode).toBe(200);
    expect(response.body.replace(/<!-- -->/g, "")).toMatch(/\d+ papers? match <q>nash equilibria<\/q>/);
    expect(response.body).toContain("<mark>Nash</mark>");
    expect(response.body).toContain("<mark>Equilibria</mark>");
    expect(response.body).toContain('value="nash equilibria"');
    expect(response.body).toContain('href="/papers/2606.26564"');
  });

  it("says when recently imported papers are not in the keyword index yet, until they are", async () => {
    const [first] = listingPapers();
    if (!first) throw new Error("fixture is empty");
    const queued = ["2606.99990", "2606.99991"].map((id) => ({
      ...first,
      record: { ...first.record, id, title: `Zeolite catalysis ${id}` },
    }));
    await upsertPapers(instance.services.database, queued, {
      submitterId: null,
      source: "import",
      now: "2026-06-30T00:00:00.000Z",
      keywordIndex: "later",
    });
    const before = await app.inject("/search?q=zeolite&mode=keyword");
    expect(before.body).toContain("2 recently imported papers are still being added to the keyword index");
    expect(before.body).not.toContain('href="/papers/2606.99990"');
    await indexPendingPapers(instance.services.database);
    const after = await app.inject("/search?q=zeolite&mode=keyword");
    expect(after.body).not.toContain("recently imported");
    expect(after.body).toContain('href="/papers/2606.99990"');
  });

  it("escapes what papers and queries contain", async () => {
    const response = await app.inject(`/search?q=${encodeURIComponent('games "<b>x</b>"')}&mode=keyword`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("<script>alert(1)</script>");
    expect(response.body).not.toContain("<b>x</b>");
  });

  it("renders TeX in results as on every page, marking words inside styling and escaping what it holds", async () => {
    const body = (await app.inject("/search?q=hierbias+hierarchical&mode=keyword")).body;
    expect(body).toContain(
      "<strong><mark>HierBias</mark></strong>: ranking with <em><mark>hierarchical</mark> priors</em>",
    );
    expect(body).toContain("<strong>&lt;script>alert(2)&lt;/script></strong>");
    expect(body).toMatch(/<strong><mark>HierBias<\/mark> spans[^<]*<\/strong>…/);
    expect(body).toContain('class="math"');
    expect(body).not.toMatch(/\\textbf|\\emph|\$x\^2\$|<script>alert\(2\)/);
  });

  it("pages with links that keep the query, mode and filters", async () => {
    const response = await app.inject("/search?q=cat%3Acs.AI&mode=keyword");
    expect(response.body).toContain("Page 1 of");
    expect(response.body).toContain('href="/search?q=cat%3Acs.AI&amp;mode=keyword&amp;page=2"');
    const second = await app.inject("/search?q=cat%3Acs.AI&mode=keyword&page=2");
    expect(second.body).toContain("Page 2 of");
    expect(second.body).toContain('<ol class="paper-list" start="21">');
  });

  it("says clearly when nothing matches, and explains the operators on an empty query", async () => {
    const nothing = (await app.inject("/search?q=xyzzyplugh&mode=keyword")).body.replace(/<!-- -->/g, "");
    expect(nothing).toContain("No paper contains <q>xyzzyplugh</q>");
    expect((await app.inject("/search")).body).toContain("cat:cs.LG");
  });

  it("redirects an arXiv id to its paper", async () => {
    const response = await app.inject("/search?q=2606.26564v1");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/papers/2606.26564");
  });

  it("rejects bad parameters with a clear 400", async () => {
    expect((await app.inject("/search?q=x&mode=psychic")).statusCode).toBe(400);
    expect((await app.inject("/search?q=x&after=yesterday")).statusCode).toBe(400);
  });

  it("answers the API in Hugging Face's shape, with limits, modes and filters", async () => {
    const response = await app.inject("/api/papers/search?q=nash+equilibria&limit=3");
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      paper: { id: string; title: string; summary: string; authors: { name: string }[] };
      title: string;
    }[];
    expect(body.length).toBeLessThanOrEqual(3);
    expect(body[0]?.paper.id).toBe("2606.26564");
    expect(body[0]?.paper.authors[0]?.name).toBe("Shravan Luckraz");
    expect(body[0]?.title).toBe(body[0]?.paper.title);
    expect(Number(response.headers["x-total-count"])).toBeGreaterThan(0);
    // The entries of /api/daily_papers, field for field: HF's clients read both alike.
    expectHfDailyShape(body);
    expect(Date.parse((body[0] as unknown as { publishedAt: string }).publishedAt)).not.toBeNaN();
    const filtered = (
      await app.inject("/api/papers/search?q=games&mode=keyword&cat=cs.GR")
    ).json() as unknown[];
    expect(filtered).toHaveLength(0);
    expect((await app.inject("/api/papers/search?q=x&limit=121")).statusCode).toBe(400);
    expect((await app.inject(`/api/papers/search?q=${"x".repeat(251)}`)).statusCode).toBe(400);
    expect((await app.inject("/api/papers/search?q=x&mode=bad")).json()).toMatchObject({ error: "invalid" });
  });

  it("lists similar papers on the paper page and in the API", async () => {
    const page = await app.inject("/papers/2606.26564");
    expect(page.body).toContain("Similar papers");
    const similar = await app.inject("/api/papers/2606.26564/similar?limit=4");
    const body = similar.json() as { paper: { id: string } }[];
    expect(body).toHaveLength(4);
    expect(body.map((e) => e.paper.id)).not.toContain("2606.26564");
    expectHfDailyShape(body);
    expect((await app.inject("/api/papers/2101.00001/similar")).statusCode).toBe(404);
  });

  it("finds a newly indexed paper among a paper's similar papers once the index holds it", async () => {
    const near = async () =>
      (
        (await app.inject("/api/papers/2606.26564/similar?limit=3")).json() as { paper: { id: string } }[]
      ).map((entry) => entry.paper.id);
    expect(await near()).not.toContain("2606.99997");
    // A twin of the paper arrives: once this process has indexed its vector, it is the nearest.
    const original = listingPapers().find((paper) => paper.record.id === "2606.26564");
    if (!original) throw new Error("fixture lacks 2606.26564");
    await storePapers(instance, [{ ...original, record: { ...original.record, id: "2606.99997" } }]);
    await instance.services.semantic.refresh();
    expect((await near())[0]).toBe("2606.99997");
  });
});
