import type { Account } from "../core/account.js";
import { accountCreatedAt, commentsBy } from "../storage/account-rows.js";
import { listApiTokens } from "../storage/api-tokens.js";
import { editorsOf } from "../storage/collection-editors.js";
import { collectionEntries } from "../storage/collection-papers.js";
import { collectionsOfMember } from "../storage/collections.js";
import type { Database } from "../storage/database.js";
import { followsOf } from "../storage/reader-follows.js";
import { marksOf } from "../storage/reader-marks.js";
import { retiredHandlesOf } from "../storage/retired-handles.js";
import { findSubscriptionByEmail } from "../storage/subscriptions.js";
import { upvotesOf } from "../storage/upvotes.js";

async function collectionsData(database: Database, account: Account) {
  const collections = await collectionsOfMember(database, account.id);
  return Promise.all(
    collections.map(async (collection) => {
      const own = collection.ownerId === account.id;
      const [entries, editors] = await Promise.all([
        collectionEntries(database, collection.id),
        own ? editorsOf(database, collection.id) : Promise.resolve([]),
      ]);
      return {
        id: collection.id,
        name: collection.name,
        description: collection.description,
        visibility: collection.visibility,
        isDefault: collection.isDefault,
        role: own ? "owner" : "editor",
        createdAt: collection.createdAt,
        updatedAt: collection.updatedAt,
        editors: editors.map((editor) => editor.handle),
        // An editor's download holds the papers they added; an owner's, every paper with its note.
        papers: entries
          .filter((entry) => own || entry.addedBy === account.id)
          .map((entry) => ({ paperId: entry.paperId, note: entry.note, addedAt: entry.addedAt })),
      };
    }),
  );
}

/**
 * Everything the account holds, as one JSON document ("your data is yours"): the account, upvotes, comments,
 * collections with their notes, signals (not interested, read, follows), the digest subscription and API tokens
 * (names and dates, never the secrets, which are not kept).
 */
export async function accountData(deps: { database: Database; clock: { now(): Date } }, account: Account) {
  const { database } = deps;
  const [
    createdAt,
    earlier,
    upvotes,
    comments,
    collections,
    notInterested,
    read,
    follows,
    subscription,
    tokens,
  ] = await Promise.all([
    accountCreatedAt(database, account.id),
    retiredHandlesOf(database, account.id),
    upvotesOf(database, account.id),
    commentsBy(database, account.id),
    collectionsData(database, account),
    marksOf(database, account.id, "not_interested"),
    marksOf(database, account.id, "read"),
    followsOf(database, account.id),
    account.email ? findSubscriptionByEmail(database, account.email) : Promise.resolve(null),
    listApiTokens(database, account.id),
  ]);
  return {
    exportedAt: deps.clock.now().toISOString(),
    account: {
      handle: account.handle,
      earlierHandles: earlier.map((old) => ({
        handle: old.handle,
        until: old.retiredAt,
        redirects: old.redirects,
      })),
      displayName: account.displayName,
      email: account.email,
      role: account.role,
      createdAt,
    },
    upvotes,
    comments,
    collections,
    signals: { notInterested, read, follows },
    subscription: subscription
      ? {
          email: subscription.email,
          cadence: subscription.cadence,
          paperCount: subscription.paperCount,
          follows: subscription.follows,
          confirmedAt: subscription.confirmedAt,
          unsubscribedAt: subscription.unsubscribedAt,
        }
      : null,
    apiTokens: tokens.map((token) => ({
      name: token.name,
      createdAt: token.createdAt,
      lastUsedAt: token.lastUsedAt,
    })),
  };
}
