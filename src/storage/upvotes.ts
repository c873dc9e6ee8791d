import type { Database } from "./database.js";

/** Adds the account's upvote; the (user, paper) primary key keeps it to one, so a repeat changes nothing. */
export async function addUpvote(database: Database, userId: number, paperId: string, now: string) {
  await database.kysely
    .insertInto("upvotes")
    .values({ user_id: userId, paper_id: paperId, created_at: now })
    .onConflict((oc) => oc.columns(["user_id", "paper_id"]).doNothing())
    .execute();
}

export async function removeUpvote(database: Database, userId: number, paperId: string) {
  await database.kysely
    .deleteFrom("upvotes")
    .where("user_id", "=", userId)
    .where("paper_id", "=", paperId)
    .execute();
}

export async function countUpvotes(database: Database, paperId: string): Promise<number> {
  const row = await database.kysely
    .selectFrom("upvotes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("paper_id", "=", paperId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Which of these papers the account has upvoted. */
export async function upvotedAmong(
  database: Database,
  userId: number,
  paperIds: readonly string[],
): Promise<Set<string>> {
  if (paperIds.length === 0) return new Set();
  const rows = await database.kysely
    .selectFrom("upvotes")
    .select("paper_id")
    .where("user_id", "=", userId)
    .where("paper_id", "in", paperIds)
    .execute();
  return new Set(rows.map((row) => row.paper_id));
}

/** Every paper the account has upvoted, newest first. */
export async function upvotesOf(
  database: Database,
  userId: number,
): Promise<{ paperId: string; createdAt: string }[]> {
  const rows = await database.kysely
    .selectFrom("upvotes")
    .select(["paper_id", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("paper_id")
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, createdAt: row.created_at }));
}
