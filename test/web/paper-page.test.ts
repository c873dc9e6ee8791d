import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { addPapers } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const VERSIONED = paperRecord("2606.00011", {
  title: "A \\emph{sharp} bound -- for $\\ell_2$ regression",
  abstract:
    "We prove a \\textbf{tight} result; see \\url{https://example.org/notes}. Code at https://github.com/lab/sharp.",
  comment: "12 pages, $O(n)$ space. Project page: https://lab.example.org/sharp",
  versions: [
    { version: 1, created: "2026-06-01T12:00:00.000Z" },
    { version: 3, created: "2026-06-20T08:00:00.000Z" },
    { version: 2, created: "2026-06-10T08:00:00.000Z" },
  ],
});
// As the listing corpus (the demo) has them: no versions, no dates, code on GitLab.
const UNDATED = paperRecord("2606.00012", {
  comment: "Code: https://gitlab.com/group/sub/tool/-/tree/main",
  versions: [],
  published: null,
  updated: null,
});

describe.each(BACKENDS)("the paper page (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-06-26T16:00:00Z") });
    await addPapers(instance.services, [VERSIONED, UNDATED], "2026-06-26");
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("puts arXiv, PDF, code, project page and Cite at the top, and the arXiv dates and versions", async () => {
    const body = (await app.inject("/papers/2606.00011")).body;
    const actions = /<nav class="paper-actions"[^>]*>(.*?)<\/nav>/s.exec(body)?.[1] ?? "";
    expect(actions).toContain('href="https://arxiv.org/abs/2606.00011"');
    expect(actions).toContain('href="https://arxiv.org/pdf/2606.00011"');
    expect(actions).toMatch(/href="https:\/\/github.com\/lab\/sharp"[^>]*>Code</);
    expect(actions).toMatch(/href="https:\/\/lab.example.org\/sharp"[^>]*>Project page</);
    expect(body.indexOf('class="paper-actions"')).toBeLessThan(body.indexOf('id="abstract-heading"'));
    expect(body).toMatch(
      /Submitted to arXiv on <time datetime="2026-06-01T12:00:00.000Z">June 1, 2026<\/time> \(v1\)/,
    );
    expect(body).toMatch(
      /latest: <a href="https:\/\/arxiv.org\/abs\/2606.00011v3">v3<\/a> of <time[^>]*>June 20, 2026/,
    );
  });

  it("has a Cite box with the BibTeX entry and a copy button", async () => {
    const body = (await app.inject("/papers/2606.00011")).body;
    const cite = /<section id="cite"(.*?)<\/section>/s.exec(body)?.[1] ?? "";
    // The key comes from the title's words, not its TeX commands.
    expect(cite).toContain("@misc{lovelace2026sharp,");
    expect(cite).toMatch(/eprint\s*=\s*\{2606.00011\}/);
    expect(cite).toMatch(/<button type="button" class="copy-button" data-copy="cite-0" hidden>Copy BibTeX/);
    expect(cite).toContain('href="/papers/2606.00011/bibtex"');
  });

  it("gives RIS and CSL-JSON in the Cite box, as their downloads have them", async () => {
    const body = (await app.inject("/papers/2606.00011")).body;
    const cite = /<section id="cite"(.*?)<\/section>/s.exec(body)?.[1] ?? "";
    const boxes = [...cite.matchAll(/<summary>([^<]+)<\/summary><pre id="(cite-\d)">(.*?)<\/pre>/gs)];
    expect(boxes.map((b) => b[1])).toEqual(["BibTeX", "RIS", "CSL-JSON"]);
    const htmlText = (html: string) =>
      html
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    for (const [, label, id, text] of boxes) {
      const path = { BibTeX: "bibtex", RIS: "ris", "CSL-JSON": "csl-json" }[label ?? ""];
      const download = await app.inject(`/papers/2606.00011/${path}`);
      expect(htmlText(text ?? ""), label).toBe(download.body);
      expect(cite).toContain(`data-copy="${id}" hidden>Copy ${label}`);
      expect(cite).toContain(`href="/papers/2606.00011/${path}"`);
    }
    expect(htmlText(boxes[1]?.[3] ?? "")).toContain("TY  - UNPB");
    expect(JSON.parse(htmlText(boxes[2]?.[3] ?? ""))[0]).toMatchObject({
      id: "lovelace2026sharp",
      type: "article",
    });
  });

  it("renders TeX text commands as styling, math in the comment, and links in it", async () => {
    const body = (await app.inject("/papers/2606.00011")).body;
    expect(body).toContain("A <em>sharp</em> bound – for ");
    expect(body).toContain("<strong>tight</strong>");
    expect(body).toContain(
      '<a href="https://example.org/notes" rel="nofollow noopener">https://example.org/notes</a>',
    );
    // A bare address in the abstract is a link too, as in the comment; the sentence's full stop is not in it.
    expect(body).toContain('<a href="https://github.com/lab/sharp" rel="nofollow noopener">');
    const comments = /<dt>Comments<\/dt><dd>(.*?)<\/dd>/s.exec(body)?.[1] ?? "";
    expect(comments).toContain('class="katex"');
    expect(comments).toContain('<a href="https://lab.example.org/sharp" rel="nofollow noopener">');
    // BibTeX keeps them, as it should; nothing else shows them.
    const outsideCite = body.replace(/<section id="cite".*?<\/section>/s, "");
    expect(outsideCite).not.toMatch(/\\emph|\\textbf|\\url/);
  });

  it("carries Open Graph and Twitter card tags in plain text", async () => {
    const body = (await app.inject("/papers/2606.00011")).body;
    expect(body).toContain('<meta property="og:title" content="A sharp bound – for $\\ell_2$ regression"/>');
    expect(body).toContain('<meta property="og:url" content="http://127.0.0.1:3000/papers/2606.00011"/>');
    expect(body).toMatch(/<meta property="og:description" content="We prove a tight result/);
    expect(body).toContain('<meta name="twitter:card" content="summary"/>');
  });

  it("finds GitLab code and gives the id's month when the record has no dates", async () => {
    const body = (await app.inject("/papers/2606.00012")).body;
    expect(body).toMatch(/href="https:\/\/gitlab.com\/group\/sub\/tool"[^>]*>Code</);
    expect(body).toMatch(/Submitted to arXiv in <time datetime="2026-06">June 2026<\/time>/);
  });
});
