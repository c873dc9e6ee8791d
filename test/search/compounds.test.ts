import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { indexPendingPapers, pendingKeywordIndex } from "../../src/storage/keyword-index-queue.js";
import { keywordSearch } from "../../src/storage/keyword-search.js";
import { keywordCompounds } from "../../src/storage/migrations/0850-keyword-compounds.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import type { TestInstance } from "../helpers/services.js";
import { sharedInstanceWith } from "../helpers/shared-instance.js";

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

const found = async (instance: TestInstance, ...groups: string[]) =>
  new Set((await keywordSearch(instance.services.database, keywordRequest(groups, false))).ids);

describe("hyphenated compounds in SQLite's keyword index", () => {
  const instance = sharedInstanceWith("sqlite", PAPERS);
  const foundHere = (...groups: string[]) => found(instance(), ...groups);

  it("finds a hyphenated word hyphenated or closed up, in titles and abstracts, not written apart", async () => {
    expect(await foundHere("In-Context")).toEqual(new Set([HYPHENATED, IN_ABSTRACT]));
    expect(await foundHere("pre-training")).toEqual(new Set([HYPHENATED, CLOSED_UP]));
    // A quoted phrase of the parts still finds them written apart (and, as parts, the hyphenated ones).
    expect(await foundHere("in context")).toEqual(new Set([HYPHENATED, APART, IN_ABSTRACT]));
  });

  it("finds a compound inside a longer one, and the longer one whole", async () => {
    expect(await foundHere("Vision-Language")).toEqual(new Set([LONGER, IN_ABSTRACT]));
    expect(await foundHere("Language-Action")).toEqual(new Set([LONGER]));
    expect(await foundHere("vision-language-action", "policies")).toEqual(new Set([LONGER]));
  });

  it("leaves phrases of the text itself as they were", async () => {
    expect(await foundHere("pre training schedules")).toEqual(new Set([HYPHENATED]));
    expect(await foundHere("schedules pretraining")).toEqual(new Set());
  });

  it("rewrites the whole index after migration 0850: queued, and found again once worked off", async () => {
    const { database } = instance().services;
    await database.kysely.transaction().execute((tx) => keywordCompounds.up(tx, database.capabilities));
    expect(await pendingKeywordIndex(database)).toBe(PAPERS.length);
    expect(await foundHere("In-Context")).toEqual(new Set());
    expect(await indexPendingPapers(database)).toBe(PAPERS.length);
    expect(await foundHere("In-Context")).toEqual(new Set([HYPHENATED, IN_ABSTRACT]));
    const { rows } = await sql<{ n: number }>`select count(*) as n from papers_fts`.execute(database.kysely);
    expect(Number(rows[0]?.n)).toBe(PAPERS.length);
  });
});

// PostgreSQL asks for a hyphenated word of letters by its lexemes, not as a phrase (storage/postgres/
// keyword-search.ts): the papers found must be exactly those the phrase finds.
describe.each(BACKENDS.filter((b) => b === "postgres"))("hyphenated words on PostgreSQL (%s)", (backend) => {
  const instance = sharedInstanceWith(backend, PAPERS);

  it("finds the papers that hold the word as the phrase does, not its parts written apart", async () => {
    const db = instance().services.database.kysely;
    for (const word of [
      "In-Context",
      "pre-training",
      "Vision-Language",
      "vision-language-action",
      "learning",
    ]) {
      const { rows } = await sql<{ id: string }>`select paper_id as id from paper_search
        where document @@ phraseto_tsquery('english', ${word})`.execute(db);
      const asPhrase = new Set(rows.map((row) => row.id));
      expect(await found(instance(), word), word).toEqual(asPhrase);
    }
    expect(await found(instance(), "In-Context")).toEqual(new Set([HYPHENATED, IN_ABSTRACT]));
    expect(await found(instance(), "in context")).toContain(APART);
  });

  // The papers are found by the compound's whole lexeme alone, but ranked by all its lexemes, the parts too.
  it("ranks them by every lexeme of the word, its parts included", async () => {
    const { database } = instance().services;
    const result = await keywordSearch(database, keywordRequest(["In-Context"], false));
    expect(result.ids.length).toBe(2);
    const { rows } = await sql<{ id: string; score: number }>`select paper_id as id,
        ts_rank(array[0.05, 0.2, 0.4, 1.0]::float4[], document, plainto_tsquery('english', 'In-Context'))::float8
          as score
      from paper_search where paper_id in (${sql.join(result.ids)})`.execute(database.kysely);
    const ranked = new Map(rows.map((row) => [row.id, Number(row.score)]));
    expect(result.scores).toEqual(result.ids.map((id) => ranked.get(id)));
    const { rows: alone } = await sql<{ score: number }>`select ts_rank(array[0.05, 0.2, 0.4, 1.0]::float4[],
        document, 'in-context'::tsquery)::float8 as score from paper_search where paper_id = ${result.ids[0]}`.execute(
      database.kysely,
    );
    expect(result.scores[0]).not.toBe(Number(alone[0]?.score));
  });
});
