import { sql } from "kysely";
import type { Database } from "./database.js";

/** What a process compares with what it holds: the stored model's version and the latest vector revision. */
export interface EmbeddingWatermark {
  /** The stored model of a built-in embedder (null for embedders that keep none, such as http). */
  readonly model: string | null;
  readonly revision: number;
}

/** Hands out the embedder's next revision; inside the caller's transaction, its row stays locked until commit. */
export async function nextRevision(database: Database, embedder: string): Promise<number> {
  const row = await database.kysely
    .insertInto("embedding_revisions")
    .values({ embedder, revision: 1 })
    .onConflict((oc) =>
      oc.column("embedder").doUpdateSet({ revision: sql<number>`embedding_revisions.revision + 1` }),
    )
    .returning("revision")
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

/** Two primary-key reads in one round trip: cheap enough to poll every few seconds from every process. */
export async function embeddingWatermark(database: Database, embedder: string): Promise<EmbeddingWatermark> {
  const row = await database.kysely
    .selectNoFrom((eb) => [
      eb.selectFrom("embedder_models").select("version").where("name", "=", embedder).as("model"),
      eb.selectFrom("embedding_revisions").select("revision").where("embedder", "=", embedder).as("revision"),
    ])
    .executeTakeFirstOrThrow();
  return { model: row.model ?? null, revision: Number(row.revision ?? 0) };
}
