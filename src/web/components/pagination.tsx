import type { PaperList } from "../../lists/paper-list.js";
import { withParameter } from "../address.js";
import { viewOfPath, withView } from "../list-view.js";
import { useViewer } from "../viewer.js";

/** The address of one page of a list: its page's address with `page=N` (left out for the first page). */
export function pageHref(pagePath: string, page: number): string {
  return withParameter(pagePath, "page", page > 1 ? String(page) : null);
}

/** A page of the list in the view the reader chose (compact rows or full cards). */
function pageInView(pagePath: string, page: number, viewerPath: string): string {
  return withView(pageHref(pagePath, page), viewOfPath(viewerPath));
}

/** Previous and next page links of a list, with where the reader is; nothing for a list of one page. */
export function Pagination({ list }: { readonly list: Pick<PaperList, "page" | "pageCount" | "pagePath"> }) {
  const { page, pageCount, pagePath } = list;
  const { path } = useViewer();
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a rel="prev" href={pageInView(pagePath, page - 1, path)}>
          ← Previous page
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={pageInView(pagePath, page + 1, path)}>
          More papers →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
