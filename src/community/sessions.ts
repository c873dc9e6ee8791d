import type { Config } from "../config.js";
import type { Clock } from "../core/clock.js";
import { hashSecret, randomSecret } from "../security/secret-hash.js";
import type { Database } from "../storage/database.js";
import {
  deleteSession,
  deleteSessionsOf,
  findLiveSession,
  insertSession,
  type LiveSession,
} from "../storage/sessions.js";

/** Sessions need the database, the clock, and how many days a session lasts. */
export type SessionDeps = {
  readonly database: Database;
  readonly clock: Clock;
  readonly config: Pick<Config, "community">;
};

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  readonly maxAgeSeconds: number;
}

export async function startSession(deps: SessionDeps, userId: number): Promise<NewSession> {
  const token = randomSecret();
  const maxAgeSeconds = deps.config.community.sessionDays * 86_400;
  const now = deps.clock.now();
  await insertSession(deps.database, {
    tokenHash: hashSecret(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
  });
  return { token, maxAgeSeconds };
}

/**
 * The live session a cookie's token opens, found by the token's hash (hashSecret: the caller has it already as
 * its key), or null when there is none or it has expired.
 */
export function liveSession(deps: SessionDeps, tokenHash: string): Promise<LiveSession | null> {
  return findLiveSession(deps.database, tokenHash, deps.clock.now().toISOString());
}

export function endSession(deps: SessionDeps, token: string): Promise<void> {
  return deleteSession(deps.database, hashSecret(token));
}

/** Signs an account out on every device: every session row goes. */
export function endEverySession(deps: SessionDeps, userId: number): Promise<number> {
  return deleteSessionsOf(deps.database, userId);
}
