import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import type { Schema } from "../schema.js";

/** Where the pgvector extension lives in the database (its schema qualifies the type and operators). */
export interface Pgvector {
  readonly schema: string;
}

const detected = new WeakMap<object, Promise<Pgvector | null>>();

/**
 * pgvector, when the database has the extension installed (`create extension vector`, by an operator): detected
 * once per connection pool. Then vectors are also kept in `paper_vectors` (a derived table, rebuilt from
 * paper_embeddings) and nearest neighbours are found there through an HNSW index instead of in process memory.
 */
export function detectPgvector(database: Database): Promise<Pgvector | null> {
  const native = database.native;
  if (!database.capabilities.vectorExtension || native.kind !== "postgres") return Promise.resolve(null);
  let found = detected.get(native.pool);
  if (!found) {
    found = detect(database);
    detected.set(native.pool, found);
  }
  return found;
}

async function detect(database: Database): Promise<Pgvector | null> {
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'vector'`.execute(database.kysely);
  const schema = rows[0]?.schema;
  if (!schema) return null;
  const vector = sql`${sql.id(schema)}.vector`;
  await locked(database, async (trx) => {
    await sql`create table if not exists paper_vectors (
      embedder text not null,
      paper_id text not null references papers (id) on delete cascade,
      version text not null,
      embedding ${vector} not null,
      primary key (embedder, version, paper_id))`.execute(trx);
    // Tables made before a retrained model's vectors were kept beside the old ones had no version in the key.
    await sql`do $$ begin
      if not exists (select 1 from pg_constraint where conrelid = 'paper_vectors'::regclass
        and contype = 'p' and cardinality(conkey) = 3) then
        alter table paper_vectors drop constraint paper_vectors_pkey,
          add primary key (embedder, version, paper_id);
      end if;
    end $$`.execute(trx);
  });
  return { schema };
}

function indexName(embedder: { name: string; dimensions: number }): string {
  if (!/^[a-z0-9_]+$/.test(embedder.name)) throw new Error(`embedder name ${embedder.name} is not plain`);
  return `paper_vectors_${embedder.name}_${embedder.dimensions}`;
}

/** One HNSW index per embedder and dimension count, made the first time that embedder's vectors are used. */
export async function ensurePgvectorIndex(
  database: Database,
  pgvector: Pgvector,
  embedder: { name: string; dimensions: number },
): Promise<void> {
  const name = indexName(embedder);
  await locked(database, async (trx) => {
    await sql`create index if not exists ${sql.id(name)} on paper_vectors using hnsw
      ((${typed(pgvector, embedder.dimensions)}) ${sql.id(pgvector.schema)}.vector_cosine_ops)
      where ${partial(pgvector, embedder)}`.execute(trx);
  });
}

/**
 * Drops the embedder's HNSW index for a bulk run, which builds it again at its end (ensurePgvectorIndex):
 * inserted one by one, vectors went into it at about 300 a second at 300,000 papers. Until it is back, nearest
 * neighbours are found by reading every vector. A process that starts meanwhile builds it at its load.
 */
export async function dropPgvectorIndex(
  database: Database,
  embedder: { name: string; dimensions: number },
): Promise<void> {
  const name = indexName(embedder);
  await locked(database, async (trx) => {
    await sql`drop index if exists ${sql.id(name)}`.execute(trx);
  });
}

/**
 * Processes starting at once would race on the catalog (two `create ... if not exists` can both try): under a
 * transaction-scoped advisory lock one creates and the others wait, then find it there.
 */
async function locked(database: Database, work: (trx: Kysely<Schema>) => Promise<void>): Promise<void> {
  const run = async (trx: Kysely<Schema>) => {
    await sql`select pg_advisory_xact_lock(hashtext('paperboy.paper_vectors'))`.execute(trx);
    await work(trx);
  };
  if (database.kysely.isTransaction) await run(database.kysely);
  else await database.kysely.transaction().execute(run);
}

/** The column cast to a fixed dimension count, as the index and the queries must spell it alike. */
export function typed(pgvector: Pgvector, dimensions: number) {
  return sql`(embedding::${sql.id(pgvector.schema)}.vector(${sql.lit(dimensions)}))`;
}

/** The index's predicate: only this embedder's rows of this dimension count. */
export function partial(pgvector: Pgvector, embedder: { name: string; dimensions: number }) {
  return sql`embedder = ${sql.lit(embedder.name)}
    and ${sql.id(pgvector.schema)}.vector_dims(embedding) = ${sql.lit(embedder.dimensions)}`;
}

/** pgvector's text form of a vector: `[0.1,0.2,...]`. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(",")}]`;
}
