import type { Generated } from "kysely";

/**
 * The tables as Kysely sees them. Instants are ISO 8601 text and days are YYYY-MM-DD text on every backend, so
 * rows compare and sort the same on SQLite and PostgreSQL.
 */
export interface PapersTable {
  id: string;
  title: string;
  abstract: string;
  comment: string | null;
  journal_ref: string | null;
  doi: string | null;
  license: string | null;
  primary_category: string | null;
  published: string | null;
  updated: string | null;
  latest_version: number | null;
  withdrawn: number;
  /** Digest of the stored metadata: an incoming record with the same digest costs no write. */
  content_hash: string;
  created_at: string;
  modified_at: string;
}

export interface PaperVersionsTable {
  paper_id: string;
  version: number;
  created: string;
}

export interface PaperAuthorsTable {
  paper_id: string;
  position: number;
  name: string;
  /** Folded surname and first initial, what author pages look names up by (core/author-name.ts). */
  name_key: string | null;
}

export interface PaperCategoriesTable {
  paper_id: string;
  position: number;
  category: string;
}

export interface ListingEntriesTable {
  paper_id: string;
  listing_day: string;
  submitted_by: number | null;
  featured_at: string;
  source: string;
  external_upvotes: number | null;
}

/** A paper's arXiv day: the paper is one of that day's new papers (migration 0006). */
export interface AnnouncementsTable {
  paper_id: string;
  arxiv_day: string;
  /** 1 when a listing of arXiv's new submissions saw it that day, 0 when derived from its first version. */
  observed: number;
}

export interface UsersTable {
  id: Generated<number>;
  handle: string;
  email: string | null;
  display_name: string;
  role: string;
  created_at: string;
  /** When the account was deleted (its row stays as a "deleted account" tombstone); migration 0305. */
  deleted_at: Generated<string | null>;
}

/** A handle an account used before (migration 0307); `redirects` is 1 when `/members/HANDLE` leads to it. */
export interface RetiredHandlesTable {
  handle: string;
  account_id: number;
  retired_at: string;
  redirects: number;
}

