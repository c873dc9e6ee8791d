import { derivedArxivDay } from "../core/arxiv-day.js";
import { authorIndexKey } from "../core/author-name.js";
import { isCategory } from "../core/categories.js";
import { type IncomingPaper, latestVersion, type PaperRecord } from "../core/paper.js";
import { boundRecord } from "../core/record-bounds.js";
import { contentHash } from "./content-hash.js";
import { emptyCounts, type UpsertCounts, type UpsertOptions } from "./upsert-types.js";

/** What the database already holds for a paper in the batch. */
export interface StoredState {
  content_hash: string;
  latest_version: number | null;
  listing_day: string | null;
  external_upvotes: number | null;
  arxiv_day: string | null;
  /** 1 when the stored arXiv day was seen on a listing, 0 when derived, null when there is none. */
  observed: number | null;
}

export type PaperRow = [id: string, ...PaperFields];
export type PaperFields = [
  title: string,
  abstract: string,
  comment: string | null,
  journalRef: string | null,
  doi: string | null,
  license: string | null,
  primaryCategory: string | null,
  published: string | null,
  updated: string | null,
  latestVersion: number | null,
  withdrawn: 0 | 1,
  contentHash: string,
];

/**
 * The writes one batch needs, decided before any is made, so that both backends write the same thing: SQLite
 * row by row through prepared statements, PostgreSQL set-based. Keyed by paper id, so a paper that occurs twice
 * in one batch is written once, as its last record says.
 */
export class UpsertPlan {
  readonly inserts = new Map<string, PaperRow>();
  readonly updates = new Map<string, PaperRow>();
  /** Author and category lists to write; for updated papers the stored lists are deleted first. */
  readonly authors = new Map<string, readonly string[]>();
  readonly categories = new Map<string, readonly string[]>();
  readonly versions: [string, number, string][] = [];
  readonly listings = new Map<string, [string, string, number | null, number | null]>();
  readonly upvoteUpdates = new Map<string, number>();
  /** (paper id, arXiv day, observed) to insert or replace. */
  readonly announcements = new Map<string, [string, string, 0 | 1]>();
  readonly counts: UpsertCounts = emptyCounts();
}

/** Decides the batch's writes from the incoming papers and the stored state of those already known. */
export function planUpsert(
  papers: readonly IncomingPaper[],
  known: Map<string, StoredState>,
  options: UpsertOptions,
): UpsertPlan {
  const plan = new UpsertPlan();
  for (const paper of papers) {
    const before = known.get(paper.record.id);
    const stored = planRecord(paper, before, plan);
    const listing = planListing(paper, before, options, plan);
    const announcement = planAnnouncement(paper, before, plan);
    // A later record for the same id in this batch must see what this one will write.
    known.set(paper.record.id, { ...stored, ...listing, ...announcement });
  }
  return plan;
}

function paperRow(
  record: PaperRecord,
  categories: readonly string[],
  incoming: number | null,
  hash: string,
): PaperRow {
  return [
    record.id,
    record.title,
    record.abstract,
    record.comment,
    record.journalRef,
    record.doi,
    record.license,
    categories[0] ?? null,
    record.published,
    record.updated,
    incoming,
    record.withdrawn ? 1 : 0,
    hash,
  ];
}

function planRecord(
  { record: incomingRecord, digest }: IncomingPaper,
  existing: StoredState | undefined,
  plan: UpsertPlan,
): Pick<StoredState, "content_hash" | "latest_version"> {
  // The digest is of the record as the source sent it, so sending the same oversized record again is
  // recognised as unchanged; what is stored is the bounded record.
  const hash = digest ?? contentHash(incomingRecord);
  if (existing?.content_hash === hash) {
    plan.counts.unchanged += 1;
    return existing;
  }
  const { id } = incomingRecord;
  for (const v of incomingRecord.versions) plan.versions.push([id, v.version, v.created]);
  const incoming = latestVersion(incomingRecord);
  // A record that knows no version (a listing file, Hugging Face) never replaces versioned arXiv metadata.
  const stale = existing?.latest_version != null && (incoming === null || incoming < existing.latest_version);
  if (existing && stale) {
    plan.counts.unchanged += 1;
    return existing;
  }
  const { record, cut } = boundRecord(incomingRecord);
  if (cut.length > 0) plan.counts.cut += 1;
  const categories = record.categories.filter(isCategory);
  const row = paperRow(record, categories, incoming, hash);
  if (plan.inserts.has(record.id)) plan.inserts.set(record.id, row);
  else if (existing) plan.updates.set(record.id, row);
  else plan.inserts.set(record.id, row);
  if (existing) plan.counts.updated += 1;
  else plan.counts.added += 1;
  plan.authors.set(record.id, record.authors);
  plan.categories.set(record.id, categories);
  return { content_hash: hash, latest_version: incoming ?? existing?.latest_version ?? null };
}

function planListing(
  paper: IncomingPaper,
  existing: StoredState | undefined,
  options: UpsertOptions,
  plan: UpsertPlan,
): Pick<StoredState, "listing_day" | "external_upvotes"> {
  const upvotes = paper.externalUpvotes ?? null;
  if (existing?.listing_day) {
    if (upvotes === null || upvotes === existing.external_upvotes) return existing;
    // Applied after the listing inserts, so this also corrects a listing made earlier in the same batch.
    plan.upvoteUpdates.set(paper.record.id, upvotes);
    return { listing_day: existing.listing_day, external_upvotes: upvotes };
  }
  if (!paper.featureOn) return { listing_day: null, external_upvotes: null };
  plan.listings.set(paper.record.id, [paper.record.id, paper.featureOn, options.submitterId, upvotes]);
  plan.counts.featured += 1;
  return { listing_day: paper.featureOn, external_upvotes: upvotes };
}

/**
 * A paper's arXiv day: the day a listing saw it announced, else the day its first version gives. A day seen on a
 * listing replaces a derived one; otherwise the first day stored stays.
 */
function planAnnouncement(
  paper: IncomingPaper,
  existing: StoredState | undefined,
  plan: UpsertPlan,
): Pick<StoredState, "arxiv_day" | "observed"> {
  const stated = paper.announcedOn ?? null;
  const kept = { arxiv_day: existing?.arxiv_day ?? null, observed: existing?.observed ?? null };
  if (existing?.arxiv_day && (existing.observed === 1 || stated === null || stated === existing.arxiv_day))
    return kept;
  const day = stated ?? derivedArxivDay(paper.record);
  if (day === null) return kept;
  const observed = stated === null ? 0 : 1;
  plan.announcements.set(paper.record.id, [paper.record.id, day, observed]);
  return { arxiv_day: day, observed };
}

/** Authors as (paper id, position, name, name key) rows: the key is what author pages look names up by. */
export function authorRows(authors: Map<string, readonly string[]>): [string, number, string, string][] {
  return positioned(authors).map(([id, position, name]) => [id, position, name, authorIndexKey(name)]);
}

/** Ordered lists (authors, categories) as (paper id, position, value) rows. */
export function positioned(lists: Map<string, readonly string[]>): [string, number, string][] {
  const rows: [string, number, string][] = [];
  for (const [id, values] of lists) {
    values.forEach((value, i) => {
      rows.push([id, i, value]);
    });
  }
  return rows;
}
