import { createHash } from "node:crypto";
import { readerSignals } from "../community/reader-signals.js";
import type { LikeSignal } from "../ranking/for-you.js";
import type { Database } from "../storage/database.js";

/** One reader's signals as For you reads them: liked papers (upvoted or saved), rejected papers, follows. */
export interface ForYouSignals {
  readonly liked: readonly { readonly paperId: string; readonly signal: LikeSignal }[];
  readonly notInterested: readonly string[];
  readonly authors: readonly { readonly key: string; readonly name: string }[];
  readonly categories: readonly string[];
  /** Changes exactly when any of the above does: the reader's model is kept until it does. */
  readonly fingerprint: string;
  /** Liked and rejected papers and follows, counted together (COLD_START_SIGNALS). */
  readonly count: number;
}

/** Upvoted papers first (an upvote says more than keeping a paper for later), then saved ones not upvoted. */
function likedPapers(upvoted: readonly string[], saved: readonly string[]) {
  const seen = new Set(upvoted);
  return [
    ...upvoted.map((paperId) => ({ paperId, signal: "upvote" as const })),
    ...saved.filter((id) => !seen.has(id)).map((paperId) => ({ paperId, signal: "save" as const })),
  ];
}

export async function forYouSignals(database: Database, accountId: number): Promise<ForYouSignals> {
  const signals = await readerSignals(database, accountId);
  const liked = likedPapers(
    signals.upvoted.map((s) => s.paperId).sort(),
    signals.saved.map((s) => s.paperId).sort(),
  );
  const notInterested = signals.notInterested.map((s) => s.paperId).sort();
  const authors = signals.authors
    .map((a) => ({ key: a.key, name: a.name }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const categories = signals.categories.map((c) => c.category).sort();
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([liked, notInterested, authors, categories]))
    .digest("base64url");
  const count = liked.length + notInterested.length + authors.length + categories.length;
  return { liked, notInterested, authors, categories, fingerprint, count };
}
