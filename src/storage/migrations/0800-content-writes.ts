import { sql } from "kysely";
import type { Migration } from "./migration.js";

/** Rows of `content_writes` on PostgreSQL: concurrent writers each take a free one instead of waiting. */
const POSTGRES_SLOTS = 16;

/**
 * The data version's counter (storage/content-writes.ts): writes to the tables pages show are counted here, by
 * triggers, in the same transaction, so the count and what it counts become visible together to every process.
 */
export const contentWrites: Migration = {
  name: "0800-content-writes",
  async up(db, capabilities) {
    await db.schema
      .createTable("content_writes")
      .addColumn("slot", "integer", (c) => c.primaryKey())
      .addColumn("writes", "bigint", (c) => c.notNull())
      .execute();
    const slots = capabilities.dialect === "postgres" ? POSTGRES_SLOTS : 1;
    await db
      .insertInto("content_writes")
      .values(Array.from({ length: slots }, (_, slot) => ({ slot, writes: 0 })))
      .execute();
    if (capabilities.dialect !== "postgres") return;
    // Counted once per transaction, in a slot no other transaction holds (SKIP LOCKED): a writer never waits
    // for another's slot, so it cannot deadlock with it over the rows both write. When every slot is held, the
    // backend's own row (keyed by its negated pid, never handed out to others) takes the count.
    await sql`create function content_written() returns trigger
      language plpgsql set search_path from current as $$
      declare
        free integer;
      begin
        if current_setting('paperboy.content_written', true) = 'yes' then return null; end if;
        perform set_config('paperboy.content_written', 'yes', true);
        select slot into free from content_writes where slot >= 0
          order by (slot + pg_backend_pid()) % ${sql.lit(POSTGRES_SLOTS)} for update skip locked limit 1;
        if free is null then
          insert into content_writes (slot, writes) values (-pg_backend_pid(), 1)
            on conflict (slot) do update set writes = content_writes.writes + 1;
        else
          update content_writes set writes = writes + 1 where slot = free;
        end if;
        return null;
      end $$`.execute(db);
  },
};
