import { sql } from "kysely";
import type { Database } from "./database.js";
import { nextRevision } from "./embedding-revisions.js";
import type { EmbedderIdentity, PaperText, RevisedVector, StoredVector } from "./embedding-types.js";
import { detectPgvector } from "./postgres/pgvector.js";
import { savePgvectors } from "./postgres/pgvector-vectors.js";
import { inTransaction } from "./transaction.js";

function toBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

function toVector(bytes: Uint8Array): Float32Array {
  const copy = Uint8Array.from(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

/**
 * Stores vectors made by one embedder identity, replacing what it stored for the same papers, under a new
 * revision of that embedder (returned). The revision counter's row stays locked until the commit, so revisions
 * become visible in the order they were handed out and a poller that saw revision N has every vector up to N.
 */
export async function saveVectors(
  database: Database,
  identity: EmbedderIdentity,
  vectors: readonly StoredVector[],
): Promise<number> {
  if (vectors.length === 0) return 0;
  return inTransaction(database, async (tx) => {
    const revision = await nextRevision(tx, identity.name);
    const rows = vectors.map((v) => ({
      paper_id: v.paperId,
      embedder: identity.name,
      version: identity.version,
      vector: toBytes(v.vector),
      revision,
    }));
    await tx.kysely
      .insertInto("paper_embeddings")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["embedder", "version", "paper_id"]).doUpdateSet((eb) => ({
          vector: eb.ref("excluded.vector"),
          revision: eb.ref("excluded.revision"),
        })),
      )
      .execute();
    const pgvector = await detectPgvector(tx);
    if (pgvector) await savePgvectors(tx, pgvector, identity, vectors);
    return revision;
  });
}

/**
 * The vectors of this embedder identity written after revision `after` (and up to `upTo`, when given); vectors
 * of other versions are ignored.
 */
export async function loadVectors(
  database: Database,
  identity: EmbedderIdentity,
  after = -1,
  upTo?: number,
): Promise<RevisedVector[]> {
  const rows = await database.kysely
    .selectFrom("paper_embeddings")
    .select(["paper_id", "vector", "revision"])
    .where("embedder", "=", identity.name)
    .where("version", "=", identity.version)
    .where("revision", ">", after)
    .$if(upTo !== undefined, (query) => query.where("revision", "<=", upTo ?? 0))
    .execute();
  return rows.map((row) => ({
    paperId: row.paper_id,
    vector: toVector(row.vector),
    revision: Number(row.revision),
  }));
}

/** One paper's vector from this embedder identity, or null. */
export async function storedVector(
  database: Database,
  identity: EmbedderIdentity,
  paperId: string,
): Promise<Float32Array | null> {
  const row = await database.kysely
    .selectFrom("paper_embeddings")
    .select("vector")
    .where("embedder", "=", identity.name)
    .where("paper_id", "=", paperId)
    .where("version", "=", identity.version)
    .executeTakeFirst();
  return row ? toVector(row.vector) : null;
}

/** The stored vectors of these papers (those that have one), in one read. */
export async function storedVectors(
  database: Database,
  identity: EmbedderIdentity,
  paperIds: readonly string[],
): Promise<Map<string, Float32Array>> {
  if (paperIds.length === 0) return new Map();
  const rows = await database.kysely
    .selectFrom("paper_embeddings")
    .select(["paper_id", "vector"])
    .where("embedder", "=", identity.name)
    .where("version", "=", identity.version)
    .where("paper_id", "in", paperIds)
    .execute();
  return new Map(rows.map((row) => [row.paper_id, toVector(row.vector)]));
}

/**
 * Papers that have no vector from this embedder identity yet, newest (greatest id) first. A caller going through
 * them batch by batch passes the last id it got as `cursor`: starting from the first paper every time probed
 * every paper already embedded again, which made embedding 75k papers quadratic (216 s instead of about 60).
 * Newest first because a day's new papers are the newest: with missingVectors' count a caller stops once it
 * has them all, where a walk in id order probed every paper before reaching them (2.9-3.6 s to find a day's 2,000
 * new papers at 3,000,000, of a 6.1 s embedding; under 0.4 s newest first).
 *
 * A bulk run (`order` "oldest") goes the other way, passing `after`: vectors are stored under their paper's id,
 * and SQLite's table of them fills its pages when rows arrive in id order but leaves them half empty when they
 * arrive in reverse (7.0 GB of vectors at 3,000,000 papers against 3.5 GB).
 */
