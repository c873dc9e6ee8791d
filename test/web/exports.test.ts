import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { addPapers, loadListingFixture, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** CSL-JSON as citation-js understands it: the fields every export must carry through. */
interface Csl {
  title?: string;
  author?: Partial<
    Record<"family" | "given" | "literal" | "non-dropping-particle" | "dropping-particle", string>
  >[];
  issued?: { "date-parts"?: number[][] };
  URL?: string;
  DOI?: string;
}

const HARD = paperRecord("2607.00001", {
  title: "Braces {and} 100% & $\\mathcal{O}(n)$ bounds: a } hostile title",
  authors: ["Ada Lovelace", "Johannes van der Waals", "Émile Borel"],
  doi: "10.1000/xyz-1",
  published: "2026-07-01T12:00:00Z",
});

/** Parses an export with citation-js (an independent, widely used parser) into CSL items. */
function parse(body: string): Csl[] {
  return new Cite(body).data as Csl[];
}

/** Names as written: BibTeX readers split "van der" off as a particle, the other formats keep it in `family`. */
const names = (item: Csl | undefined) =>
  (item?.author ?? []).map(
    (a) =>
      a.literal ??
      [a.given, a["dropping-particle"], a["non-dropping-particle"], a.family].filter(Boolean).join(" "),
  );

describe.each(BACKENDS)("citation exports on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(instance.services, [HARD], "2026-06-30");
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it.each(["bibtex", "ris", "csl-json"])(
    "keeps title, authors, year, link and DOI of one paper in %s",
    async (format) => {
      const response = await app.inject(`/papers/2607.00001/${format}`);
      expect(response.statusCode).toBe(200);
      const [item] = parse(response.body);
      // BibTeX readers interpret the LaTeX (math mode, groups), so compare without $ and braces.
      const title = item?.title?.replace(/[{}$]/g, "");
      expect(title).toContain("Braces and 100% & \\mathcalO(n) bounds: a");
      expect(title).toContain("hostile title");
      expect(names(item)).toEqual(["Ada Lovelace", "Johannes van der Waals", "Émile Borel"]);
      expect(item?.issued?.["date-parts"]?.[0]?.[0]).toBe(2026);
      expect(item?.URL).toBe("https://arxiv.org/abs/2607.00001");
      expect(item?.DOI).toBe("10.1000/xyz-1");
    },
  );

  it.each(["bibtex", "ris", "csl-json"])(
    "exports every paper of a day, a week and a search in %s",
    async (format) => {
      const day = parse((await app.inject(`/papers/date/2026-06-30/${format}`)).body);
      expect(day).toHaveLength(61);
      expect(new Set(day.map((item) => item.URL)).size).toBe(61);
      expect(parse((await app.inject(`/papers/week/2026-W27/${format}`)).body)).toHaveLength(121);
      const search = await app.inject(`/search/${format}?q=${encodeURIComponent("hostile title")}`);
      expect(parse(search.body).map((item) => item.URL)).toContain("https://arxiv.org/abs/2607.00001");
    },
  );

  it("exports a collection only to whoever may see it", async () => {
    const { client } = await signedInClient(app, instance.services, "ada@example.org");
    await client.get("/collections");
    const path = (await client.post("/collections", { name: "Export me" })).headers.location as string;
    const id = path.split("/")[2]?.split("-")[0] ?? "";
    for (const paper of ["2607.00001", "2606.26139"])
      await client.post(`/collections/${id}/papers`, { paper });
    const mine = await client.get(`${path}/ris`);
    expect(mine.headers["cache-control"]).toBe("no-store");
    expect(parse(mine.body).map((item) => item.URL)).toEqual([
      "https://arxiv.org/abs/2607.00001",
      "https://arxiv.org/abs/2606.26139",
    ]);
    expect((await app.inject(`${path}/bibtex`)).statusCode).toBe(404);
  });

  it("marks every paper of a list with COinS for Zotero's connector", async () => {
    const html = (await app.inject("/papers/date/2026-06-30")).body;
    const spans = [...html.matchAll(/<span class="Z3988" title="([^"]+)"/g)].map(
      (m) => new URLSearchParams((m[1] ?? "").replaceAll("&amp;", "&")),
    );
    expect(spans).toHaveLength(50);
    const hard = spans.find((fields) => fields.getAll("rft_id").includes("info:arxiv/2607.00001"));
    expect(hard?.get("rft.atitle")).toBe(HARD.title);
    expect(hard?.getAll("rft.au")).toEqual(HARD.authors);
    expect(hard?.get("rft.date")).toBe("2026-07-01");
    expect(html).toContain('class="cite-export"');
  });
});
