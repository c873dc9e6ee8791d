import type { Account } from "../core/account.js";
import { authorKey, foldAuthorName } from "../core/author-name.js";
import { isCategory } from "../core/categories.js";
import type { Clock } from "../core/clock.js";
import { invalid } from "../core/errors.js";
import type { Database } from "../storage/database.js";
import {
  addFollow,
  type FollowKind,
  type FollowRow,
  followsOf,
  removeFollow,
} from "../storage/reader-follows.js";

export interface FollowDeps {
  readonly database: Database;
  readonly clock: Clock;
}

/** A reader follow as asked for: an arXiv category, or an author's name as written. */
export interface FollowRequest {
  readonly kind: FollowKind;
  readonly value: string;
}

/** Follows one account may hold: far more than a reader uses, a bound on what one account can store. */
export const MAX_READER_FOLLOWS = 500;
const MAX_NAME_LENGTH = 200;

/** The stored key and label for a request, or an `invalid` error saying what is wrong with it. */
export function resolveFollow(request: FollowRequest): { kind: FollowKind; value: string; label: string } {
  const text = request.value.trim().replace(/\s+/g, " ");
  if (request.kind === "category") {
    if (!isCategory(text))
      throw invalid(`"${text.slice(0, 40)}" is not an arXiv category such as cs.LG or hep-th`);
    return { kind: "category", value: text, label: text };
  }
  if (text.length > MAX_NAME_LENGTH)
    throw invalid(`an author's name is at most ${MAX_NAME_LENGTH} characters`);
  if (foldAuthorName(text).surname === "") throw invalid("an author's name needs letters");
  return { kind: "author", value: authorKey(text), label: text };
}

export async function followSomething(deps: FollowDeps, account: Account, request: FollowRequest) {
  const follow = resolveFollow(request);
  const existing = await followsOf(deps.database, account.id);
  const known = existing.find((f) => f.kind === follow.kind && f.value === follow.value);
  if (known) return known;
  if (existing.length >= MAX_READER_FOLLOWS)
    throw invalid(`an account follows at most ${MAX_READER_FOLLOWS} categories and authors`);
  const now = deps.clock.now().toISOString();
  await addFollow(deps.database, { accountId: account.id, ...follow, now });
  return { ...follow, createdAt: now } satisfies FollowRow;
}

/** Stops following; answers whether the account was following it. */
export function unfollowSomething(
  deps: FollowDeps,
  account: Account,
  request: FollowRequest,
): Promise<boolean> {
  const { kind, value } = resolveFollow(request);
  return removeFollow(deps.database, { accountId: account.id, kind, value });
}

export function readerFollows(database: Database, accountId: number): Promise<FollowRow[]> {
  return followsOf(database, accountId);
}