export async function papersWithoutVectors(
  database: Database,
  identity: EmbedderIdentity,
  limit: number,
  cursor?: string,
  order: "newest" | "oldest" = "newest",
): Promise<PaperText[]> {
  const newest = order === "newest";
  // PostgreSQL turns NOT EXISTS into an anti-join and, expecting few papers to lack a vector, joined all
  // 3,000,000 papers to all their vectors by hash: 1.2-1.5 s a batch, 5.2 s of a day's 6-9 s embedding. An
  // OFFSET keeps the subquery a per-paper probe of the vectors' key, so the walk newest first stops at the
  // batch's end, as SQLite's does (which refuses OFFSET without LIMIT, and plans it so anyway): a day's
  // embedding at 3,000,000 papers went from 5.7-9.4 s to 1.5 s. A walk that finds nothing reads the whole
  // archive (7.3 s); callers stop once they hold the missing count.
  const probe = database.native.kind !== "sqlite";
  const missing = await database.kysely
    .selectFrom("papers as p")
    .select("p.id")
    .$if(cursor !== undefined, (query) => query.where("p.id", newest ? "<" : ">", cursor ?? ""))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("paper_embeddings as e")
            .select("e.paper_id")
            .whereRef("e.paper_id", "=", "p.id")
            .where("e.embedder", "=", identity.name)
            .where("e.version", "=", identity.version)
            .$if(probe, (query) => query.offset(0)),
        ),
      ),
    )
    .orderBy("p.id", newest ? "desc" : "asc")
    .limit(limit)
    .execute();
  if (missing.length === 0) return [];
  return database.kysely
    .selectFrom("papers")
    .select(["id", "title", "abstract"])
    .where(
      "id",
      "in",
      missing.map((row) => row.id),
    )
    .orderBy("id", newest ? "desc" : "asc")
    .execute();
}

/**
 * SQLite: the greatest row id of the papers table, which a new paper always raises (Paperboy never deletes a
 * paper, so no row id is handed out twice); read from the table's b-tree edge at once, where counting the
 * papers took 120-170 ms at 3,000,000. Null on PostgreSQL, whose rows have no such number.
 */
export async function newestPaperRow(database: Database): Promise<number | null> {
  if (database.native.kind !== "sqlite") return null;
  const { rows } = await sql<{ n: number | null }>`select max(rowid) as n from papers`.execute(
    database.kysely,
  );
  return rows[0]?.n ?? 0;
}

/**
 * How many papers have no vector from this embedder identity: two counts read from indexes alone (vectors are
 * deleted with their paper). Asked on every refresh before anything is looked for.
 */
export async function missingVectors(database: Database, identity: EmbedderIdentity): Promise<number> {
  const row = await database.kysely
    .selectNoFrom((eb) => [
      eb
        .selectFrom("papers")
        .select((c) => c.fn.countAll<number>().as("n"))
        .as("papers"),
      eb
        .selectFrom("paper_embeddings")
        .select((c) => c.fn.countAll<number>().as("n"))
        .where("embedder", "=", identity.name)
        .where("version", "=", identity.version)
        .as("vectors"),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.papers ?? 0) - Number(row.vectors ?? 0);
}

/** Every paper's text (benchmarks; training reads a sample through paperIdsAfter and paperTexts). */
export function allPaperTexts(database: Database): Promise<PaperText[]> {
  return database.kysely.selectFrom("papers").select(["id", "title", "abstract"]).orderBy("id").execute();
}

/** Up to `limit` paper ids after `after`, in id order: a walk over every paper that reads only the key. */
export async function paperIdsAfter(
  database: Database,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await database.kysely
    .selectFrom("papers")
    .select("id")
    .$if(after !== null, (query) => query.where("id", ">", after ?? ""))
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The texts of these papers, in id order. */
export async function paperTexts(database: Database, ids: readonly string[]): Promise<PaperText[]> {
  if (ids.length === 0) return [];
  return database.kysely
    .selectFrom("papers")
    .select(["id", "title", "abstract"])
    .where("id", "in", [...ids])
    .orderBy("id")
    .execute();
}

/**
 * Stores a trained model. `replace: false` keeps a model already there: processes that train at once on a
 * database without one then all adopt whichever was stored first.
 */
export async function saveModel(
  database: Database,
  model: { name: string; version: string; header: string; data: Uint8Array },
  now: string,
  options: { replace: boolean } = { replace: true },
): Promise<void> {
  const row = { ...model, created_at: now };
  await database.kysely
    .insertInto("embedder_models")
    .values(row)
    .onConflict((oc) =>
      options.replace ? oc.column("name").doUpdateSet(row) : oc.column("name").doNothing(),
    )
    .execute();
}

export function loadModel(database: Database, name: string) {
  return database.kysely
    .selectFrom("embedder_models")
    .select(["version", "header", "data"])
    .where("name", "=", name)
    .executeTakeFirst();
}
