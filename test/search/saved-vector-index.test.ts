import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedVectors } from "../../src/storage/embeddings.js";
import { postgresInstanceKey } from "../../src/storage/postgres/instance-key.js";
import { BACKENDS, createIsolatedDatabase, TEST_DATABASE_URL } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { listingPapers, storePapers } from "./backends.js";

const papers = listingPapers();
const probes = papers.slice(0, 12).map((paper) => paper.record);

/**
 * Gives every stored vector the next paper's, revisions kept: an index rebuilt from the table would then answer
 * a paper's vector with another paper, and one restored from the saved snapshot still with the paper itself.
 * (Searches rank their candidates again by the stored vectors, so the index is asked directly.)
 */
async function shuffleStoredVectors(instance: TestInstance): Promise<void> {
  const { kysely } = instance.services.database;
  const rows = await kysely
    .selectFrom("paper_embeddings")
    .select(["paper_id", "vector"])
    .orderBy("paper_id")
    .execute();
  for (const [i, row] of rows.entries()) {
    const next = rows[(i + 1) % rows.length]?.vector ?? row.vector;
    await kysely
      .updateTable("paper_embeddings")
      .set({ vector: next })
      .where("paper_id", "=", row.paper_id)
      .execute();
  }
}

/** The papers' vectors as stored now. */
async function vectorsOf(instance: TestInstance, ids: readonly string[]): Promise<Float32Array[]> {
  const { semantic, database } = instance.services;
  const identity = semantic.identity;
  if (!identity) throw new Error("no embedder yet");
  const stored = await storedVectors(database, identity, ids);
  return ids.map((id) => stored.get(id) ?? new Float32Array(0));
}

/** The ids the process's in-memory index itself ranks first for a vector. */
const indexTop = (instance: TestInstance, vector: Float32Array, k: number) =>
  (instance.services.semantic.vectors?.search(vector, k) ?? []).map((match) => match.id);

/** A process that starts on a database whose vector index another process saved (SQLite and PostgreSQL alike). */
describe.each(BACKENDS)("a saved vector index (%s)", (backend) => {
  const started: TestInstance[] = [];
  let first: TestInstance;
  let folder: string;
  const another = async () => {
    const env = { VECTOR_INDEX_DIR: folder };
    const instance = await createTestInstance({ backend, databaseUrl: first.config.databaseUrl, env });
    started.push(instance);
    return instance;
  };
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), "paperboy-saved-index-"));
    first = await createTestInstance({ backend, env: { VECTOR_INDEX_DIR: folder } });
    await storePapers(first, papers);
    await first.services.semantic.refresh();
    await first.services.semantic.saveIndex();
  });
  afterEach(async () => {
    for (const instance of started.splice(0)) await instance.dispose();
    await first.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("is restored by a process that starts later, which finds the same neighbours", async () => {
    const vectors = await vectorsOf(
      first,
      probes.map((probe) => probe.id),
    );
    const before = vectors.map((vector) => indexTop(first, vector, 3));
    await shuffleStoredVectors(first);
    const later = await another();
    expect(await later.services.semantic.refresh()).toBe(0);
    expect(later.services.semantic.size).toBe(papers.length);
    const after = vectors.map((vector) => indexTop(later, vector, 3));
    expect(after).toEqual(before);
    expect(after.map((ids) => ids[0])).toEqual(probes.map((probe) => probe.id));
  });

  it("catches up from a stale snapshot with the vectors stored after it", async () => {
    const source = papers[7]?.record ?? paperRecord("2601.00000");
    const [vector] = await vectorsOf(first, [source.id]);
    await shuffleStoredVectors(first);
    const lookalike = incoming(paperRecord("2607.99002", { title: source.title, abstract: source.abstract }));
    await storePapers(first, [lookalike]);
    expect(await first.services.semantic.refresh()).toBe(1);
    const later = await another();
    expect(await later.services.semantic.refresh()).toBe(0);
    expect(later.services.semantic.size).toBe(papers.length + 1);
    // The snapshot's vector of the source and the table's of its lookalike, stored after the snapshot: equal.
    expect(indexTop(later, vector ?? new Float32Array(0), 2).sort()).toEqual(
      [source.id, "2607.99002"].sort(),
    );
  });
});

describe.runIf(TEST_DATABASE_URL)("where a PostgreSQL instance's snapshot is kept (postgres)", () => {
  it("is named alike by every connection to one database and differently for another database", async () => {
    const schemas = [await createIsolatedDatabase(), await createIsolatedDatabase()];
    const pools = [schemas[0], schemas[0], schemas[1]].map(
      (schema) => new pg.Pool({ connectionString: schema?.url ?? "" }),
    );
    try {
      const keys = await Promise.all(
        pools.map((pool, i) => postgresInstanceKey(pool, (i < 2 ? schemas[0] : schemas[1])?.url ?? "")),
      );
      expect(keys[0]).toBe(keys[1]);
      expect(keys[2]).not.toBe(keys[0]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await Promise.all(schemas.map((schema) => schema.drop()));
    }
  });
});
