import type { Kysely } from "kysely";
import { type Cadence, type Follow, formatFollow, parseFollow } from "../core/follows.js";
import type { Database } from "./database.js";
import type { Schema } from "./schema.js";

type Db = Kysely<Schema>;

/** A subscription as the digests and pages see it. */
export interface Subscription {
  readonly id: number;
  readonly email: string;
  readonly cadence: Cadence;
  readonly paperCount: number;
  readonly follows: readonly Follow[];
  readonly feedKey: string;
  readonly confirmedAt: string | null;
  readonly unsubscribedAt: string | null;
  /** When the confirmation email reached the mail server; null when it never did. */
  readonly confirmationSentAt: string | null;
}

export interface SubscriptionSettings {
  readonly cadence: Cadence;
  readonly paperCount: number;
  readonly follows: readonly Follow[];
}

type Row = Pick<
  Schema["subscriptions"],
  | "email"
  | "cadence"
  | "paper_count"
  | "feed_key"
  | "confirmed_at"
  | "unsubscribed_at"
  | "confirmation_sent_at"
> & { id: number };

const COLUMNS = [
  "id",
  "email",
  "cadence",
  "paper_count",
  "feed_key",
  "confirmed_at",
  "unsubscribed_at",
  "confirmation_sent_at",
] as const;

function toSubscription(row: Row, follows: readonly Follow[]): Subscription {
  return {
    id: row.id,
    email: row.email,
    cadence: row.cadence === "weekly" ? "weekly" : "daily",
    paperCount: row.paper_count,
    follows,
    feedKey: row.feed_key,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    confirmationSentAt: row.confirmation_sent_at,
  };
}

async function followsOf(db: Db, ids: readonly number[]): Promise<Map<number, Follow[]>> {
  const byId = new Map<number, Follow[]>();
  // Chunks keep the IN list under SQLite's bound-parameter limit.
  for (let start = 0; start < ids.length; start += 5000) {
    const rows = await db
      .selectFrom("subscription_follows")
      .select(["subscription_id", "follow"])
      .where("subscription_id", "in", ids.slice(start, start + 5000))
      .orderBy("subscription_id")
      .orderBy("position")
      .execute();
    for (const row of rows) {
      byId.set(row.subscription_id, [...(byId.get(row.subscription_id) ?? []), parseFollow(row.follow)]);
    }
  }
  return byId;
}

async function hydrate(db: Db, rows: readonly Row[]): Promise<Subscription[]> {
  const follows = await followsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toSubscription(row, follows.get(row.id) ?? []));
}

export async function getSubscription(database: Database, id: number): Promise<Subscription | null> {
  const row = await database.kysely
    .selectFrom("subscriptions")
    .select(COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? ((await hydrate(database.kysely, [row]))[0] ?? null) : null;
}

export async function findSubscriptionByEmail(
  database: Database,
  email: string,
): Promise<Subscription | null> {
  const row = await database.kysely
    .selectFrom("subscriptions")
    .select(COLUMNS)
    .where("email", "=", email)
    .executeTakeFirst();
  return row ? ((await hydrate(database.kysely, [row]))[0] ?? null) : null;
}

/** Whether this address has a confirmed subscription it has not left. */
export async function hasActiveSubscription(database: Database, email: string): Promise<boolean> {
  const row = await database.kysely
    .selectFrom("subscriptions")
    .select("id")
    .where("email", "=", email)
    .where("confirmed_at", "is not", null)
    .where("unsubscribed_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Confirmed, not unsubscribed subscriptions of one cadence (or one address), in id order. */
export async function listActiveSubscriptions(
  database: Database,
  filter: { cadence: Cadence; email?: string },
): Promise<Subscription[]> {
  let query = database.kysely
    .selectFrom("subscriptions")
    .select(COLUMNS)
    .where("cadence", "=", filter.cadence)
    .where("confirmed_at", "is not", null)
    .where("unsubscribed_at", "is", null);
  if (filter.email) query = query.where("email", "=", filter.email);
  return hydrate(database.kysely, await query.orderBy("id").execute());
}

async function replaceFollows(db: Db, id: number, follows: readonly Follow[]) {
  await db.deleteFrom("subscription_follows").where("subscription_id", "=", id).execute();
  if (follows.length === 0) return;
  await db
    .insertInto("subscription_follows")
    .values(
      follows.map((follow, position) => ({ subscription_id: id, position, follow: formatFollow(follow) })),
    )
    .execute();
}

export interface NewSubscription extends SubscriptionSettings {
  readonly email: string;
  /** The account that made it, when a signed-in reader subscribed from their settings. */
  readonly userId?: number;
  readonly feedKey: string;
  readonly confirmedAt: string | null;
  readonly now: string;
}

/** Inserts a subscription with its follows; returns its id. */
export function insertSubscription(database: Database, input: NewSubscription): Promise<number> {
  return database.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("subscriptions")
      .values({
        email: input.email,
        user_id: input.userId ?? null,
        cadence: input.cadence,
        paper_count: input.paperCount,
        feed_key: input.feedKey,
        confirmed_at: input.confirmedAt,
        unsubscribed_at: null,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceFollows(trx, row.id, input.follows);
    return row.id;
  });
}

export function updateSettings(database: Database, id: number, settings: SubscriptionSettings, now: string) {
  return database.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("subscriptions")
      .set({ cadence: settings.cadence, paper_count: settings.paperCount, updated_at: now })
      .where("id", "=", id)
      .execute();
    await replaceFollows(trx, id, settings.follows);
  });
}

/** Confirms (or re-activates) a subscription; an earlier confirmation date is kept. */
export async function markConfirmed(database: Database, id: number, now: string): Promise<void> {
  await database.kysely
    .updateTable("subscriptions")
    .set((eb) => ({
      confirmed_at: eb.fn.coalesce("confirmed_at", eb.val(now)),
      unsubscribed_at: null,
      updated_at: now,
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * Confirms (or re-activates) a subscription for the account whose address it is: that account proved it owns
 * the address by signing in through a link mailed there.
 */
export async function confirmForAccount(database: Database, id: number, userId: number, now: string) {
  await database.kysely
    .updateTable("subscriptions")
    .set((eb) => ({
      user_id: userId,
      confirmed_at: eb.fn.coalesce("confirmed_at", eb.val(now)),
      unsubscribed_at: null,
      updated_at: now,
    }))
    .where("id", "=", id)
    .execute();
}

export async function markUnsubscribed(database: Database, id: number, now: string): Promise<void> {
  await database.kysely
    .updateTable("subscriptions")
    .set({ unsubscribed_at: now, updated_at: now })
    .where("id", "=", id)
    .where("unsubscribed_at", "is", null)
    .execute();
}

/** How many confirmation emails went to an address since an instant, recording this request when allowed. */
export async function countSubscribeRequests(
  database: Database,
  email: string,
  since: string,
): Promise<number> {
  const row = await database.kysely
    .selectFrom("subscribe_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email)
    .where("requested_at", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recordSubscribeRequest(database: Database, email: string, now: string): Promise<void> {
  await database.kysely.insertInto("subscribe_requests").values({ email, requested_at: now }).execute();
}

/** Records that the subscription's confirmation email reached the mail server. */
export async function markConfirmationSent(database: Database, id: number, now: string): Promise<void> {
  await database.kysely
    .updateTable("subscriptions")
    .set({ confirmation_sent_at: now })
    .where("id", "=", id)
    .execute();
}
