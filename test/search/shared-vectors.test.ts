import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { LsaSource } from "../../src/search/embedders/lsa-source.js";
import { loadModel } from "../../src/storage/embeddings.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { listingPapers, storePapers } from "./backends.js";

const papers = listingPapers();

/** A paper made of another's words under a new id, so its nearest neighbour is known. */
function lookalike(id: string, index: number) {
  const source = papers[index]?.record;
  if (!source) throw new Error("fixture is too small");
  return {
    source: source.id,
    paper: incoming(paperRecord(id, { title: source.title, abstract: source.abstract })),
  };
}

/** Two processes' worth of services on one database: their own connections, their own vector index. */
describe.each(BACKENDS)("vectors shared through the database (%s)", (backend) => {
  let first: TestInstance;
  let second: TestInstance;
  beforeEach(async () => {
    first = await createTestInstance({ backend });
    second = await createTestInstance({ backend, databaseUrl: first.config.databaseUrl });
    await storePapers(first, papers);
  });
  afterEach(async () => {
    await second.dispose();
    await first.dispose();
  });

  it("trains one model between two processes starting at once, and stores it for both", async () => {
    // Both find no model, both train (each model has its own version); the first one stored wins for both.
    const models = await Promise.all(
      [first, second].map((instance) => new LsaSource(instance.services.database, systemClock).current()),
    );
    const stored = await loadModel(first.services.database, "lsa");
    expect(models.map((model) => model?.version)).toEqual([stored?.version, stored?.version]);
    await first.services.semantic.refresh();
    await second.services.semantic.refresh();
    expect(second.services.semantic.identity?.version).toBe(stored?.version);
    expect(second.services.semantic.size).toBe(papers.length);
    const id = papers[3]?.record.id ?? "";
    expect(await second.services.semantic.similar(id, 5)).toEqual(
      await first.services.semantic.similar(id, 5),
    );
  });

  it("loads the vectors another process stored instead of embedding them again", async () => {
    expect(await first.services.semantic.refresh()).toBe(papers.length);
    expect(await second.services.semantic.refresh()).toBe(0);
    expect(second.services.semantic.size).toBe(papers.length);

    const { source, paper } = lookalike("2607.99001", 7);
    await storePapers(first, [paper]);
    expect(await first.services.semantic.refresh()).toBe(1);
    // A paper's own vector is read from the database, so its similar papers show at once; the paper itself
    // joins the second process's index at its next refresh.
    expect((await second.services.semantic.similar("2607.99001", 3))[0]?.id).toBe(source);
    expect(second.services.semantic.size).toBe(papers.length);
    // The second process's next refresh finds the new vector through the revision counter.
    expect(await second.services.semantic.refresh()).toBe(0);
    expect(second.services.semantic.size).toBe(papers.length + 1);
    const near = await second.services.semantic.similar("2607.99001", 3);
    expect(near[0]?.id).toBe(source);
    const found = await second.services.semantic.searchText(paper.record.title, 2);
    expect(found.map((m) => m.id).sort()).toEqual(["2607.99001", source].sort());
    // What this process wrote itself is not indexed a second time when the counter passes it.
    expect(await first.services.semantic.refresh()).toBe(0);
    expect(first.services.semantic.size).toBe(papers.length + 1);
  });

  it("retrains beside the model in use; the other process answers with the old one until the swap", async () => {
    await first.services.semantic.refresh();
    await second.services.semantic.refresh();
    const before = second.services.semantic.identity?.version;
    const probe = papers[5]?.record ?? { id: "", title: "" };
    const oldAnswers = {
      text: (await second.services.semantic.searchText(probe.title, 3)).map((m) => m.id),
      similar: (await second.services.semantic.similar(probe.id, 3)).map((m) => m.id),
    };
    const during: { version?: string; size: number; text: string[]; similar: string[] }[] = [];
    const retrained = await first.services.semantic.retrain(async () => {
      // The new model's vectors are stored now, beside the old ones: the other process refreshes and searches.
      await second.services.semantic.refresh();
      during.push({
        version: second.services.semantic.identity?.version,
        size: second.services.semantic.size,
        text: (await second.services.semantic.searchText(probe.title, 3)).map((m) => m.id),
        similar: (await second.services.semantic.similar(probe.id, 3)).map((m) => m.id),
      });
    });
    expect(retrained).toBe(papers.length);
    expect(during).toEqual([{ version: before, size: papers.length, ...oldAnswers }]);
    const after = first.services.semantic.identity?.version;
    expect(after).not.toBe(before);
    expect(await second.services.semantic.refresh()).toBe(0);
    expect(second.services.semantic.identity?.version).toBe(after);
    expect(second.services.semantic.size).toBe(papers.length);
    expect((await second.services.semantic.searchText(probe.title, 1))[0]?.id).toBe(probe.id);
    // Both models' vectors are kept until the old one is retired.
    expect(await vectorCount(first)).toBe(2 * papers.length);
    expect(await first.services.semantic.forgetRetired()).toBe(papers.length);
    expect(await vectorCount(first)).toBe(papers.length);
  });

  it("resumes a retrain killed halfway with the candidate it stored, instead of training again", async () => {
    await first.services.semantic.refresh();
    const before = first.services.semantic.identity?.version;
    const killed = first.services.semantic.retrain(() => {
      throw new Error("killed after the first batch");
    });
    await expect(killed).rejects.toThrow("killed");
    expect(first.services.semantic.identity?.version).toBe(before);
    const candidate = await loadModel(first.services.database, "lsa.candidate");
    expect(candidate?.version).not.toBe(before);
    // The first batch (every paper of the fixture) was stored before the kill: the re-run embeds nothing again.
    expect(await second.services.semantic.retrain()).toBe(0);
    expect(second.services.semantic.identity?.version).toBe(candidate?.version);
    expect(await loadModel(first.services.database, "lsa.candidate")).toBeUndefined();
    expect(await second.services.semantic.searchText(papers[9]?.record.title ?? "", 1)).toHaveLength(1);
  });
});

async function vectorCount(instance: TestInstance): Promise<number> {
  const row = await instance.services.database.kysely
    .selectFrom("paper_embeddings")
    .select((c) => c.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
