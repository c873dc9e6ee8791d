import { notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import {
  getSubscription,
  markConfirmed,
  markUnsubscribed,
  type Subscription,
  type SubscriptionSettings,
  updateSettings,
} from "../storage/subscriptions.js";
import { type LinkPurpose, verifySubscriptionToken } from "./links.js";

export interface PreferenceDeps {
  readonly database: Database;
  readonly clock: { now(): Date };
  readonly secretKey: string;
}

/** The subscription a signed link names; an unknown one reads as a bad link, not as a missing row. */
export async function subscriptionByToken(
  deps: PreferenceDeps,
  purpose: LinkPurpose,
  token: string,
): Promise<Subscription> {
  const id = verifySubscriptionToken(deps.secretKey, purpose, token, deps.clock.now());
  const subscription = await getSubscription(deps.database, id);
  if (!subscription) throw notFound("this subscription no longer exists; subscribe again");
  return subscription;
}

export async function confirmByToken(deps: PreferenceDeps, token: string): Promise<Subscription> {
  const subscription = await subscriptionByToken(deps, "confirm", token);
  await markConfirmed(deps.database, subscription.id, deps.clock.now().toISOString());
  return subscription;
}

export async function savePreferences(
  deps: PreferenceDeps,
  token: string,
  settings: SubscriptionSettings,
): Promise<Subscription> {
  const subscription = await subscriptionByToken(deps, "preferences", token);
  await updateSettings(deps.database, subscription.id, settings, deps.clock.now().toISOString());
  return { ...subscription, ...settings };
}

export async function unsubscribeByToken(deps: PreferenceDeps, token: string): Promise<Subscription> {
  const subscription = await subscriptionByToken(deps, "unsubscribe", token);
  await markUnsubscribed(deps.database, subscription.id, deps.clock.now().toISOString());
  return subscription;
}
