import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import { currentDeadline } from "../deadline.js";
import type { ReadPool } from "./read-pool.js";

/** A connection whose statements run on the pool's reader threads, under the current deadline. */
class ThreadConnection implements DatabaseConnection {
  constructor(private readonly pool: ReadPool) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const rows = await this.pool.run(query.sql, query.parameters, currentDeadline());
    return { rows: rows as R[] };
  }

  // biome-ignore lint/correctness/useYield: a reader streams nothing; the method exists for the interface.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("the search reader does not stream");
  }
}

function readOnly(): never {
  throw new Error("the search reader is read-only: it runs no transactions");
}

class ThreadDriver implements Driver {
  private readonly connection: ThreadConnection;
  constructor(private readonly pool: ReadPool) {
    this.connection = new ThreadConnection(pool);
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction() {
    readOnly();
  }
  async commitTransaction() {
    readOnly();
  }
  async rollbackTransaction() {
    readOnly();
  }
  async releaseConnection() {}
  async destroy() {
    await this.pool.close();
  }
}

/** Kysely's SQLite dialect with its statements sent to reader threads instead of run on this one. */
export class ThreadDialect implements Dialect {
  constructor(private readonly pool: ReadPool) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new ThreadDriver(this.pool);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
}
