import { conflict, notFound } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import {
  getSubscription,
  markConfirmed,
  markUnsubscribed,
  type Subscription,
  type SubscriptionSettings,
  updateSettings,
} from "../storage/subscriptions.js";
import { type LinkPurpose, verifySubscriptionLink, verifySubscriptionToken } from "./links.js";

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
  return existingSubscription(
    deps,
    verifySubscriptionToken(deps.secretKey, purpose, token, deps.clock.now()),
  );
}

async function existingSubscription(deps: PreferenceDeps, id: number): Promise<Subscription> {
  const subscription = await getSubscription(deps.database, id);
  if (!subscription) throw notFound("this subscription no longer exists; subscribe again");
  return subscription;
}

/**
 * Confirms the subscription a confirmation link names. A link made before the address was unsubscribed no
 * longer counts: confirmation links are not used up, and an old one must not undo an unsubscribe.
 */
export async function confirmByToken(deps: PreferenceDeps, token: string): Promise<Subscription> {
  const subscription = await confirmationOf(deps, token);
  await markConfirmed(deps.database, subscription.id, deps.clock.now().toISOString());
  return subscription;
}

/** The subscription a confirmation link may still confirm (see confirmByToken), without confirming it. */
export async function confirmationOf(deps: PreferenceDeps, token: string): Promise<Subscription> {
  const { id, issuedAt } = verifySubscriptionLink(deps.secretKey, "confirm", token, deps.clock.now());
  const subscription = await existingSubscription(deps, id);
  // Links carry their time to the second, so an unsubscribe within the link's own second does not count.
  const unsubscribed = subscription.unsubscribedAt ? Date.parse(subscription.unsubscribedAt) : null;
  if (unsubscribed !== null && Math.floor(unsubscribed / 1000) * 1000 > issuedAt.getTime())
    throw conflict(
      `${subscription.email} was unsubscribed after this link was sent, so it no longer subscribes it. To get digests again, subscribe again.`,
    );
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
