import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexPendingPapers, pendingKeywordIndex } from "../../src/storage/keyword-index-queue.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import { keywordCompounds } from "../../src/storage/migrations/0850-keyword-compounds.js";
import { keywordRequest } from "../helpers/keyword.js";
import { importPapers, incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const HYPHENATED = "2606.00001";
const CLOSED_UP = "2606.00002";
const APART = "2606.00003";
const LONGER = "2606.00004";
const IN_ABSTRACT = "2606.00005";

const PAPERS = [
  paperRecord(HYPHENATED, { title: "In-Context Learning of Pre-Training Schedules" }),
  paperRecord(CLOSED_UP, { title: "Pretraining Schedules Without Decay" }),
  paperRecord(APART, { title: "Learning in context from pre training data" }),
  paperRecord(LONGER, { title: "Quantised Vision-Language-Action Policies" }),
  paperRecord(IN_ABSTRACT, {
    title: "Robot policies",
    abstract: "We study vision-language models as in-context planners.",
  }),
].map((record) => incoming(record));

describe("hyphenated compounds in SQLite's keyword index", () => {
  let instance: TestInstance;
  const found = async (...groups: string[]) =>
    new Set((await keywordSearch(instance.services.database, keywordRequest(groups, false))).ids);
  beforeAll(async () => {
    instance = await createTestInstance({ backend: "sqlite" });
    await importPapers(instance.services.database, PAPERS);
  });
  afterAll(async () => {
    await instance.dispose();
  });

  it("finds a hyphenated word hyphenated or closed up, in titles and abstracts, not written apart", async () => {
    expect(await found("In-Context")).toEqual(new Set([HYPHENATED, IN_ABSTRACT]));
    expect(await found("pre-training")).toEqual(new Set([HYPHENATED, CLOSED_UP]));
    // A quoted phrase of the parts still finds them written apart (and, as parts, the hyphenated ones).
    expect(await found("in context")).toEqual(new Set([HYPHENATED, APART, IN_ABSTRACT]));
  });

  it("finds a compound inside a longer one, and the longer one whole", async () => {
    expect(await found("Vision-Language")).toEqual(new Set([LONGER, IN_ABSTRACT]));
    expect(await found("Language-Action")).toEqual(new Set([LONGER]));
    expect(await found("vision-language-action", "policies")).toEqual(new Set([LONGER]));
  });

  it("leaves phrases of the text itself as they were", async () => {
    expect(await found("pre training schedules")).toEqual(new Set([HYPHENATED]));
    expect(await found("schedules pretraining")).toEqual(new Set());
  });

  it("rewrites the whole index after migration 0850: queued, and found again once worked off", async () => {
    const { database } = instance.services;
    await database.kysely.transaction().execute((tx) => keywordCompounds.up(tx, database.capabilities));
    expect(await pendingKeywordIndex(database)).toBe(PAPERS.length);
    expect(await found("In-Context")).toEqual(new Set());
    expect(await indexPendingPapers(database)).toBe(PAPERS.length);
    expect(await found("In-Context")).toEqual(new Set([HYPHENATED, IN_ABSTRACT]));
    const { rows } = await sql<{ n: number }>`select count(*) as n from papers_fts`.execute(database.kysely);
    expect(Number(rows[0]?.n)).toBe(PAPERS.length);
  });
});