export interface UpvotesTable {
  user_id: number;
  paper_id: string;
  created_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  paper_id: string;
  user_id: number;
  parent_id: number | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  hidden_at: string | null;
  deleted_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface UsedSignInLinksTable {
  nonce: string;
  used_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CuratorActionsTable {
  id: Generated<number>;
  user_id: number | null;
  action: string;
  paper_id: string | null;
  comment_id: number | null;
  detail: string | null;
  created_at: string;
}

/** SQLite only: the stable integer key of each paper's FTS5 entry. */
export interface SearchRowsTable {
  id: Generated<number>;
  paper_id: string;
}

/** Papers waiting for their keyword-index entry (migration 0203). */
export interface SearchPendingTable {
  paper_id: string;
  /** The paper's first submission (published), '' when unknown: the queue hands papers over oldest first. */
  submitted: Generated<string>;
}

export interface PaperEmbeddingsTable {
  paper_id: string;
  embedder: string;
  version: string;
  /** Little-endian float32 components of a unit vector. */
  vector: Uint8Array;
  /** The embedder's revision counter when this vector was written (embedding_revisions). */
  revision: Generated<number>;
}

/** The latest revision of each embedder's stored vectors: what processes poll to see new vectors. */
export interface EmbeddingRevisionsTable {
  embedder: string;
  revision: number;
}

export interface EmbedderModelsTable {
  name: string;
  version: string;
  header: string;
  data: Uint8Array;
  created_at: string;
}

/** A resumable ingestion's position (an OAI-PMH harvest's resumption token, say) as JSON text. */
export interface IngestCursorsTable {
  name: string;
  state: string;
  updated_at: string;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  email: string;
  cadence: string;
  paper_count: number;
  user_id: number | null;
  feed_key: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** When the confirmation email went to the mail server (null: never, or it failed). */
  confirmation_sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubscriptionFollowsTable {
  subscription_id: number;
  position: number;
  follow: string;
}

export interface DeliveriesTable {
  subscription_id: number;
  period_key: string;
  status: "sending" | "sent" | "retry" | "failed" | "empty";
  attempts: number;
  claimed_at: string;
  /** The claim's holder (storage/run-holder.ts); null for claims made before holders were recorded. */
  claimed_by: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  message_id: string | null;
  paper_ids: string | null;
  error: string | null;
}

export interface SentPapersTable {
  subscription_id: number;
  paper_id: string;
  period_key: string;
  sent_at: string;
}

export interface SubscribeRequestsTable {
  email: string;
  requested_at: string;
}

export interface RateLimitWindowsTable {
  key: string;
  /** Unix milliseconds at which the window ends (bigint: PostgreSQL reads it as text). */
  reset_at_ms: number | string;
  count: number;
}

/** The claim and outcome of one scheduled job for one period. */
export interface JobRunsTable {
  job: string;
  period: string;
  /** running | done | skipped | failed */
  status: string;
  attempts: number;
  claimed_by: string;
  claimed_at: string;
  finished_at: string | null;
  detail: string | null;
}

/** A reader's private mark on a paper: `not_interested` (signals) or `read` (reading state, library). */
export interface ReaderMarksTable {
  account_id: number;
  paper_id: string;
  kind: string;
  created_at: string;
}

/** What a reader follows: an arXiv category, or an author by folded name (core/author-name.ts). */
export interface ReaderFollowsTable {
  account_id: number;
  kind: string;
  value: string;
  label: string;
  created_at: string;
}

/** A named list of papers owned by an account (migration 0720). */
export interface CollectionsTable {
  id: Generated<number>;
  owner_id: number;
  name: string;
  description: string;
  /** private | public */
  visibility: string;
  /** 1 for the account's default collection ("Saved"), else 0. */
  is_default: number;
  created_at: string;
  updated_at: string;
}

export interface CollectionPapersTable {
  collection_id: number;
  paper_id: string;
  /** The owner's order: ascending. */
  position: number;
  note: string;
  added_by: number | null;
  added_at: string;
}

export interface CollectionEditorsTable {
  collection_id: number;
  user_id: number;
  added_at: string;
}

/** The data version's counter: writes to the tables pages show, counted by triggers (content-writes.ts). */
export interface ContentWritesTable {
  slot: number;
  /** bigint: PostgreSQL reads it as text. */
  writes: number | string;
}

/** How many sessions have ended (migration 0830): who is signed in may be kept until it moves. */
export interface SessionEndsTable {
  /** bigint: PostgreSQL reads it as text. */
  ends: number | string;
}

export interface Schema {
  rate_limit_windows: RateLimitWindowsTable;
  content_writes: ContentWritesTable;
  session_ends: SessionEndsTable;
  papers: PapersTable;
  paper_versions: PaperVersionsTable;
  paper_authors: PaperAuthorsTable;
  paper_categories: PaperCategoriesTable;
  listing_entries: ListingEntriesTable;
  announcements: AnnouncementsTable;
  users: UsersTable;
  retired_handles: RetiredHandlesTable;
  upvotes: UpvotesTable;
  comments: CommentsTable;
  sessions: SessionsTable;
  used_sign_in_links: UsedSignInLinksTable;
  api_tokens: ApiTokensTable;
  curator_actions: CuratorActionsTable;
  search_rows: SearchRowsTable;
  search_pending: SearchPendingTable;
  paper_embeddings: PaperEmbeddingsTable;
  embedder_models: EmbedderModelsTable;
  embedding_revisions: EmbeddingRevisionsTable;
  ingest_cursors: IngestCursorsTable;
  subscriptions: SubscriptionsTable;
  subscription_follows: SubscriptionFollowsTable;
  deliveries: DeliveriesTable;
  sent_papers: SentPapersTable;
  subscribe_requests: SubscribeRequestsTable;
  job_runs: JobRunsTable;
  reader_marks: ReaderMarksTable;
  reader_follows: ReaderFollowsTable;
  collections: CollectionsTable;
  collection_papers: CollectionPapersTable;
  collection_editors: CollectionEditorsTable;
}
