import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { conflict, isAppError } from "../core/errors.js";
import { cleanHandle, foldHandle, neutralHandle } from "../core/handle.js";
import { findAccountById, findAccountIdByHandle, updateHandle } from "../storage/accounts.js";
import type { Database } from "../storage/database.js";
import {
  findRetiredHandle,
  type RetiredHandle,
  releaseRetiredHandles,
  retiredHandlesOf,
  retireHandle,
} from "../storage/retired-handles.js";
import { inTransaction } from "../storage/transaction.js";

/** How long a handle an account gave up stays its own: long enough for old links to be followed and fixed. */
export const HANDLE_HOLD_DAYS = 365;
/** How many earlier handles an account keeps (redirecting, held); older ones are freed, so nobody hoards names. */
export const KEPT_HANDLES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

function stillHeld(retired: RetiredHandle, now: Date): boolean {
  return Date.parse(retired.retiredAt) + HANDLE_HOLD_DAYS * DAY_MS > now.getTime();
}

/** Whether an account may take `handle`: nobody else uses it, or gave it up within the hold. */
async function isFreeFor(database: Database, accountId: number | null, handle: string, now: Date) {
  const owner = await findAccountIdByHandle(database, handle);
  if (owner !== null && owner !== accountId) return false;
  const retired = await findRetiredHandle(database, handle);
  return !retired || retired.accountId === accountId || !stillHeld(retired, now);
}

/** A neutral handle for a new account (core/handle.ts says why it is random), unused and not held. */
export async function freshHandle(deps: { database: Database; clock: Clock }): Promise<string> {
  for (;;) {
    const handle = neutralHandle();
    if (await isFreeFor(deps.database, null, handle, deps.clock.now())) return handle;
  }
}

const taken = (handle: string) => conflict(`“${handle}” is taken: choose another handle`);

async function forgetOldHandles(database: Database, accountId: number) {
  const retired = await retiredHandlesOf(database, accountId);
  await releaseRetiredHandles(
    database,
    retired.slice(KEPT_HANDLES).map((old) => old.handle),
  );
}

/**
 * Gives the account the handle its owner typed. The old one keeps leading to the account (`/members/OLD`
 * redirects) and nobody else may take it for HANDLE_HOLD_DAYS; the owner may take it back at any time.
 */
export async function changeHandle(
  deps: { database: Database; clock: Clock },
  account: Account,
  text: string,
) {
  if (foldHandle(text) === account.handle) return account;
  const handle = cleanHandle(text);
  const now = deps.clock.now();
  try {
    await inTransaction(deps.database, async (tx) => {
      if (!(await isFreeFor(tx, account.id, handle, now))) throw taken(handle);
      await releaseRetiredHandles(tx, [handle]);
      await retireHandle(tx, {
        handle: account.handle,
        accountId: account.id,
        retiredAt: now.toISOString(),
        redirects: true,
      });
      await updateHandle(tx, account.id, handle);
      await forgetOldHandles(tx, account.id);
    });
  } catch (error) {
    // Two members taking one handle at once: the later update breaks the unique index.
    if (!isAppError(error) && !(await isFreeFor(deps.database, account.id, handle, now))) throw taken(handle);
    throw error;
  }
  return { ...account, handle };
}

/**
 * The member `/members/HANDLE` is about: the account using the handle now (whatever its case), or the one that
 * used it before, while that redirects. The page redirects whenever the handle typed is not the current one.
 */
export async function memberAt(deps: { database: Database }, handle: string): Promise<Account | null> {
  const current = await findAccountIdByHandle(deps.database, handle);
  const retired = current === null ? await findRetiredHandle(deps.database, handle) : null;
  const id = current ?? (retired?.redirects ? retired.accountId : null);
  return id === null ? null : findAccountById(deps.database, id);
}

/** The account's earlier handles that `/members/HANDLE` still leads from, newest first. */
export async function redirectingHandles(deps: { database: Database }, account: Account): Promise<string[]> {
  const retired = await retiredHandlesOf(deps.database, account.id);
  return retired.filter((old) => old.redirects).map((old) => old.handle);
}
