import type { Clock } from "../core/clock.js";
import { invalid } from "../core/errors.js";
import type { Cadence } from "../core/follows.js";
import { todaysListingDay } from "../core/listing-day.js";
import type { Period } from "../core/periods.js";
import type { Mailer } from "../mail/mail-types.js";
import type { Database } from "../storage/database.js";
import {
  type ClaimTerms,
  claimDelivery,
  completeDelivery,
  type DeliveryKey,
  type LedgerRow,
  ledgerOf,
  sentInSpan,
  settleDelivery,
} from "../storage/deliveries.js";
import { deadHolders, runHolder } from "../storage/run-holder.js";
import { listActiveSubscriptions, type Subscription } from "../storage/subscriptions.js";
import { DigestBuilder } from "./build.js";
import { composeDigestMail } from "./compose.js";
import { digestSubject } from "./digest.js";
import type { ForYouRanker } from "./for-you-follow.js";
import { personalFeedPath, subscriptionLinks } from "./links.js";
import { DEFAULT_RETRY, deliverWithRetries, type RetryPolicy } from "./retry.js";
import { databasePaperSource, type PaperSource } from "./sources.js";

export interface DigestDeps {
  readonly database: Database;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly secretKey: string;
  readonly baseUrl: string;
  readonly source?: PaperSource;
  /** Each reader's For you, for the follow `for-you`. */
  readonly forYou: ForYouRanker;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DigestRunOptions {
  readonly cadence: Cadence;
  readonly period: Period;
  readonly dryRun?: boolean;
  /** Only this address's digest. */
  readonly to?: string;
  /** Digests handed to SMTP at once. */
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  /** Stops claiming new digests once aborted; what is in flight is left as a crash would leave it. */
  readonly signal?: AbortSignal;
  readonly onDigest?: (outcome: DigestOutcome) => void;
}

export type DigestStatus = "sent" | "empty" | "retry" | "failed" | "busy" | "preview";

export interface DigestOutcome {
  readonly email: string;
  readonly status: DigestStatus;
  /** What the mail server's failure said, when it could not be reached at all. */
  readonly mailServerDown?: string;
  readonly subject?: string;
  readonly papers: number;
}

export type DigestRunReport = Record<DigestStatus | "settled", number> & {
  readonly period: string;
  /** Set when the mail server could not be reached: the run stopped, and nothing it left is lost or spent. */
  mailServerDown?: string;
};

/** A claim older than this belongs to a run that died; longer than any SMTP time-out. */
export const CLAIM_LEASE_MS = 15 * 60_000;

/** Builds and sends every due digest of one cadence and period, at most once each (see deliveries.ts). */
export async function sendDigests(deps: DigestDeps, options: DigestRunOptions): Promise<DigestRunReport> {
  // A digest settles its period for the subscriber: sent early, it would leave out what the period still brings.
  const today = todaysListingDay(deps.clock);
  if (!options.dryRun && options.period.last >= today) {
    throw invalid(
      `the period ${options.period.key} has not ended (today is ${today} in New York): its digests go out once it has; --dry-run previews them`,
    );
  }
  const report: DigestRunReport = {
    period: options.period.key,
    sent: 0,
    empty: 0,
    retry: 0,
    failed: 0,
    busy: 0,
    preview: 0,
    settled: 0,
  };
  const ledger = await ledgerOf(deps.database, options.period.key);
  const settled = new Set(
    ledger
      // An empty digest is not final: later runs look again (see claimDelivery).
      .filter((row) => row.status === "sent" || row.status === "failed")
      .map((row) => row.subscriptionId),
  );
  const claimer = await claimerFor(deps.database, ledger);
  const all = await listActiveSubscriptions(deps.database, {
    cadence: options.cadence,
    ...(options.to ? { email: options.to } : {}),
  });
  const due = all.filter((subscription) => !settled.has(subscription.id));
  report.settled = all.length - due.length;
  const builder = new DigestBuilder(
    deps.source ?? databasePaperSource(deps.database, deps.forYou),
    options.period,
  );
  const sent = await sentInSpan(deps.database, options.period);
  let next = 0;
  const worker = async () => {
    while (next < due.length && !options.signal?.aborted && report.mailServerDown === undefined) {
      const subscription = due[next++] as Subscription;
      const outcome = await oneDigest(
        deps,
        options,
        builder,
        subscription,
        claimer,
        sent.get(subscription.id),
      );
      // With the mail server down, every further digest would only fail the same way: stop claiming.
      if (outcome.mailServerDown !== undefined) report.mailServerDown = outcome.mailServerDown;
      report[outcome.status] += 1;
      options.onDigest?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return report;
}

/** This run as a claim holder, and the holders of the period's open claims that are known to be dead. */
async function claimerFor(database: Database, ledger: readonly LedgerRow[]): Promise<Claimer> {
  const open = ledger.flatMap((row) => (row.status === "sending" && row.claimedBy ? [row.claimedBy] : []));
  return { holder: await runHolder(database), deadHolders: await deadHolders(database, open) };
}

type Claimer = Pick<ClaimTerms, "holder" | "deadHolders">;

async function oneDigest(
  deps: DigestDeps,
  options: DigestRunOptions,
  builder: DigestBuilder,
  subscription: Subscription,
  claimer: Claimer,
  sent: ReadonlySet<string> = new Set(),
): Promise<DigestOutcome> {
  const key: DeliveryKey = { subscriptionId: subscription.id, periodKey: options.period.key };
  const now = deps.clock.now();
  const claim = options.dryRun
    ? { attempts: 0 }
    : await claimDelivery(deps.database, key, {
        now: now.toISOString(),
        staleBefore: new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
        ...claimer,
      });
  if (!claim) return { email: subscription.email, status: "busy", papers: 0 };
  const digest = await builder.build(subscription, await builder.matches(subscription), sent);
  const subject = digestSubject(digest);
  const counted = { email: subscription.email, subject, papers: digest.items.length };
  if (options.dryRun) return { ...counted, status: digest.items.length === 0 ? "empty" : "preview" };
  if (digest.items.length === 0) {
    await settleDelivery(deps.database, key, { status: "empty" });
    return { ...counted, status: "empty" };
  }
  const mail = composeDigestMail(digest, digestLinks(deps, subscription), key);
  const result = await deliverWithRetries(deps, key, claim.attempts, options.retry ?? DEFAULT_RETRY, () =>
    deps.mailer.send(mail),
  );
  if (result.status === "server-down") return { ...counted, status: "retry", mailServerDown: result.error };
  if (result.status !== "sent") return { ...counted, status: result.status };
  // Outside the retries: once the server has the message, a failure here must not send it again.
  await completeDelivery(deps.database, key, {
    now: deps.clock.now().toISOString(),
    messageId: result.messageId,
    paperIds: digest.items.map((item) => item.paper.id),
  });
  return { ...counted, status: "sent" };
}

export function digestLinks(
  deps: Pick<DigestDeps, "baseUrl" | "secretKey" | "clock">,
  subscription: Subscription,
) {
  const links = subscriptionLinks(deps.baseUrl, deps.secretKey, subscription.id, deps.clock.now());
  return {
    baseUrl: deps.baseUrl,
    preferences: links.preferences,
    unsubscribe: links.unsubscribe,
    feed: `${deps.baseUrl}${personalFeedPath(deps.secretKey, subscription.id, subscription.feedKey)}.atom`,
  };
}
