import type { FastifyRequest } from "fastify";
import { notInterestedAmong } from "../../community/not-interested.js";
import { readAmong } from "../../community/reading.js";
import { savedAmong } from "../../community/saves.js";
import { upvotedPapers } from "../../community/upvotes.js";
import type { Clock } from "../../core/clock.js";
import { todaysListingDay } from "../../core/listing-day.js";
import type { Database } from "../../storage/database.js";
import type { PaperMarks } from "../overlay/paper-slot.js";
import type { ListMarks } from "./listed-papers.js";

type MarksDeps = { readonly database: Database };

/**
 * One reader's marks on these papers, one function per kind beside the service that owns it (upvotes, saves,
 * reading, not interested); papers without any are left out. Pages rendered for one reader and the page shared
 * by signed-in readers (overlay.ts) both read them here.
 */
export async function readerMarks(
  deps: MarksDeps,
  accountId: number,
  paperIds: readonly string[],
): Promise<Map<string, PaperMarks>> {
  const { database } = deps;
  const [upvoted, saved, read, notInterested] = await Promise.all([
    upvotedPapers(database, accountId, paperIds),
    savedAmong(database, accountId, paperIds),
    readAmong(database, accountId, paperIds),
    notInterestedAmong(database, accountId, paperIds),
  ]);
  const marks = new Map<string, PaperMarks>();
  for (const id of paperIds) {
    const paper = { upvoted: upvoted.has(id), saved: saved.has(id), read: read.has(id) };
    const mark = { ...paper, notInterested: notInterested.has(id) };
    if (mark.upvoted || mark.saved || mark.read || mark.notInterested) marks.set(id, mark);
  }
  return marks;
}

/** Whether a list is filtered by the reader's own marks (`?hide=read`): such a page is theirs alone. */
export function hidesRead(request: FastifyRequest): boolean {
  return request.account !== null && (request.query as Record<string, unknown>).hide === "read";
}

/**
 * What a list shows per paper for this viewer, and which papers are today's. The page shared by signed-in
 * readers (request.sharedPage) shows no one's marks: each reader's are filled in afterwards.
 */
export async function listMarks(
  deps: MarksDeps & { readonly clock: Clock },
  request: FastifyRequest,
  paperIds: readonly string[],
): Promise<ListMarks> {
  const account = request.sharedPage ? null : request.account;
  const byPaper = account ? await readerMarks(deps, account.id, paperIds) : new Map<string, PaperMarks>();
  return { byPaper, hideRead: hidesRead(request), today: todaysListingDay(deps.clock) };
}
