import { randomBytes } from "node:crypto";
import type { Clock } from "../core/clock.js";
import { requireEmail } from "../core/email-address.js";
import { type Cadence, type Follow, PAPER_COUNT } from "../core/follows.js";
import type { Mailer } from "../mail/mail-types.js";
import type { Database } from "../storage/database.js";
import {
  countSubscribeRequests,
  findSubscriptionByEmail,
  insertSubscription,
  markConfirmationSent,
  recordSubscribeRequest,
} from "../storage/subscriptions.js";
import { subscriptionLinks } from "./links.js";
import { confirmationMail, manageMail } from "./subscription-mail.js";

export interface SubscribeDeps {
  readonly database: Database;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly secretKey: string;
  readonly baseUrl: string;
}

/** At most this many emails per address and hour, and none within minutes of the last one. */
export const REQUESTS_PER_HOUR = 3;
export const MIN_GAP_MS = 2 * 60_000;

export const DEFAULT_SETTINGS = {
  cadence: "daily" as Cadence,
  paperCount: PAPER_COUNT.default,
  follows: [{ kind: "trending" }] as readonly Follow[],
};

export function newFeedKey(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * Handles a subscribe request. The caller always answers the same ("check your inbox"): whether the address was
 * new, pending, subscribed or over its limit shows only in the owner's mailbox.
 */
export async function requestSubscription(deps: SubscribeDeps, rawEmail: string): Promise<void> {
  const email = requireEmail(rawEmail);
  const now = deps.clock.now();
  if (await overLimit(deps, email, now)) return;
  await recordSubscribeRequest(deps.database, email, now.toISOString());
  const existing = await findSubscriptionByEmail(deps.database, email);
  const id =
    existing?.id ??
    (await insertSubscription(deps.database, {
      ...DEFAULT_SETTINGS,
      email,
      feedKey: newFeedKey(),
      confirmedAt: null,
      now: now.toISOString(),
    }));
  const links = subscriptionLinks(deps.baseUrl, deps.secretKey, id, now);
  const active = existing?.confirmedAt && !existing.unsubscribedAt;
  await deps.mailer.send(
    active
      ? manageMail(email, links.preferences, deps.baseUrl)
      : confirmationMail(email, links.confirm, deps.baseUrl),
  );
  if (!active) await markConfirmationSent(deps.database, id, now.toISOString());
}

async function overLimit(deps: SubscribeDeps, email: string, now: Date): Promise<boolean> {
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const [lastHour, recent] = await Promise.all([
    countSubscribeRequests(deps.database, email, since(60 * 60_000)),
    countSubscribeRequests(deps.database, email, since(MIN_GAP_MS)),
  ]);
  return lastHour >= REQUESTS_PER_HOUR || recent > 0;
}
