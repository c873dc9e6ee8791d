import { sql } from "kysely";
import type { Database } from "./database.js";
import type { EmbedderIdentity } from "./embedding-types.js";
import { detectPgvector } from "./postgres/pgvector.js";
import { inTransaction } from "./transaction.js";

/** Vectors deleted per statement, so that a writer waits for no long transaction. */
const FORGET_BATCH = 5_000;

/** A retrained model waits under this name until every paper has a vector from it (see search/semantic-index.ts). */
const candidateName = (name: string) => `${name}.candidate`;

interface StoredModelRow {
  readonly version: string;
  readonly header: string;
  readonly data: Uint8Array;
}

/** Stores a retrained model as the candidate of the embedder `name`, replacing an earlier candidate. */
export async function saveCandidateModel(
  database: Database,
  name: string,
  model: StoredModelRow,
  now: string,
): Promise<void> {
  const row = { ...model, name: candidateName(name), created_at: now };
  await database.kysely
    .insertInto("embedder_models")
    .values(row)
    .onConflict((oc) => oc.column("name").doUpdateSet(row))
    .execute();
}

/** The candidate a retrain stored and has not promoted yet, or undefined. */
export function loadCandidateModel(database: Database, name: string) {
  return database.kysely
    .selectFrom("embedder_models")
    .select(["version", "header", "data"])
    .where("name", "=", candidateName(name))
    .executeTakeFirst();
}

/** Makes the candidate of this version the model in use, in one transaction; false when it is gone. */
export async function promoteCandidateModel(
  database: Database,
  identity: EmbedderIdentity,
  now: string,
): Promise<boolean> {
  return inTransaction(database, async (tx) => {
    const found = await loadCandidateModel(tx, identity.name);
    if (found?.version !== identity.version) return false;
    const row = { name: identity.name, version: found.version, header: found.header, data: found.data };
    await tx.kysely
      .insertInto("embedder_models")
      .values({ ...row, created_at: now })
      .onConflict((oc) => oc.column("name").doUpdateSet({ ...row, created_at: now }))
      .execute();
    await tx.kysely.deleteFrom("embedder_models").where("name", "=", candidateName(identity.name)).execute();
    return true;
  });
}

/** Deletes this embedder's vectors of every other version, a batch at a time; returns how many. */
export async function forgetOtherVersions(database: Database, identity: EmbedderIdentity): Promise<number> {
  const pgvector = await detectPgvector(database);
  const tables = pgvector ? ["paper_embeddings", "paper_vectors"] : ["paper_embeddings"];
  let total = 0;
  for (const table of tables) {
    for (;;) {
      const { numAffectedRows } = await sql`delete from ${sql.table(table)}
        where embedder = ${identity.name} and version <> ${identity.version} and paper_id in (
          select paper_id from ${sql.table(table)} where embedder = ${identity.name}
          and version <> ${identity.version} limit ${FORGET_BATCH})`.execute(database.kysely);
      const deleted = Number(numAffectedRows ?? 0);
      if (table === "paper_embeddings") total += deleted;
      if (deleted === 0) break;
    }
  }
  return total;
}
