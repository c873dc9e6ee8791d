import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingPaper } from "../../src/core/paper.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import type { TestInstance } from "../helpers/services.js";
import { listingPapers, searchInstance, storePapers } from "./backends.js";

// Three papers hold both "quokka" and "numbat", two only "quokka"; their dates are in no order of relevance.
const HOLDING_BOTH = [
  { id: "2606.90101", title: "A quokka numbat for sparse solvers", published: "2026-03-02" },
  { id: "2606.90102", title: "Quokka numbat methods revisited", published: "2026-06-20" },
  { id: "2606.90103", title: "Counting on a quokka numbat", published: "2025-11-15" },
];
const HOLDING_ONE = [
  { id: "2606.90104", title: "Quokka populations on islands", published: "2026-05-01" },
  { id: "2606.90105", title: "Quokka foraging at night", published: "2026-01-09" },
];

function crafted(template: IncomingPaper, paper: { id: string; title: string; published: string }) {
  const record = {
    ...template.record,
    id: paper.id,
    title: paper.title,
    abstract: `${paper.title}. We study this question with care.`,
    published: `${paper.published}T12:00:00.000Z`,
    updated: `${paper.published}T12:00:00.000Z`,
  };
  return { ...template, record, featureOn: null };
}

/** The ids of the results on a search page, in order, with each one's label ("" when it matches). */
function results(body: string) {
  const cards = body.split('<article class="paper-card search-result"').slice(1);
  return cards.map((card) => ({
    id: card.match(/data-paper="([^"]+)"/)?.[1] ?? "",
    label: card.match(/<span class="result-kind">([^<]+)<\/span>/)?.[1] ?? "",
  }));
}

const text = (body: string) => body.replace(/<!-- -->/g, "");

describe.each(BACKENDS)("search says what it found (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await searchInstance(backend);
    const papers = listingPapers();
    const [template] = papers;
    if (!template) throw new Error("fixture is empty");
    const quokkas = [...HOLDING_BOTH, ...HOLDING_ONE].map((paper) => crafted(template, paper));
    // Papers with no arXiv date show the day sorting by date uses: the arXiv day that announced them, else the
    // listing day that featured them.
    const undated = (id: string, title: string) => {
      const paper = crafted(template, { id, title, published: "" });
      return { ...paper, record: { ...paper.record, published: null, updated: null } };
    };
    const featured = {
      ...undated("2606.90106", "Wallaby census"),
      announcedOn: null,
      featureOn: "2026-06-26",
    };
    const announced = { ...undated("2606.90107", "Wallaby sightings"), announcedOn: "2026-06-25" };
    await storePapers(instance, [...papers, ...quokkas, featured, announced]);
    await instance.services.semantic.refresh();
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("counts the papers holding every word, and labels those holding some of them", async () => {
    const body = text((await app.inject("/search?q=quokka+numbat&mode=keyword")).body);
    expect(body).toContain("3 papers match <q>quokka numbat</q>");
    expect(body).toContain("After them: papers with some of the words, each labelled.");
    const found = results(body);
    expect(found.slice(0, 3).map((r) => r.label)).toEqual(["", "", ""]);
    expect(new Set(found.slice(0, 3).map((r) => r.id))).toEqual(new Set(HOLDING_BOTH.map((p) => p.id)));
    expect(found.slice(3)).toEqual(
      expect.arrayContaining(HOLDING_ONE.map((p) => ({ id: p.id, label: "some of the words" }))),
    );
    expect(found).toHaveLength(5);
    const one = text((await app.inject("/search?q=quokka+foraging&mode=keyword")).body);
    expect(one).toContain("1 paper matches <q>quokka foraging</q>");
  });

  it("says no paper contains a word no paper holds, and lists nothing as related to a word it cannot place", async () => {
    for (const mode of ["hybrid", "keyword"]) {
      const body = text((await app.inject(`/search?q=zzqqxx&mode=${mode}`)).body);
      expect(body, mode).toContain("No paper contains <q>zzqqxx</q>");
      expect(results(body), mode).toEqual([]);
      expect(body, mode).not.toContain("newest first");
    }
  });

  it("labels hybrid search's semantic neighbours as related, after the matches they are fused with", async () => {
    const body = text((await app.inject("/search?q=quokka+numbat")).body);
    expect(body).toContain("3 papers match <q>quokka numbat</q>");
    const found = results(body);
    const both = new Set(HOLDING_BOTH.map((p) => p.id));
    const one = new Set(HOLDING_ONE.map((p) => p.id));
    for (const result of found) {
      const expected = both.has(result.id)
        ? ""
        : one.has(result.id)
          ? "some of the words"
          : "related in meaning";
      expect(result.label, result.id).toBe(expected);
    }
    expect(found.some((r) => r.label === "related in meaning")).toBe(true);
  });

  it("sorts the papers holding every word newest first, and links both orders", async () => {
    const body = text((await app.inject("/search?q=quokka+numbat&sort=date")).body);
    expect(results(body).map((r) => r.id)).toEqual(["2606.90102", "2606.90101", "2606.90103"]);
    expect(body).toContain("3 papers match <q>quokka numbat</q>");
    expect(body).toContain('<a href="/search?q=quokka+numbat">most relevant</a>');
    expect(body).toContain("<strong>newest first</strong>");
    const relevance = text((await app.inject("/search?q=quokka+numbat")).body);
    expect(relevance).toContain('<a href="/search?q=quokka+numbat&amp;sort=date">newest first</a>');
    const api = await app.inject("/api/papers/search?q=quokka+numbat&sort=date");
    expect(api.json().map((p: { paper: { id: string } }) => p.paper.id)).toEqual([
      "2606.90102",
      "2606.90101",
      "2606.90103",
    ]);
    expect((await app.inject("/search?q=quokka&sort=sideways")).statusCode).toBe(400);
  });

  it("claims no matches for semantic search, which ranks by meaning", async () => {
    const body = text((await app.inject("/search?q=quokka+numbat&mode=semantic")).body);
    expect(body).toContain("Papers nearest in meaning to <q>quokka numbat</q>");
    expect(body).not.toMatch(/papers match/);
    expect(body).not.toContain("newest first");
    expect(results(body).every((r) => r.label === "")).toBe(true);
  });

  it("shows each result's date, marks only the words searched for, and gives results the list keys' hooks", async () => {
    const { client } = await signedInClient(app, instance.services, "searcher@example.org");
    const body = text((await client.get("/search?q=quokka+numbat+for&mode=keyword")).body);
    expect(body).toContain('<time datetime="2026-03-02">2026-03-02</time>');
    const listed = text((await client.get("/search?q=wallaby&mode=keyword")).body);
    expect(listed).toContain(' · featured <time datetime="2026-06-26">2026-06-26</time>');
    expect(listed).toContain(' · announced <time datetime="2026-06-25">2026-06-25</time>');
    expect(body).toContain("A <mark>quokka</mark> <mark>numbat</mark> for sparse solvers");
    expect(body).toContain("(common words left out: for)");
    const first = results(body)[0]?.id;
    expect(body.includes(`<a href="/papers/${first}" data-paper-link>`)).toBe(true);
    expect(body.match(/<form[^>]* action="\/upvote"/g)).toHaveLength(results(body).length);
  });
});
