import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database.js";
import { loadVectors, papersWithoutVectors, saveVectors } from "../../src/storage/embeddings.js";
import { migrate } from "../../src/storage/migrate.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { oldShapeDatabase } from "../helpers/old-shape.js";
import { incoming, paperRecord } from "../helpers/papers.js";

const NEW_SHAPE = ["0520-embeddings-per-version"];
const IDS = ["2601.00001", "2601.00002", "2601.00003"];
const OLD = { name: "lsa", version: "old" };
const NEW = { name: "lsa", version: "new" };

const bytes = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

describe.each(BACKENDS)("vectors keyed by embedder version (%s)", (backend) => {
  const old = oldShapeDatabase(backend, NEW_SHAPE);
  let database: Database;
  beforeEach(async () => {
    database = old.database;
    await upsertPapers(
      database,
      IDS.map((id) => incoming(paperRecord(id))),
      { submitterId: null, source: "test", now: "2026-07-01T00:00:00.000Z" },
    );
    // As the old key stored them: one vector per embedder and paper, at revisions 1 and 2.
    await database.kysely
      .insertInto("paper_embeddings")
      .values(
        IDS.slice(0, 2).map((id, i) => ({
          paper_id: id,
          embedder: "lsa",
          version: "old",
          vector: bytes([i, 1]),
          revision: i + 1,
        })),
      )
      .execute();
  });

  it("keeps the stored vectors, then holds a second version's beside them", async () => {
    await migrate(database);
    const kept = await loadVectors(database, OLD);
    expect(kept.map((v) => [v.paperId, [...v.vector], v.revision])).toEqual([
      [IDS[0], [0, 1], 1],
      [IDS[1], [1, 1], 2],
    ]);
    expect((await papersWithoutVectors(database, OLD, 10)).map((p) => p.id)).toEqual([IDS[2]]);
    await saveVectors(database, NEW, [{ paperId: IDS[0] ?? "", vector: Float32Array.from([9, 9]) }]);
    expect((await loadVectors(database, OLD)).length).toBe(2);
    expect((await loadVectors(database, NEW)).map((v) => [...v.vector])).toEqual([[9, 9]]);
    expect((await papersWithoutVectors(database, NEW, 10)).map((p) => p.id)).toEqual(IDS.slice(1).reverse());
    // Batch by batch from a cursor, either way: newest first (a day's papers), oldest first (a bulk run).
    const ids = async (cursor: string | undefined, order: "newest" | "oldest") =>
      (await papersWithoutVectors(database, NEW, 1, cursor, order)).map((p) => p.id);
    expect(await ids(IDS[2], "newest")).toEqual([IDS[1]]);
    expect(await ids(undefined, "oldest")).toEqual([IDS[1]]);
    expect(await ids(IDS[1], "oldest")).toEqual([IDS[2]]);
    expect(await ids(IDS[2], "oldest")).toEqual([]);
    // A paper's vectors of every version go with it.
    await sql`delete from papers where id = ${IDS[0]}`.execute(database.kysely);
    expect((await loadVectors(database, NEW)).length).toBe(0);
    expect((await loadVectors(database, OLD)).map((v) => v.paperId)).toEqual([IDS[1]]);
  });
});
