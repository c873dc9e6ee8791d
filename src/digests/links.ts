import { createHmac, timingSafeEqual } from "node:crypto";
import { invalid } from "../core/errors.js";
import { signToken, verifyToken } from "../security/tokens.js";

/** Purposes of the signed links in subscription emails; a token for one is refused for the others. */
export const PURPOSE = {
  confirm: "subscription-confirm",
  preferences: "subscription-preferences",
  unsubscribe: "subscription-unsubscribe",
} as const;
export type LinkPurpose = keyof typeof PURPOSE;

const DAY_SECONDS = 86_400;
/** Confirmation links are short-lived; links in digests must outlive a mailbox's backlog. */
const LIFETIME_DAYS: Record<LinkPurpose, number> = { confirm: 7, preferences: 180, unsubscribe: 365 };

export function subscriptionToken(secret: string, purpose: LinkPurpose, subscriptionId: number, now: Date) {
  return signToken(secret, {
    purpose: PURPOSE[purpose],
    subject: String(subscriptionId),
    expires: Math.floor(now.getTime() / 1000) + LIFETIME_DAYS[purpose] * DAY_SECONDS,
  });
}

/**
 * The subscription a link names and when the link was made (to the second); throws `invalid` for altered,
 * expired or misdirected links.
 */
export function verifySubscriptionLink(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  now: Date,
): { readonly id: number; readonly issuedAt: Date } {
  const claims = verifyToken(secret, token, PURPOSE[purpose], now);
  const id = Number(claims.subject);
  if (!Number.isSafeInteger(id) || id < 1) throw invalid("this link is not meant for this page");
  return { id, issuedAt: new Date((claims.expires - LIFETIME_DAYS[purpose] * DAY_SECONDS) * 1000) };
}

/** The subscription id a link names; throws `invalid` for altered, expired or misdirected links. */
export function verifySubscriptionToken(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  now: Date,
): number {
  return verifySubscriptionLink(secret, purpose, token, now).id;
}

export interface SubscriptionLinks {
  readonly confirm: string;
  readonly preferences: string;
  readonly unsubscribe: string;
}

export function subscriptionLinks(baseUrl: string, secret: string, subscriptionId: number, now: Date) {
  const link = (path: string, purpose: LinkPurpose) =>
    `${baseUrl}${path}?token=${subscriptionToken(secret, purpose, subscriptionId, now)}`;
  return {
    confirm: link("/subscribe/confirm", "confirm"),
    preferences: link("/subscribe/preferences", "preferences"),
    unsubscribe: link("/unsubscribe", "unsubscribe"),
  };
}

function feedMac(secret: string, subscriptionId: number, feedKey: string): string {
  return createHmac("sha256", secret)
    .update(`personal-feed:${subscriptionId}:${feedKey}`)
    .digest("base64url");
}

/** The personal feed's secret: it never expires, and rotating the subscription's feed key revokes it. */
export function personalFeedToken(secret: string, subscriptionId: number, feedKey: string): string {
  return `${subscriptionId}-${feedMac(secret, subscriptionId, feedKey).slice(0, 32)}`;
}

/** Where a subscription's personal feed is, without the format's extension. */
export function personalFeedPath(secret: string, subscriptionId: number, feedKey: string): string {
  return `/feeds/personal/${personalFeedToken(secret, subscriptionId, feedKey)}`;
}

export function personalFeedId(token: string): number | null {
  const match = /^(\d{1,15})-[A-Za-z0-9_-]{32}$/.exec(token);
  return match ? Number(match[1]) : null;
}

export function personalFeedTokenMatches(
  secret: string,
  token: string,
  id: number,
  feedKey: string,
): boolean {
  const expected = Buffer.from(personalFeedToken(secret, id, feedKey));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
