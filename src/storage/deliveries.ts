import { sql } from "kysely";
import type { Database } from "./database.js";

/**
 * The delivery ledger, keyed by (subscription, period). A digest is claimed before it is built and handed to
 * SMTP, and marked sent in the same transaction that records its papers as sent. Claims are atomic conditional
 * writes, so two runs (or two processes on PostgreSQL) never claim the same digest.
 */
export interface DeliveryKey {
  readonly subscriptionId: number;
  readonly periodKey: string;
}

export interface Claim {
  /** Attempts so far, this one included. */
  readonly attempts: number;
}

export interface ClaimTerms {
  readonly now: string;
  /** A claim made before this belongs to a run that died. */
  readonly staleBefore: string;
  /** Who claims (storage/run-holder.ts). */
  readonly holder: string;
  /** Holders known to be dead: their claims are taken over whatever their age. */
  readonly deadHolders: ReadonlySet<string>;
}

/**
 * Claims a digest when it has no ledger row yet, when its retry is due, or when its claim is older than
 * `staleBefore` or held by a dead holder (the run that held it died). Returns null when someone else holds it
 * or it is settled.
 */
export async function claimDelivery(
  database: Database,
  key: DeliveryKey,
  terms: ClaimTerms,
): Promise<Claim | null> {
  const { now, staleBefore, holder } = terms;
  const dead = [...terms.deadHolders];
  const db = database.kysely;
  const inserted = await db
    .insertInto("deliveries")
    .values({
      subscription_id: key.subscriptionId,
      period_key: key.periodKey,
      status: "sending",
      attempts: 1,
      claimed_at: now,
      claimed_by: holder,
    })
    .onConflict((oc) => oc.columns(["subscription_id", "period_key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { attempts: 1 };
  const updated = await db
    .updateTable("deliveries")
    .set({
      status: "sending",
      // An empty digest sent nothing, so it used no attempt: looking again starts the count afresh.
      attempts: sql<number>`case when status = 'empty' then 1 else attempts + 1 end`,
      claimed_at: now,
      claimed_by: holder,
    })
    .where("subscription_id", "=", key.subscriptionId)
    .where("period_key", "=", key.periodKey)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "retry"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", staleBefore)]),
        ...(dead.length > 0 ? [eb.and([eb("status", "=", "sending"), eb("claimed_by", "in", dead)])] : []),
        // Papers can still be added to an ended period (a late Hugging Face list, a submission): a digest
        // that was empty is built again by later runs, and goes out once it has papers.
        eb("status", "=", "empty"),
      ]),
    )
    .returning("attempts")
    .executeTakeFirst();
  return updated ? { attempts: updated.attempts } : null;
}

/** Marks the digest sent and its papers as sent to the subscription, in one transaction. */
export function completeDelivery(
  database: Database,
  key: DeliveryKey,
  sent: { now: string; messageId: string; paperIds: readonly string[] },
): Promise<void> {
  return database.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("deliveries")
      .set({
        status: "sent",
        sent_at: sent.now,
        message_id: sent.messageId,
        paper_ids: JSON.stringify(sent.paperIds),
        error: null,
      })
      .where("subscription_id", "=", key.subscriptionId)
      .where("period_key", "=", key.periodKey)
      .execute();
    if (sent.paperIds.length === 0) return;
    await trx
      .insertInto("sent_papers")
      .values(
        sent.paperIds.map((paperId) => ({
          subscription_id: key.subscriptionId,
          paper_id: paperId,
          period_key: key.periodKey,
          sent_at: sent.now,
        })),
      )
      .onConflict((oc) => oc.columns(["subscription_id", "paper_id"]).doNothing())
      .execute();
  });
}

export type Settlement =
  | { readonly status: "empty" }
  | {
      readonly status: "retry";
      readonly error: string;
      readonly nextAttemptAt: string;
      /** Sets the attempt count (a run that could not reach the mail server gives its attempts back). */
      readonly attempts?: number;
    }
  | { readonly status: "failed"; readonly error: string }
  | { readonly status: "sending"; readonly error: string; readonly claimedAt: string };

/** Records a digest with nothing to send, a failure to retry later, a final failure, or a renewed claim. */
export async function settleDelivery(
  database: Database,
  key: DeliveryKey,
  settlement: Settlement,
): Promise<void> {
  const error = "error" in settlement ? settlement.error.slice(0, 500) : null;
  await database.kysely
    .updateTable("deliveries")
    .set({
      status: settlement.status,
      error,
      next_attempt_at: settlement.status === "retry" ? settlement.nextAttemptAt : null,
      ...(settlement.status === "retry" && settlement.attempts !== undefined
        ? { attempts: settlement.attempts }
        : {}),
      ...(settlement.status === "sending" ? { claimed_at: settlement.claimedAt } : {}),
    })
    .where("subscription_id", "=", key.subscriptionId)
    .where("period_key", "=", key.periodKey)
    .execute();
}

/** Attempts made so far for a retry inside one run (the claim is renewed, so nobody else takes it over). */
export async function recordAttempt(database: Database, key: DeliveryKey, now: string): Promise<number> {
  const row = await database.kysely
    .updateTable("deliveries")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), claimed_at: now }))
    .where("subscription_id", "=", key.subscriptionId)
    .where("period_key", "=", key.periodKey)
    .returning("attempts")
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/**
 * Papers featured in a span that were already sent, per subscription. Every digest candidate of a period is
 * featured in it, so one query up front answers for the whole run (a run sends each subscription once).
 */
export async function sentInSpan(
  database: Database,
  span: { first: string; last: string },
): Promise<Map<number, Set<string>>> {
  const rows = await database.kysely
    .selectFrom("sent_papers as s")
    .innerJoin("listing_entries as l", "l.paper_id", "s.paper_id")
    .select(["s.subscription_id", "s.paper_id"])
    .where("l.listing_day", ">=", span.first)
    .where("l.listing_day", "<=", span.last)
    .execute();
  const bySubscription = new Map<number, Set<string>>();
  for (const row of rows) {
    const sent = bySubscription.get(row.subscription_id) ?? new Set<string>();
    sent.add(row.paper_id);
    bySubscription.set(row.subscription_id, sent);
  }
  return bySubscription;
}

/** Which of `paperIds` were ever sent to one subscription, in any period. */
export async function sentAmong(
  database: Database,
  subscriptionId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  const sent = new Set<string>();
  // Chunks keep the IN list well under every backend's limit on bound parameters.
  for (let start = 0; start < paperIds.length; start += 900) {
    const rows = await database.kysely
      .selectFrom("sent_papers")
      .select("paper_id")
      .where("subscription_id", "=", subscriptionId)
      .where("paper_id", "in", paperIds.slice(start, start + 900))
      .execute();
    for (const row of rows) sent.add(row.paper_id);
  }
  return sent;
}

export interface LedgerRow {
  readonly subscriptionId: number;
  readonly status: string;
  readonly attempts: number;
  readonly claimedBy: string | null;
}

export async function ledgerOf(database: Database, periodKey: string): Promise<LedgerRow[]> {
  const rows = await database.kysely
    .selectFrom("deliveries")
    .select(["subscription_id", "status", "attempts", "claimed_by"])
    .where("period_key", "=", periodKey)
    .orderBy("subscription_id")
    .execute();
  return rows.map((row) => ({
    subscriptionId: row.subscription_id,
    status: row.status,
    attempts: row.attempts,
    claimedBy: row.claimed_by,
  }));
}
