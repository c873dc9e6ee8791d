import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { invalid, notFound } from "../core/errors.js";
import { hashSecret, randomSecret } from "../security/secret-hash.js";
import {
  type ApiTokenRow,
  findAccountByTokenHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  revokeApiTokenById,
  touchApiToken,
} from "../storage/api-tokens.js";
import type { Database } from "../storage/database.js";

/** What this module reads and writes with: the database, and the clock for its stamps. */
type Deps = { readonly database: Database; readonly clock: Clock };

/** API tokens start with this, so a leaked one is recognisable (secret scanners key on such prefixes). */
export const API_TOKEN_PREFIX = "pb_";

/** Live tokens an account may hold at once: plenty for scripts, a bound on what one account can store. */
export const MAX_LIVE_TOKENS = 20;

/** Creates a token for scripts; the clear token is returned once and only its hash is kept. */
export async function createApiToken(deps: Deps, account: Account, rawName: string) {
  const name = rawName.trim();
  if (name.length < 1 || name.length > 80) throw invalid("a token's name is 1 to 80 characters");
  if ((await listApiTokens(deps.database, account.id)).length >= MAX_LIVE_TOKENS)
    throw invalid(`an account holds at most ${MAX_LIVE_TOKENS} tokens: revoke one you no longer use first`);
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const id = await insertApiToken(deps.database, {
    userId: account.id,
    name,
    tokenHash: hashSecret(token),
    now: deps.clock.now().toISOString(),
  });
  return { id, name, token };
}

export function apiTokensOf(deps: Deps, account: Account): Promise<ApiTokenRow[]> {
  return listApiTokens(deps.database, account.id);
}

export async function revokeToken(deps: Deps, account: Account, id: number): Promise<void> {
  const done = await revokeApiToken(deps.database, account.id, id, deps.clock.now().toISOString());
  if (!done) throw notFound("no such token (it may already be revoked)");
}

/** Revokes any account's token by id: the operator's `paperboy token revoke ID`. */
export async function revokeTokenById(deps: Deps, id: number): Promise<void> {
  const done = await revokeApiTokenById(deps.database, id, deps.clock.now().toISOString());
  if (!done) throw notFound(`no live token ${id} (it may already be revoked)`);
}

/** The account an API token stands for, or null for an unknown or revoked token. */
export async function accountOfApiToken(deps: Deps, token: string): Promise<Account | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = hashSecret(token);
  const account = await findAccountByTokenHash(deps.database, tokenHash);
  if (account) await touchApiToken(deps.database, tokenHash, deps.clock.now().toISOString());
  return account;
}
