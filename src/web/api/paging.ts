import type { PageRequest } from "../../lists/paper-list.js";

/** Hugging Face counts pages from 0 (`p`); the lists count from 1. */
export function hfPage(query: { readonly p: number; readonly limit: number }): PageRequest {
  return { page: query.p + 1, size: query.limit };
}

/**
 * The pages that hold papers `offset` to `offset + limit` (the search API's window): one page when the offset
 * falls on a page boundary, as paging clients ask, else the two pages it straddles.
 */
export function pagesOfWindow(offset: number, limit: number): PageRequest[] {
  const first = Math.floor(offset / limit) + 1;
  return offset % limit === 0
    ? [{ page: first, size: limit }]
    : [
        { page: first, size: limit },
        { page: first + 1, size: limit },
      ];
}
