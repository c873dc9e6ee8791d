import type pg from "pg";

/**
 * What each connection of Paperboy's pools sets when it opens. JIT compilation off: the server compiles a query
 * once its planned cost passes jit_above_cost (100,000; inlining and optimisation past 500,000), which ranking
 * every keyword match does on a large archive (about 19,000 at 74,728 papers, growing with the matches). Forced
 * at 74,728 papers, compiling took 341 ms of an 811 ms ranking and saved nothing: the time goes to reading
 * the documents, not to evaluating expressions. A server without the setting (before PostgreSQL 11) refuses it,
 * which changes nothing.
 */
export function applySessionSettings(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    client.query("set jit = off").catch(() => undefined);
  });
}
