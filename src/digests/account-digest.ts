import type { Account } from "../core/account.js";
import { normaliseEmail } from "../core/email-address.js";
import { invalid } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import {
  confirmForAccount,
  findSubscriptionByEmail,
  hasActiveSubscription,
  insertSubscription,
  type Subscription,
} from "../storage/subscriptions.js";
import { DEFAULT_SETTINGS, newFeedKey } from "./subscribe.js";

export interface AccountDigestDeps {
  readonly database: Database;
  readonly clock: { now(): Date };
}

function accountEmail(account: Account): string | null {
  return account.email ? normaliseEmail(account.email) : null;
}

/** The digest subscription of a signed-in account's address, whoever made it, if there is one. */
export async function accountSubscription(
  database: Database,
  account: Account,
): Promise<Subscription | null> {
  const email = accountEmail(account);
  return email ? findSubscriptionByEmail(database, email) : null;
}

/** Whether a signed-in account's address gets the digests now (pages leave out their call to subscribe). */
export async function accountIsSubscribed(database: Database, account: Account): Promise<boolean> {
  const email = accountEmail(account);
  return email ? hasActiveSubscription(database, email) : false;
}

/**
 * Subscribes a signed-in account's address to the digests at once. No confirmation mail: signing in already
 * proved the reader receives mail there. An existing subscription of that address (pending, active or
 * unsubscribed) is confirmed and kept with its settings rather than duplicated.
 */
export async function subscribeAccount(deps: AccountDigestDeps, account: Account): Promise<Subscription> {
  const email = accountEmail(account);
  if (!email) throw invalid("this account has no email address to send digests to");
  const now = deps.clock.now().toISOString();
  const existing = await findSubscriptionByEmail(deps.database, email);
  if (existing) await confirmForAccount(deps.database, existing.id, account.id, now);
  else
    await insertSubscription(deps.database, {
      ...DEFAULT_SETTINGS,
      email,
      userId: account.id,
      feedKey: newFeedKey(),
      confirmedAt: now,
      now,
    });
  const subscription = await findSubscriptionByEmail(deps.database, email);
  if (!subscription) throw new Error(`the subscription of ${email} vanished while it was being confirmed`);
  return subscription;
}
