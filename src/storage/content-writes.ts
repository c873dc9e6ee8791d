import { sql } from "kysely";
import type { Database } from "./database.js";
import { withWriteLock } from "./sqlite/exclusive.js";

/**
 * Tables whose writes change no page: traffic's own bookkeeping (rate-limit counters every search writes,
 * sessions, used sign-in links, API tokens), the work ledgers of jobs and digests, the migrator's, the word counts
 * PostgreSQL's keyword index keeps beside `paper_search` (whose writes count), and the counters themselves. Every other
 * table counts, including one added later: a table missing here costs kept pages, never shows a stale one.
 */
export const NOT_SHOWN: ReadonlySet<string> = new Set([
  "content_writes",
  "session_ends",
  "kysely_migration",
  "kysely_migration_lock",
  "rate_limit_windows",
  "sessions",
  "used_sign_in_links",
  "api_tokens",
  "job_runs",
  "ingest_cursors",
  "deliveries",
  "sent_papers",
  "subscribe_requests",
  "search_words",
  "search_totals",
]);

const TRIGGER = "content_written";

/**
 * Puts the counting trigger on every table that counts and has none yet (run after each migration, so tables
 * that later migrations add are counted too). The data version (data-version.ts) is the sum of the counts.
 */
export async function countContentWrites(database: Database): Promise<void> {
  const native = database.native;
  if (native.kind === "sqlite") {
    await withWriteLock(native.db, async () => {
      const tables = native.db
        .prepare<[], { name: string }>(
          `select t.name from pragma_table_list as t
           where t.schema = 'main' and t.type = 'table' and t.name not like 'sqlite_%'
             and not exists (select 1 from sqlite_master as m
               where m.type = 'trigger' and m.name = '${TRIGGER}_' || t.name || '_insert')`,
        )
        .all();
      for (const { name } of tables.filter((table) => !NOT_SHOWN.has(table.name)))
        for (const event of ["insert", "update", "delete"])
          native.db.exec(`create trigger "${TRIGGER}_${name}_${event}" after ${event} on "${name}"
            begin update content_writes set writes = writes + 1; end`);
    });
    return;
  }
  await database.kysely.transaction().execute(async (trx) => {
    // Two processes migrating at once would otherwise both add a trigger to the same table.
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.content_writes'))`.execute(trx);
    const { rows } = await sql<{ name: string }>`select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = ${TRIGGER})`.execute(
      trx,
    );
    for (const { name } of rows.filter((table) => !NOT_SHOWN.has(table.name)))
      await sql`create trigger ${sql.raw(TRIGGER)} after insert or update or delete or truncate
        on ${sql.table(name)} for each statement execute function content_written()`.execute(trx);
  });
}
