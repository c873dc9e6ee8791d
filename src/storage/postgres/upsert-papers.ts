import type { Kysely } from "kysely";
import type { IncomingPaper } from "../../core/paper.js";
import type { Schema } from "../schema.js";
import type { UpsertCounts, UpsertOptions } from "../upsert-papers.js";

/** PostgreSQL's bulk path is written with the PostgreSQL storage (issue #8); until then it refuses clearly. */
export async function upsertPapersPostgres(
  _db: Kysely<Schema>,
  _papers: readonly IncomingPaper[],
  _options: UpsertOptions,
): Promise<UpsertCounts> {
  throw new Error("importing into PostgreSQL is not supported yet (issue #8)");
}
