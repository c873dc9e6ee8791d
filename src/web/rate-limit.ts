import type { FastifyReply, FastifyRequest } from "fastify";
import { rateLimited } from "../core/errors.js";
import type { Services } from "../services.js";

/**
 * Rate limits for actions people take, counted per account (or, for sign-in, per email address) and per client
 * address, in fixed windows. The counters live in `services.rateLimits`, a pluggable store, so several
 * processes can share them. Answers carry the IETF RateLimit headers (draft-ietf-httpapi-ratelimit-headers:
 * `RateLimit-Policy` and `RateLimit`, plus the older `RateLimit-Limit/-Remaining/-Reset` trio many clients
 * read); an exceeded limit is a `rate_limited` error (429 with a readable page, or JSON under /api/) with
 * `Retry-After`.
 */
export interface RateRule {
  readonly name: string;
  /** Hits allowed per account (or per email address for sign-in) in one window. */
  readonly perAccount: number;
  /** Hits allowed per client address in one window; higher, since people share addresses behind NAT. */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export const RATE_RULES = {
  signIn: { name: "sign-in", perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 },
  submit: { name: "submit", perAccount: 20, perAddress: 60, windowSeconds: 60 * 60 },
  upvote: { name: "upvote", perAccount: 120, perAddress: 360, windowSeconds: 10 * 60 },
  // Saving, notes, ordering and other collection writes: generous, since reordering a list takes many.
  collect: { name: "collect", perAccount: 600, perAddress: 1800, windowSeconds: 10 * 60 },
  // An import may read thousands of entries and fetch unknown papers from arXiv: a few an hour is plenty.
  importReferences: { name: "import", perAccount: 20, perAddress: 60, windowSeconds: 60 * 60 },
  // Each change holds the old handle for a year (at most 5 per account), so changes are few by nature.
  changeHandle: { name: "handle", perAccount: 10, perAddress: 30, windowSeconds: 60 * 60 },
  // The display name and other settings: plenty for a person, little for a script.
  settings: { name: "settings", perAccount: 30, perAddress: 90, windowSeconds: 10 * 60 },
  // A whole set of live tokens (MAX_LIVE_TOKENS) and some to replace an hour; creating and revoking in a loop
  // would otherwise store rows and hash secrets without end.
  apiToken: { name: "api-token", perAccount: 30, perAddress: 90, windowSeconds: 60 * 60 },
  comment: { name: "comment", perAccount: 10, perAddress: 30, windowSeconds: 10 * 60 },
  editComment: { name: "edit-comment", perAccount: 30, perAddress: 90, windowSeconds: 10 * 60 },
  // Subscribing is limited per client address only; repeats for one email are dropped silently by the service.
  subscribe: { name: "subscribe", perAccount: 0, perAddress: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;

interface Outcome {
  readonly limit: number;
  readonly remaining: number;
  readonly resetSeconds: number;
  readonly exceeded: boolean;
}

async function count(services: Services, key: string, limit: number, rule: RateRule): Promise<Outcome> {
  const nowMs = services.clock.now().getTime();
  const hit = await services.rateLimits.hit(`${rule.name}:${key}`, rule.windowSeconds * 1000, nowMs);
  return {
    limit,
    remaining: Math.max(0, limit - hit.count),
    resetSeconds: Math.max(1, Math.ceil((hit.resetAtMs - nowMs) / 1000)),
    exceeded: hit.count > limit,
  };
}

function setHeaders(reply: FastifyReply, rule: RateRule, outcome: Outcome) {
  reply.header("RateLimit-Policy", `"${rule.name}";q=${outcome.limit};w=${rule.windowSeconds}`);
  reply.header("RateLimit", `"${rule.name}";r=${outcome.remaining};t=${outcome.resetSeconds}`);
  reply.header("RateLimit-Limit", String(outcome.limit));
  reply.header("RateLimit-Remaining", String(outcome.remaining));
  reply.header("RateLimit-Reset", String(outcome.resetSeconds));
}

/**
 * Counts one hit against the client's address and, when given, the account (or email address) key; throws
 * `rate_limited` when either is over its limit. Call it in a route after validation, before the work.
 */
export async function enforceRateLimit(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  rule: RateRule,
  accountKey?: string,
): Promise<void> {
  const outcomes = [await count(services, `address:${request.ip}`, rule.perAddress, rule)];
  if (accountKey) outcomes.push(await count(services, `account:${accountKey}`, rule.perAccount, rule));
  const tightest = outcomes.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  setHeaders(reply, rule, tightest);
  const over = outcomes.find((o) => o.exceeded);
  if (over) refuse(reply, rule, over);
}

function refuse(reply: FastifyReply, rule: RateRule, over: Outcome): never {
  reply.header("Retry-After", String(over.resetSeconds));
  const minutes = Math.ceil(over.resetSeconds / 60);
  throw rateLimited(
    `You have done that too often (${rule.name}: ${over.limit} per ${rule.windowSeconds / 60} minutes). Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
  );
}

/**
 * Counts one hit on a single key (an API token's account, or an address) against `limit`, with the same
 * headers and error as enforceRateLimit. The API counts every request this way, before any work.
 */
export async function enforceKeyLimit(
  services: Services,
  reply: FastifyReply,
  rule: RateRule,
  key: string,
  limit: number,
): Promise<void> {
  const outcome = await count(services, key, limit, rule);
  setHeaders(reply, rule, outcome);
  if (outcome.exceeded) refuse(reply, rule, outcome);
}
