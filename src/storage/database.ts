import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
import type pg from "pg";
import type { Schema } from "./schema.js";

export type DialectName = "sqlite" | "postgres";

/**
 * What differs between the backends, declared once. Code that must branch on the backend asks these flags
 * rather than testing the URL.
 */
export interface Capabilities {
  readonly dialect: DialectName;
  /** Keyword search engine: FTS5 on SQLite, weighted tsvector + GIN on PostgreSQL. */
  readonly fullText: "fts5" | "tsvector";
  /** Whether several processes may share this database (then jobs need locks). */
  readonly sharedByProcesses: boolean;
  /**
   * Whether tables live in a named schema chosen by the connection (PostgreSQL's search_path): bookkeeping
   * tables such as the migration ledger must then be created in that schema explicitly.
   */
  readonly schemas: boolean;
  /**
   * Whether the server may have a vector extension (pgvector on PostgreSQL): then `detectPgvector` asks the
   * database whether it is installed, and nearest neighbours are searched there instead of in process memory.
   */
  readonly vectorExtension: boolean;
}

export type NativeHandle =
  | {
      readonly kind: "sqlite";
      readonly db: BetterSqlite3.Database;
      readonly file: string;
      /** Whether paperboy_bm25 (native/sqlite-rank.c) is loaded: BM25 with document counts Paperboy keeps. */
      readonly rankWithCounts: boolean;
    }
  | { readonly kind: "postgres"; readonly pool: pg.Pool };

/** An open database: the Kysely instance every repository takes first, plus what only bulk paths need. */
export interface Database {
  readonly kysely: Kysely<Schema>;
  readonly capabilities: Capabilities;
  /** The driver handle, for the dialect-specific bulk paths under storage/sqlite and storage/postgres only. */
  readonly native: NativeHandle;
  close(): Promise<void>;
}

/** Where semantic search finds nearest neighbours on PostgreSQL (VECTOR_ENGINE; docs/configuration.md). */
export const VECTOR_ENGINES = ["pgvector", "memory"] as const;
export type VectorEngine = (typeof VECTOR_ENGINES)[number];

export const SQLITE_CAPABILITIES: Capabilities = Object.freeze({
  dialect: "sqlite",
  fullText: "fts5",
  sharedByProcesses: false,
  schemas: false,
  vectorExtension: false,
});

export const POSTGRES_CAPABILITIES: Capabilities = Object.freeze({
  dialect: "postgres",
  fullText: "tsvector",
  sharedByProcesses: true,
  schemas: true,
  vectorExtension: true,
});
