import type { Day } from "./listing-day.js";

/** One version of a paper as arXiv announced it. */
export interface PaperVersion {
  readonly version: number;
  /** ISO 8601 instant the version was submitted. */
  readonly created: string;
}

/**
 * What every source (listing files, the arXiv snapshot, OAI-PMH, the export API, Hugging Face) is turned into
 * before it is stored. One shape, one upsert.
 */
export interface PaperRecord {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  readonly comment: string | null;
  readonly journalRef: string | null;
  readonly doi: string | null;
  readonly license: string | null;
  readonly versions: readonly PaperVersion[];
  /** ISO instant of v1, when the source knows it. */
  readonly published: string | null;
  /** ISO instant of the latest version, when the source knows it. */
  readonly updated: string | null;
  readonly withdrawn: boolean;
}

/** A record together with the listing day it should be featured on, if the source says so. */
export interface IncomingPaper {
  readonly record: PaperRecord;
  readonly featureOn: Day | null;
  /**
   * The arXiv day the source saw the paper announced on (a listing of arXiv's new submissions). Without it the
   * day is derived from the record's first version (core/arxiv-day.ts), when the record knows that.
   */
  readonly announcedOn?: Day | null;
  /** Upvotes counted elsewhere (Hugging Face), kept apart from local upvotes. */
  readonly externalUpvotes?: number | null;
  /** The record's content digest when already computed (import parses on a worker thread and computes it there). */
  readonly digest?: string;
}

/** A stored paper as the rest of the application sees it. */
export interface Paper extends PaperRecord {
  readonly primaryCategory: string | null;
  /** The arXiv day that announced it (it is one of that day's new papers), when known. */
  readonly arxivDay: Day | null;
  readonly listingDay: Day | null;
  /** ISO instant the paper was featured (placed on its listing day), or null when it never was. */
  readonly featuredAt: string | null;
  /** The handle of the account that featured it. */
  readonly submittedBy: string | null;
  /** What pages call that account (its display name); null when none or deleted (no member page to link). */
  readonly submitterName: string | null;
  readonly upvotes: number;
  readonly externalUpvotes: number | null;
  readonly commentCount: number;
}

/** A paper as lists show it: everything but the versions. */
export type PaperSummary = Omit<Paper, "versions">;

/** Local upvotes plus those counted elsewhere (Hugging Face): kept apart in storage, one number for readers. */
export function totalUpvotes(paper: Pick<Paper, "upvotes" | "externalUpvotes">): number {
  return paper.upvotes + (paper.externalUpvotes ?? 0);
}

export function latestVersion(record: Pick<PaperRecord, "versions">): number | null {
  let latest: number | null = null;
  for (const v of record.versions) if (latest === null || v.version > latest) latest = v.version;
  return latest;
}
