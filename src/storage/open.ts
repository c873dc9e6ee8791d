import type { Database, VectorEngine } from "./database.js";
import { dialectOfUrl, SUPPORTED_URLS } from "./database-url.js";
import { openPostgres } from "./postgres/open.js";
import { openSqlite } from "./sqlite/open.js";

export interface OpenOptions {
  /**
   * Where semantic search finds nearest neighbours on PostgreSQL (VECTOR_ENGINE): "pgvector" in the database
   * where the extension is installed (otherwise in memory), "memory" in each process's own index regardless.
   */
  readonly vectorEngine?: VectorEngine;
}

/** Opens the database a DATABASE_URL names; the URL's scheme picks the backend. */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  const dialect = dialectOfUrl(url);
  if (dialect === "sqlite") return openSqlite(url);
  if (dialect === "postgres")
    return openPostgres(url, { vectorExtension: options.vectorEngine !== "memory" });
  throw new Error(`unsupported database URL "${url}" (use ${SUPPORTED_URLS})`);
}
