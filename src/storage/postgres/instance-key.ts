import { createHash } from "node:crypto";
import type pg from "pg";

const PLACE = `select current_database() as database, concat_ws(' ', d.oid, current_schema(), n.oid) as place
  from pg_database d, pg_namespace n where d.datname = current_database() and n.nspname = current_schema()`;

/**
 * A name for the database and schema that `url` reaches, the same for every process and every restart, and
 * different for any other: the server's address, the database and schema by name and by object id. A database
 * or schema dropped and made again gets new ids, so files kept for the old one are never taken for the new one.
 */
export async function postgresInstanceKey(pool: pg.Pool, url: string): Promise<string> {
  const { rows } = await pool.query<{ database: string; place: string }>(PLACE);
  const parsed = new URL(url);
  const server = `${parsed.hostname}:${parsed.port}:${parsed.searchParams.get("host") ?? ""}`;
  const row = rows[0] ?? { database: "", place: "" };
  const digest = createHash("sha256").update(`${server}\n${row.database}\n${row.place}`).digest("hex");
  return `${row.database.replace(/[^a-z0-9]+/gi, "_")}-${digest.slice(0, 16)}`;
}
