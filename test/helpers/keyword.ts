import { NO_FILTERS } from "../../src/search/query/tree.js";
import type { KeywordRequest } from "../../src/storage/keyword-types.js";

/**
 * A keyword request for these words, each a group of its own: papers holding every one (`any` false) or any of
 * them; no filter, first page of 20 unless `more` says otherwise.
 */
export function keywordRequest(words: readonly string[], any: boolean, more: Partial<KeywordRequest> = {}) {
  const request: KeywordRequest = {
    match: { all: words.map((word) => [word]), none: [], any },
    filters: NO_FILTERS,
    offset: 0,
    limit: 20,
    ...more,
  };
  return request;
}
