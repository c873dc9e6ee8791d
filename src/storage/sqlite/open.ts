import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { LRUCache } from "lru-cache";
import { type Database, SQLITE_CAPABILITIES } from "../database.js";
import { sqliteFileOfUrl } from "../database-url.js";
import type { Schema } from "../schema.js";
import { registerCompounds } from "./compounds.js";
import { loadExtension, RANK_EXTENSION } from "./native-extensions.js";

const PAGE_SIZE = 16384;

/** Turns `sqlite:data/paperboy.db`, `sqlite:///abs/path.db` or `sqlite::memory:` into a file name. */
export function sqliteFileFromUrl(url: string): string {
  const file = sqliteFileOfUrl(url);
  if (file === null) throw new Error(`"${url}" is not a sqlite: URL`);
  return file;
}

export function openSqlite(url: string): Database {
  const file = sqliteFileFromUrl(url);
  if (file !== ":memory:") {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new Error(`cannot create the folder of the database ${file} (${(error as Error).message})`);
    }
  }
  const db = new BetterSqlite3(file);
  // Takes effect only while the file is still empty (SQLite keeps an existing database's page size). 16 KB
  // pages hold several papers each where 4 KB pages held one or two, and a bulk import makes a quarter of
  // the page writes: measured on the whole shared corpus, 7.8 s with 4 KB pages, 6.4 s with 16 KB.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -65536");
  db.pragma("temp_store = MEMORY");
  // Writing keyword-index entries calls it (search-documents.ts).
  registerCompounds(db);
  // Reader threads load it too (read-worker.ts): one build makes both.
  const rankWithCounts = loadExtension(db, RANK_EXTENSION);
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: reusingStatements(db) }) });
  return {
    kysely,
    capabilities: SQLITE_CAPABILITIES,
    native: { kind: "sqlite", db, file, rankWithCounts },
    close: () => kysely.destroy(),
  };
}

// Distinct statements kept prepared: the queries Paperboy writes, with room for the varying lengths of `in (...)`.
const STATEMENTS_KEPT = 1000;

/**
 * The database as Kysely's SQLite driver sees it, with each statement prepared once. The driver prepares
 * every query it runs, which costs as much as running a small one (about 0.6 ms of a signed-in day page's
 * 12 ms). Reuse is safe: the driver runs one query at a time on its one connection, and SQLite re-prepares a
 * statement by itself when a migration changes the schema under it.
 */
function reusingStatements(db: BetterSqlite3.Database) {
  const prepared = new LRUCache<string, BetterSqlite3.Statement>({ max: STATEMENTS_KEPT });
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        prepared.set(sql, statement);
      }
      return statement;
    },
  };
}
