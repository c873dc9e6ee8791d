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

export interface UsersTable {
  id: Generated<number>;
  handle: string;
  email: string | null;
  display_name: string;
  role: string;
  created_at: string;
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

/** A resumable ingestion's position (an OAI-PMH harvest's resumption token, say) as JSON text. */
export interface IngestCursorsTable {
  name: string;
  state: string;
  updated_at: string;
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

export interface Schema {
  papers: PapersTable;
  paper_versions: PaperVersionsTable;
  paper_authors: PaperAuthorsTable;
  paper_categories: PaperCategoriesTable;
  listing_entries: ListingEntriesTable;
  users: UsersTable;
  upvotes: UpvotesTable;
  comments: CommentsTable;
  sessions: SessionsTable;
  used_sign_in_links: UsedSignInLinksTable;
  api_tokens: ApiTokensTable;
  curator_actions: CuratorActionsTable;
  ingest_cursors: IngestCursorsTable;
  job_runs: JobRunsTable;
}
