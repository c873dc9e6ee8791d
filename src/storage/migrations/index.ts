import { papers } from "./0001-papers.js";
import { users } from "./0002-users.js";
import { listingEntries } from "./0003-listing-entries.js";
import { upvotes } from "./0004-upvotes.js";
import { comments } from "./0005-comments.js";
import { ingestCursors } from "./0100-ingest-cursors.js";
import { jobRuns } from "./0101-job-runs.js";
import { sessions } from "./0300-sessions.js";
import { usedSignInLinks } from "./0301-used-sign-in-links.js";
import { apiTokens } from "./0302-api-tokens.js";
import { curatorActions } from "./0303-curator-actions.js";
import type { Migration } from "./migration.js";

/** Every migration, in order. A new one is a new numbered file added at the end of this list. */
export const MIGRATIONS: readonly Migration[] = [
  papers,
  users,
  listingEntries,
  upvotes,
  comments,
  ingestCursors,
  jobRuns,
  sessions,
  usedSignInLinks,
  apiTokens,
  curatorActions,
];
