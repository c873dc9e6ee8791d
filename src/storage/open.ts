import type { Database } from "./database.js";
import { dialectOfUrl, SUPPORTED_URLS } from "./database-url.js";
import { openPostgres } from "./postgres/open.js";
import { openSqlite } from "./sqlite/open.js";

/** Opens the database a DATABASE_URL names; the URL's scheme picks the backend. */
export function openDatabase(url: string): Database {
  const dialect = dialectOfUrl(url);
  if (dialect === "sqlite") return openSqlite(url);
  if (dialect === "postgres") return openPostgres(url);
  throw new Error(`unsupported database URL "${url}" (use ${SUPPORTED_URLS})`);
}
