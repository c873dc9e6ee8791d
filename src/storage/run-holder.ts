import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "./database.js";
import { endedSessions, livenessTag } from "./postgres/liveness.js";

/**
 * Who holds a claim (a job run, a digest's delivery): `host:pid:nonce`, and on PostgreSQL also the tag of the
 * process's liveness session (`host:pid:nonce@pg123.456`). A later run takes over a claim at once when its
 * holder is provably dead, and waits for the claim's lease only when it cannot know.
 */
const PROCESS = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const HOLDER = /^([^:]+):(\d+):[0-9a-f]+(?:@(pg\d+\.\d+))?$/;

/** This process as a claim holder. */
export async function runHolder(database: Database): Promise<string> {
  const native = database.native;
  if (native.kind === "sqlite") return PROCESS;
  return `${PROCESS}@${await livenessTag(native.pool)}`;
}

/** Whether no process has this pid (one of another user's still counts as there). */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * The holders among `holders` that are provably dead: on this host with their process gone, or with their
 * PostgreSQL liveness session gone from the server. Holders of another host on SQLite, and names in an
 * older form, are never called dead: their claims wait out the lease.
 */
export async function deadHolders(database: Database, holders: readonly string[]): Promise<Set<string>> {
  const dead = new Set<string>();
  const sessions = new Map<string, string>();
  for (const holder of new Set(holders)) {
    const match = HOLDER.exec(holder);
    if (!match || holder.startsWith(PROCESS)) continue;
    if (match[1] === hostname() && processGone(Number(match[2]))) dead.add(holder);
    else if (match[3]) sessions.set(match[3], holder);
  }
  const native = database.native;
  if (native.kind === "postgres" && sessions.size > 0) {
    for (const tag of await endedSessions(native.pool, [...sessions.keys()])) {
      const holder = sessions.get(tag);
      if (holder) dead.add(holder);
    }
  }
  return dead;
}
