import type { Database } from "../storage/database.js";
import { followsOf } from "../storage/reader-follows.js";
import { marksOf } from "../storage/reader-marks.js";
import { upvotesOf } from "../storage/upvotes.js";
import { savesOf } from "./saves.js";

/** One signal about one paper, and when the reader gave it. */
export interface PaperSignal {
  readonly paperId: string;
  readonly at: string;
}

export interface FollowedAuthor {
  /** The folded name (core/author-name.ts): compare with `sameAuthor(foldAuthorName(key), ...)`. */
  readonly key: string;
  /** The name as the reader followed it. */
  readonly name: string;
  readonly at: string;
}

export interface FollowedCategory {
  readonly category: string;
  readonly at: string;
}

/**
 * Everything one reader has told Paperboy, newest first in each kind: what For you learns from. Private to that
 * reader: every query is bound to the one account.
 */
export interface ReaderSignals {
  readonly upvoted: readonly PaperSignal[];
  /** Papers in any of the reader's collections, dated by when they were first put in one. */
  readonly saved: readonly PaperSignal[];
  readonly notInterested: readonly PaperSignal[];
  readonly read: readonly PaperSignal[];
  readonly categories: readonly FollowedCategory[];
  readonly authors: readonly FollowedAuthor[];
}

const signal = (row: { paperId: string; createdAt: string }): PaperSignal => ({
  paperId: row.paperId,
  at: row.createdAt,
});

export async function readerSignals(database: Database, accountId: number): Promise<ReaderSignals> {
  const [upvoted, saved, notInterested, read, follows] = await Promise.all([
    upvotesOf(database, accountId),
    savesOf(database, accountId),
    marksOf(database, accountId, "not_interested"),
    marksOf(database, accountId, "read"),
    followsOf(database, accountId),
  ]);
  return {
    upvoted: upvoted.map(signal),
    saved: saved.map((row) => ({ paperId: row.paperId, at: row.savedAt })),
    notInterested: notInterested.map(signal),
    read: read.map(signal),
    categories: follows
      .filter((f) => f.kind === "category")
      .map((f) => ({ category: f.value, at: f.createdAt })),
    authors: follows
      .filter((f) => f.kind === "author")
      .map((f) => ({ key: f.value, name: f.label, at: f.createdAt })),
  };
}
