import type { Database } from "./database.js";

export interface StoredVector {
  readonly paperId: string;
  readonly vector: Float32Array;
}

export interface EmbedderIdentity {
  readonly name: string;
  readonly version: string;
}

export interface PaperText {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
}

function toBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

function toVector(bytes: Uint8Array): Float32Array {
  const copy = Uint8Array.from(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

/** Stores vectors made by one embedder, replacing what that embedder stored for the same papers. */
export async function saveVectors(
  database: Database,
  identity: EmbedderIdentity,
  vectors: readonly StoredVector[],
): Promise<void> {
  if (vectors.length === 0) return;
  const rows = vectors.map((v) => ({
    paper_id: v.paperId,
    embedder: identity.name,
    version: identity.version,
    vector: toBytes(v.vector),
  }));
  await database.kysely
    .insertInto("paper_embeddings")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["embedder", "paper_id"]).doUpdateSet((eb) => ({
        version: eb.ref("excluded.version"),
        vector: eb.ref("excluded.vector"),
      })),
    )
    .execute();
}

/** Every vector of this embedder identity; vectors of older versions are ignored. */
export async function loadVectors(database: Database, identity: EmbedderIdentity): Promise<StoredVector[]> {
  const rows = await database.kysely
    .selectFrom("paper_embeddings")
    .select(["paper_id", "vector"])
    .where("embedder", "=", identity.name)
    .where("version", "=", identity.version)
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, vector: toVector(row.vector) }));
}

/** Papers that have no vector from this embedder identity yet, in a stable order. */
export async function papersWithoutVectors(
  database: Database,
  identity: EmbedderIdentity,
  limit: number,
): Promise<PaperText[]> {
  return database.kysely
    .selectFrom("papers as p")
    .leftJoin("paper_embeddings as e", (join) =>
      join
        .onRef("e.paper_id", "=", "p.id")
        .on("e.embedder", "=", identity.name)
        .on("e.version", "=", identity.version),
    )
    .select(["p.id", "p.title", "p.abstract"])
    .where("e.paper_id", "is", null)
    .orderBy("p.id")
    .limit(limit)
    .execute();
}

/** Every paper's text, for training an embedder on the instance's own corpus. */
export function allPaperTexts(database: Database): Promise<PaperText[]> {
  return database.kysely.selectFrom("papers").select(["id", "title", "abstract"]).orderBy("id").execute();
}

export async function saveModel(
  database: Database,
  model: { name: string; version: string; header: string; data: Uint8Array },
  now: string,
): Promise<void> {
  const row = { ...model, created_at: now };
  await database.kysely
    .insertInto("embedder_models")
    .values(row)
    .onConflict((oc) => oc.column("name").doUpdateSet(row))
    .execute();
}

export function loadModel(database: Database, name: string) {
  return database.kysely
    .selectFrom("embedder_models")
    .select(["version", "header", "data"])
    .where("name", "=", name)
    .executeTakeFirst();
}
