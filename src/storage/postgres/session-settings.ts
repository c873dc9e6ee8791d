import type pg from "pg";

/**
 * What each connection of Paperboy's pools sets when it opens, before the pool lends it out (pg-pool's
 * `onConnect`, which it awaits: a `connect` listener's query would still be running when the first query
 * arrives, which pg queues but deprecates). JIT compilation off: the server compiles a query once its planned
 * cost passes jit_above_cost (100,000; inlining and optimisation past 500,000), which ranking every keyword match
 * does on a large archive (about 19,000 at 74,728 papers, growing with the matches). Forced at 74,728 papers,
 * compiling took 341 ms of an 811 ms ranking and saved nothing: the time goes to reading the documents, not to
 * evaluating expressions. A server without the setting (before PostgreSQL 11) refuses it, which changes nothing.
 *
 * No prefetching in bitmap scans (effective_io_concurrency 0): a keyword search visits a few thousand rows
 * scattered over the table, and asking ahead for each page cost more than reading it once the archive is in
 * memory: the newest 2,000 matches of "Policy Optimization" at 3,000,000 papers were found in 4.2-4.3 ms with
 * the default of 1 and 2.7-3.2 ms without. On a table read from storage one page asked ahead saves little.
 */
export const SESSION_SETTINGS = {
  onConnect: async (client: pg.ClientBase): Promise<void> => {
    await client.query("set jit = off").catch(() => undefined);
    await client.query("set effective_io_concurrency = 0");
  },
} satisfies pg.PoolConfig;
