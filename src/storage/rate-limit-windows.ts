import { sql } from "kysely";
import type { RateLimitCount, RateLimitStore } from "../security/rate-limit-store.js";
import type { Database } from "./database.js";

/** Finished windows are swept once in this many hits, so the table holds about the live keys only. */
const SWEEP_EVERY = 500;

/**
 * A rate-limit store in the database, for processes that share one: each hit is one atomic upsert that either
 * starts a new window or adds to the current one, so concurrent hits from any process are all counted.
 */
export function createDatabaseRateLimitStore(database: Database): RateLimitStore {
  let hits = 0;
  return {
    async hit(key, windowMs, nowMs): Promise<RateLimitCount> {
      hits += 1;
      if (hits % SWEEP_EVERY === 0)
        await database.kysely.deleteFrom("rate_limit_windows").where("reset_at_ms", "<=", nowMs).execute();
      const resetAtMs = (Math.floor(nowMs / windowMs) + 1) * windowMs;
      const row = await database.kysely
        .insertInto("rate_limit_windows")
        .values({ key, reset_at_ms: resetAtMs, count: 1 })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            count: sql`case when rate_limit_windows.reset_at_ms <= ${nowMs} then 1
              else rate_limit_windows.count + 1 end`,
            reset_at_ms: sql`case when rate_limit_windows.reset_at_ms <= ${nowMs} then excluded.reset_at_ms
              else rate_limit_windows.reset_at_ms end`,
          }),
        )
        .returning(["count", "reset_at_ms"])
        .executeTakeFirstOrThrow();
      // PostgreSQL reads bigint as text.
      return { count: Number(row.count), resetAtMs: Number(row.reset_at_ms) };
    },
  };
}
