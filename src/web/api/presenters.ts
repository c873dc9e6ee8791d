import { createHash } from "node:crypto";
import { listingDayOf } from "../../core/listing-day.js";
import { type PaperSummary, totalUpvotes } from "../../core/paper.js";
import { paperLinks } from "../../core/paper-links.js";
import type { HfAuthor, HfDailyPaper, HfPaper, HfSubmitter, HfUser } from "./hf-schemas.js";

/**
 * The one place that turns stored papers into Hugging Face's JSON shape. Every API route and the typed client
 * rely on it (search and similar papers too), so a field is named once.
 */
export interface PresentContext {
  /** The instance's public address, for avatar and thumbnail links. */
  readonly baseUrl: string;
}

/** Hugging Face ids are 24-hex-digit object ids; Paperboy derives stable ones from what they name. */
export function objectIdOf(kind: string, key: string): string {
  return createHash("sha256").update(`${kind}:${key}`).digest("hex").slice(0, 24);
}

/** Normalises any stored instant or day to Hugging Face's `2026-08-03T00:00:00.000Z` form. */
export function toInstant(text: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export function presentUser(handle: string, context: PresentContext): HfUser {
  return {
    _id: objectIdOf("user", handle),
    avatarUrl: `${context.baseUrl}/assets/avatar.svg`,
    isPro: false,
    fullname: handle,
    user: handle,
    type: "user",
    name: handle,
  };
}

export function presentSubmitter(handle: string, context: PresentContext): HfSubmitter {
  return {
    _id: objectIdOf("user", handle),
    avatarUrl: `${context.baseUrl}/assets/avatar.svg`,
    fullname: handle,
    name: handle,
    type: "user",
    isPro: false,
    isHf: false,
    isHfAdmin: false,
    isMod: false,
    followerCount: 0,
    isUserFollowing: false,
  };
}

function presentAuthors(paper: PaperSummary): HfAuthor[] {
  return paper.authors.map((name, position) => ({
    _id: objectIdOf("author", `${paper.id}#${position}`),
    name,
    hidden: false,
  }));
}

/**
 * When arXiv published the paper. Records without that date (the listing format) fall back to the listing day,
 * a day or so after it, never to when they were featured: a bulk import stamps its own run time there.
 */
function publishedAt(paper: PaperSummary): string {
  return toInstant(paper.published ?? paper.listingDay ?? paper.featuredAt ?? "1970-01-01");
}

// Hugging Face leaves a key out when it has no value; clients test for presence, so Paperboy does the same.
function optionalFields(paper: PaperSummary, context: PresentContext): Partial<HfPaper> {
  const links = paperLinks(paper.comment, paper.abstract);
  const fields: Partial<HfPaper> = {};
  // A featured paper always has a submitter on Hugging Face; papers featured by an import are Paperboy's own.
  if (paper.listingDay) {
    fields.submittedOnDailyAt = toInstant(paper.listingDay);
    fields.submittedOnDailyBy = presentUser(paper.submittedBy ?? "paperboy", context);
  }
  if (links.projectPage) fields.projectPage = links.projectPage;
  if (links.githubRepo) fields.githubRepo = links.githubRepo;
  // A withdrawal is announced as a new version, so the latest version's date is the withdrawal's.
  if (paper.withdrawn) fields.withdrawnAt = toInstant(paper.updated ?? paper.published ?? "1970-01-01");
  return fields;
}

export function presentPaper(paper: PaperSummary, context: PresentContext): HfPaper {
  return {
    id: paper.id,
    authors: presentAuthors(paper),
    publishedAt: publishedAt(paper),
    title: paper.title,
    summary: paper.abstract,
    upvotes: totalUpvotes(paper),
    discussionId: objectIdOf("discussion", paper.id),
    ...optionalFields(paper, context),
  };
}

/** When the paper was featured; bulk imports stamp their own run time, so those fall back to the listing day. */
function featuredAt(paper: PaperSummary): string {
  const { featuredAt: at, listingDay: day } = paper;
  if (at && (!day || listingDayOf(new Date(at)) === day)) return toInstant(at);
  return toInstant(day ?? publishedAt(paper));
}

export function presentDailyPaper(paper: PaperSummary, context: PresentContext): HfDailyPaper {
  return {
    paper: presentPaper(paper, context),
    publishedAt: featuredAt(paper),
    title: paper.title,
    summary: paper.abstract,
    thumbnail: `${context.baseUrl}/assets/paper-thumbnail.svg`,
    numComments: paper.commentCount,
    submittedBy: presentSubmitter(paper.submittedBy ?? "paperboy", context),
    isAuthorParticipating: false,
  };
}
