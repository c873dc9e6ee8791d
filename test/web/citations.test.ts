import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { addPapers, loadListingFixture, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const HOSTILE_TITLE = '</script><script>alert(1)</script> & "quotes" [link](javascript:x) `code`';

describe.each(BACKENDS)("citations: Markdown, BibTeX, citation_* tags and JSON-LD (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(
      instance.services,
      [
        paperRecord("2606.99002", {
          title: HOSTILE_TITLE,
          abstract: "An abstract with <b>markup</b>\u2028and a line separator. Code: https://github.com/a/b",
          doi: "10.1000/xyz",
        }),
        paperRecord("hep-th/9901001", { title: "Old style", published: "1999-01-04T10:00:00Z" }),
      ],
      "2026-06-30",
    );
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("serves a paper as Markdown with title, authors, abstract and links", async () => {
    const response = await app.inject("/papers/2606.26139v2.md");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(response.body).toMatch(/^# Multiscale Exit-Join Dynamics: Tactical Consensus/);
    expect(response.body).toContain("Authors: Quanyan Zhu");
    expect(response.body).toContain("## Abstract\n\nThis paper develops a multiscale model");
    expect(response.body).toContain("- arXiv: <https://arxiv.org/abs/2606.26139>");
    const old = await app.inject("/papers/hep-th/9901001.md");
    expect(old.body).toMatch(/^# Old style/);
  });

  it("escapes what would turn Markdown into HTML, links or code", async () => {
    const body = (await app.inject("/papers/2606.99002.md")).body;
    expect(body).not.toContain("<script>");
    expect(body).toContain("\\</script\\>");
    expect(body).toContain("\\[link\\](javascript:x)");
    expect(body).toContain("- Code: <https://github.com/a/b>");
  });

  it("serves BibTeX for a paper, old-style ids too", async () => {
    const response = await app.inject("/papers/2606.26139/bibtex");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/x-bibtex; charset=utf-8");
    expect(response.body).toMatch(/^@misc\{zhu2026multiscale,\n {2}title = \{\{Multiscale/);
    const old = await app.inject("/papers/hep-th/9901001/bibtex");
    expect(old.body).toContain("eprint = {hep-th/9901001}");
    expect(old.body).toContain("year = {1999}");
  });

  it("serves BibTeX for a day, a week and a month", async () => {
    const count = async (url: string) => {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      return response.body.match(/^@misc\{/gm)?.length ?? 0;
    };
    expect(await count("/papers/date/2026-06-30/bibtex")).toBe(62);
    expect(await count("/papers/week/2026-W27/bibtex")).toBe(122);
    expect(await count("/papers/month/2026-06/bibtex")).toBe(182);
    expect(await count("/papers/date/2026-05-01/bibtex")).toBe(0);
  });

  it.each([
    ["/papers/2101.99999.md", 404],
    ["/papers/2101.99999/bibtex", 404],
    ["/papers/nonsense.md", 400],
    ["/papers/date/2026-02-30/bibtex", 400],
    ["/papers/week/2026-W99/bibtex", 400],
    ["/papers/month/2026-00/bibtex", 400],
  ])("answers %s with %i", async (url, status) => {
    expect((await app.inject(url)).statusCode).toBe(status);
  });

  it("puts citation_* tags in the paper page", async () => {
    const body = (await app.inject("/papers/hep-th/9901001")).body;
    expect(body).toContain('<meta name="citation_title" content="Old style"/>');
    expect(body).toContain('<meta name="citation_author" content="Ada Lovelace"/>');
    expect(body).toContain('<meta name="citation_author" content="Alan Turing"/>');
    expect(body).toContain('<meta name="citation_publication_date" content="1999/01/04"/>');
    expect(body).toContain('<meta name="citation_arxiv_id" content="hep-th/9901001"/>');
    expect(body).toContain('<meta name="citation_pdf_url" content="https://arxiv.org/pdf/hep-th/9901001"/>');
  });

  it("embeds ScholarlyArticle JSON-LD that no title can break out of", async () => {
    const body = (await app.inject("/papers/2606.99002")).body;
    const scripts = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const json = scripts[0]?.[1] ?? "";
    expect(json).not.toMatch(/[<>\u2028]/);
    const article = JSON.parse(json);
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      headline: HOSTILE_TITLE,
      author: [
        { "@type": "Person", name: "Ada Lovelace" },
        { "@type": "Person", name: "Alan Turing" },
      ],
      identifier: { propertyID: "arXiv", value: "2606.99002" },
      sameAs: ["https://arxiv.org/abs/2606.99002", "https://doi.org/10.1000/xyz"],
      datePublished: "2026-06-20T12:00:00Z",
    });
    expect(article.abstract).toContain("<b>markup</b>\u2028and");
    expect(body).not.toContain("<script>alert(1)");
  });
});
