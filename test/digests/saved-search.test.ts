import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePaperSource } from "../../src/digests/sources.js";
import { getSummaries } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { FIXTURE_DAYS, loadFixturePapers } from "./helpers.js";

describe.each(BACKENDS)("a digest's saved search (%s)", (backend) => {
  let instance: TestInstance;
  const day = FIXTURE_DAYS[0];
  const period = { first: day, last: day };
  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadFixturePapers(instance);
  });
  afterAll(() => instance.dispose());

  const found = async (query: string) => {
    const source = databasePaperSource(instance.services.database);
    return getSummaries(instance.services.database, await source.search(period, query, 50));
  };
  const text = (p: { title: string; abstract: string }) => `${p.title} ${p.abstract}`.toLowerCase();

  it("speaks the search language and keeps to the period's papers", async () => {
    const plain = await found("language models");
    expect(plain.length).toBeGreaterThan(2);
    for (const paper of plain) {
      expect(paper.listingDay).toBe(day);
      expect(text(paper)).toMatch(/languag/);
      expect(text(paper)).toMatch(/model/);
    }
    const excluded = await found("language models -benchmark");
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.length).toBeLessThan(plain.length);
    for (const paper of excluded) expect(text(paper)).not.toMatch(/benchmark/);
    const filtered = await found("language cat:cs.CV");
    for (const paper of filtered) expect(paper.categories).toContain("cs.CV");
    expect(await found('"no such phrase anywhere in these papers"')).toEqual([]);
  });
});
