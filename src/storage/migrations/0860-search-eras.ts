import type { Migration } from "./migration.js";

/**
 * Once (PostgreSQL) a GIN index over each document with a lexeme naming its era, 4,096 papers in index order,
 * through which the newest matches of common words were looked for era window by era window. Migration 0870's
 * run index replaced it before any release carried it, so it now does nothing: an archive upgrading from
 * before it would build an index only to drop it again (8 minutes at 3,000,000 papers). 0870 still drops the
 * index and its functions where an earlier build made them.
 */
export const searchEras: Migration = {
  name: "0860-search-eras",
  async up() {},
};
