import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingPaper } from "../../src/core/paper.js";
import { type SearchMode, type SearchRequest, searchPapers } from "../../src/search/search-papers.js";
import { countMatchesUpTo, wordFrequencies } from "../../src/storage/word-frequencies.js";
import { BACKENDS } from "../helpers/backends.js";
import type { TestInstance } from "../helpers/services.js";
import { listingPapers, searchInstance, storePapers } from "./backends.js";

const papers = listingPapers();

describe.each(BACKENDS)("search on %s", (backend) => {
  let instance: TestInstance;

  beforeAll(async () => {
    instance = await searchInstance(backend);
    await storePapers(instance, papers);
    await instance.services.semantic.refresh();
  });
  afterAll(async () => {
    await instance.dispose();
  });

  const search = (q: string, more: Partial<SearchRequest> = {}) =>
    searchPapers(
      { database: instance.services.database, semantic: instance.services.semantic },
      { q, mode: "keyword", offset: 0, limit: 50, ...more },
    );
  const ids = async (q: string, more: Partial<SearchRequest> = {}) =>
    (await search(q, more)).papers.map((p) => p.id);

  it("sends an arXiv id or URL to the paper, and says nothing for an unknown one", async () => {
    expect((await search("2606.26564")).goTo).toBe("2606.26564");
    expect((await search("https://arxiv.org/abs/2606.26564v2")).goTo).toBe("2606.26564");
    const unknown = await search("2101.00001");
    expect(unknown.goTo).toBeNull();
    expect(unknown.total).toBe(0);
  });

  it("puts the paper whose title is the query first, in every mode", async () => {
    for (const mode of ["keyword", "semantic", "hybrid"] as SearchMode[]) {
      expect((await ids("Learning Anonymous Pricing for Online Resource Allocation", { mode }))[0]).toBe(
        "2606.26651",
      );
      expect((await ids("almost efx in hypergraphs", { mode }))[0]).toBe("2606.26948");
    }
  });

  it("matches every word, with stemming, and then papers with some of the words", async () => {
    const found = await ids("anonymous prices");
    expect(found[0]).toBe("2606.26651");
    expect(found.length).toBeGreaterThan(1);
    expect(await ids("hypergraph")).toContain("2606.26948");
  });

  it("matches a quoted phrase only in order", async () => {
    expect(await ids('"Nash Equilibria"')).toContain("2606.26564");
    expect(await ids('"Equilibria Nash"')).not.toContain("2606.26564");
  });

  it("leaves out excluded words and phrases", async () => {
    const games = await ids("games");
    expect(games).toContain("2606.26564");
    expect(await ids("games -nash")).not.toContain("2606.26564");
    expect(await ids('games -"nash strategy"')).toContain("2606.26564");
    expect(await ids('games -"strategy nash"')).not.toContain("2606.26564");
  });

  it("matches either side of OR", async () => {
    const found = await ids("hypergraphs OR rendering");
    expect(found).toEqual(expect.arrayContaining(["2606.26948", "2606.26612"]));
  });

  it("filters by category, archive, author and date, with or without words", async () => {
    const graphics = await search("cat:cs.GR");
    expect(graphics.total).toBe(papers.filter((p) => p.record.categories.includes("cs.GR")).length);
    expect(await ids("cat:math")).toContain("2606.26564");
    expect(await ids('author:"andrew tate"')).toEqual(["2606.26612"]);
    expect(await ids("rendering author:Padilla")).toEqual(["2606.26612"]);
    const late = await search("after:2026-06-29");
    expect(late.total).toBe(papers.filter((p) => (p.featureOn ?? "") >= "2026-06-29").length);
    expect((await search("before:2026-06-26")).total).toBe(60);
    expect((await search("year:2025")).total).toBe(0);
    expect(await ids("games", { filters: { categories: ["cs.GR"] } })).not.toContain("2606.26564");
  });

  it("pages without repeats and counts every match", async () => {
    const all = await search("cat:cs.AI", { limit: 100 });
    const first = await search("cat:cs.AI", { limit: 30 });
    const second = await search("cat:cs.AI", { limit: 30, offset: 30 });
    expect(first.total).toBe(all.total);
    expect([...first.papers, ...second.papers].map((p) => p.id)).toEqual(
      all.papers.slice(0, 60).map((p) => p.id),
    );
  });

  it("answers garbage without failing", async () => {
    for (const q of [
      '"',
      "-",
      "OR",
      "AND NOT (",
      "*",
      "cat:",
      'author:"',
      "NEAR(a b)",
      "a:b:c",
      "\u0000",
      "😀",
      "'; drop table papers; --",
    ]) {
      for (const mode of ["keyword", "semantic", "hybrid"] as SearchMode[]) {
        await expect(search(q, { mode })).resolves.toBeDefined();
      }
    }
    expect((await search("")).total).toBe(0);
  });

  it("finds semantic neighbours and similar papers, never the paper itself", async () => {
    const semantic = await ids("equilibrium strategies in games", { mode: "semantic" });
    expect(semantic.length).toBeGreaterThan(5);
    const near = await instance.services.semantic.similar("2606.26564", 5);
    expect(near).toHaveLength(5);
    expect(near.map((m) => m.id)).not.toContain("2606.26564");
  });

  it("pulls a query's vector towards feedback papers, as hybrid does with the best keyword hit", async () => {
    const semantic = instance.services.semantic;
    const plain = (await semantic.searchText("equilibrium strategies in games", 20)).map((m) => m.id);
    const target = "2606.26651";
    expect(plain.slice(0, 3)).not.toContain(target);
    const fed = await semantic.searchText("equilibrium strategies in games", 20, {
      papers: [target],
      weight: 10,
    });
    expect(fed[0]?.id).toBe(target);
  });

  it("counts a word's papers up to a cap, as keyword search weighs common and rare words", async () => {
    const database = instance.services.database;
    const games = await countMatchesUpTo(database, "games", 10_000);
    expect(games).toBeGreaterThan(2);
    expect(games).toBe((await search("games")).total);
    expect(await countMatchesUpTo(database, "games", 2)).toBe(2);
    expect(await countMatchesUpTo(database, "zygomorphic", 10)).toBe(0);
    const remembered = await wordFrequencies(database, ["games", "zygomorphic"], 10_000);
    expect(Object.fromEntries(remembered)).toEqual({ games, zygomorphic: 0 });
  });

  it("keeps the keyword index in step with updates", async () => {
    const [first] = papers;
    if (!first) throw new Error("fixture is empty");
    const renamed: IncomingPaper = {
      ...first,
      record: {
        ...first.record,
        title: "Zygomorphic quokkas",
        authors: ["Ada Quokka"],
        versions: [{ version: 2, created: "2026-07-01T00:00:00Z" }],
      },
    };
    await storePapers(instance, [renamed]);
    expect(await ids("zygomorphic quokkas")).toEqual([first.record.id]);
    expect(await ids('author:"ada quokka"')).toEqual([first.record.id]);
    expect(await ids('"Multiscale Exit-Join Dynamics"')).not.toContain(first.record.id);
  });
});
