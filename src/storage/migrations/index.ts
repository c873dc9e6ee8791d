import { papers } from "./0001-papers.js";
import { users } from "./0002-users.js";
import { listingEntries } from "./0003-listing-entries.js";
import { upvotes } from "./0004-upvotes.js";
import { comments } from "./0005-comments.js";
import { announcements } from "./0006-announcements.js";
import { listingsBecomeAnnouncements } from "./0007-listings-become-announcements.js";
import { authorNameKeys } from "./0008-author-name-keys.js";
import { ingestCursors } from "./0100-ingest-cursors.js";
import { jobRuns } from "./0101-job-runs.js";
import { searchIndex } from "./0200-search-index.js";
import { embeddings } from "./0201-embeddings.js";
import { contentlessSearchIndex } from "./0202-contentless-search-index.js";
import { keywordIndexQueue } from "./0203-keyword-index-queue.js";
import { searchWordCounts } from "./0204-search-word-counts.js";
import { sessions } from "./0300-sessions.js";
import { usedSignInLinks } from "./0301-used-sign-in-links.js";
import { apiTokens } from "./0302-api-tokens.js";
import { curatorActions } from "./0303-curator-actions.js";
import { accountDeletion } from "./0305-account-deletion.js";
import { displayNames } from "./0306-display-names.js";
import { retiredHandles } from "./0307-retired-handles.js";
import { neutralHandles } from "./0308-neutral-handles.js";
import { handlesWithoutCase } from "./0309-handles-without-case.js";
import { displayNamesWithoutIds } from "./0310-display-names-without-ids.js";
import { subscriptions } from "./0400-subscriptions.js";
import { subscriptionFollows } from "./0401-subscription-follows.js";
import { deliveries } from "./0402-deliveries.js";
import { sentPapers } from "./0403-sent-papers.js";
import { subscribeRequests } from "./0404-subscribe-requests.js";
import { confirmationSent } from "./0405-confirmation-sent.js";
import { deliveryHolders } from "./0406-delivery-holders.js";
import { embeddingRevisions } from "./0500-embedding-revisions.js";
import { embeddingIdentityIndex } from "./0501-embedding-identity-index.js";
import { embeddingsPerVersion } from "./0520-embeddings-per-version.js";
import { rateLimitWindows } from "./0600-rate-limit-windows.js";
import { readerMarks } from "./0700-reader-marks.js";
import { readerFollows } from "./0701-reader-follows.js";
import { collections } from "./0720-collections.js";
import { collectionPapers } from "./0721-collection-papers.js";
import { collectionEditors } from "./0722-collection-editors.js";
import { contentWrites } from "./0800-content-writes.js";
import { sessionEnds } from "./0830-session-ends.js";
import { searchOrder } from "./0840-search-order.js";
import { keywordCompounds } from "./0850-keyword-compounds.js";
import { searchEras } from "./0860-search-eras.js";
import { searchRuns } from "./0870-search-runs.js";
import { indexInTimeOrder } from "./0880-index-in-time-order.js";
import { searchDocumentsInline } from "./0890-search-documents-inline.js";
import type { Migration } from "./migration.js";

/** Every migration, in order. A new one is a new numbered file added at the end of this list. */
export const MIGRATIONS: readonly Migration[] = [
  papers,
  users,
  listingEntries,
  upvotes,
  comments,
  ingestCursors,
  searchIndex,
  embeddings,
  jobRuns,
  sessions,
  usedSignInLinks,
  apiTokens,
  curatorActions,
  subscriptions,
  subscriptionFollows,
  deliveries,
  sentPapers,
  subscribeRequests,
  confirmationSent,
  embeddingRevisions,
  embeddingIdentityIndex,
  rateLimitWindows,
  contentlessSearchIndex,
  keywordIndexQueue,
  readerMarks,
  readerFollows,
  collections,
  collectionPapers,
  collectionEditors,
  deliveryHolders,
  accountDeletion,
  displayNames,
  searchWordCounts,
  announcements,
  listingsBecomeAnnouncements,
  authorNameKeys,
  retiredHandles,
  neutralHandles,
  handlesWithoutCase,
  displayNamesWithoutIds,
  contentWrites,
  embeddingsPerVersion,
  sessionEnds,
  searchOrder,
  keywordCompounds,
  searchEras,
  searchRuns,
  indexInTimeOrder,
  searchDocumentsInline,
];
