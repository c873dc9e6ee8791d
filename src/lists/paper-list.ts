import type { PaperSummary } from "../core/paper.js";

/** Which page of a list to read: pages count from 1 here; each edge translates its own convention. */
export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

/**
 * One page of a list a reader sees, the same for its HTML page, its JSON API and its feed: they only present
 * it. Paths are site-relative.
 */
export interface PaperList {
  /** What the list is, for a page's or a feed's title. */
  readonly title: string;
  readonly description: string;
  readonly papers: readonly PaperSummary[];
  /** Papers in the whole list, over every page. */
  readonly total: number;
  /** This page, from 1. */
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  /** The address of the page that shows this list, with its parameters but without a page number. */
  readonly pagePath: string;
  /** The address of the list's feed without the format's extension; `feedQuery` follows the extension. */
  readonly feedPath: string;
  readonly feedQuery: string;
}

/** What a list function knows besides its papers and paging. */
export type ListHeading = Pick<PaperList, "title" | "description" | "pagePath" | "feedPath"> &
  Partial<Pick<PaperList, "feedQuery">>;

/** The papers to skip before `request`'s page. */
export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.size;
}

export function paperList(
  heading: ListHeading,
  request: PageRequest,
  papers: readonly PaperSummary[],
  total: number,
): PaperList {
  return {
    feedQuery: "",
    ...heading,
    papers,
    total,
    page: request.page,
    pageSize: request.size,
    pageCount: Math.max(1, Math.ceil(total / request.size)),
  };
}
