import type { PaperList } from "../../lists/paper-list.js";

/** An address with one query parameter set to `value`, or left out when `value` is null. */
export function withParameter(address: string, name: string, value: string | null): string {
  const [path = "", query = ""] = address.split("?", 2);
  const params = new URLSearchParams(query);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The address of one page of a list: its page's address with `page=N` (left out for the first page). */
export function pageHref(pagePath: string, page: number): string {
  return withParameter(pagePath, "page", page > 1 ? String(page) : null);
}

/** Previous and next page links of a list, with where the reader is; nothing for a list of one page. */
export function Pagination({ list }: { readonly list: Pick<PaperList, "page" | "pageCount" | "pagePath"> }) {
  const { page, pageCount, pagePath } = list;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={pageHref(pagePath, page - 1)}>
          ← Previous page
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={pageHref(pagePath, page + 1)}>
          More papers →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
