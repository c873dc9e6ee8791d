import type { Database } from "./database.js";
import { openPostgres } from "./postgres/open.js";
import { openSqlite } from "./sqlite/open.js";

/** Opens the database a DATABASE_URL names; the URL's scheme picks the backend. */
export function openDatabase(url: string): Database {
  if (url.startsWith("sqlite:")) return openSqlite(url);
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return openPostgres(url);
  throw new Error(`unsupported database URL "${url}" (use sqlite:PATH or postgres://...)`);
}
