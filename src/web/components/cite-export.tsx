import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "../citations/formats.js";

/**
 * "Cite / export": the list's papers as BibTeX, RIS or CSL-JSON, for reference managers. `path` is the list's
 * own address; `query` (a search's `?q=...`) is kept.
 */
export function CiteExport({ path, query = "", count }: { path: string; query?: string; count?: number }) {
  const base = path === "/" ? "" : path.replace(/\/$/, "");
  return (
    <details class="cite-export">
      <summary>
        Cite / export{count === undefined ? "" : ` (${count} ${count === 1 ? "paper" : "papers"})`}
      </summary>
      <ul>
        {EXPORT_FORMAT_NAMES.map((format) => (
          <li key={format}>
            <a href={`${base}/${format}${query}`} type={EXPORT_FORMATS[format].type} download="">
              {EXPORT_FORMATS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
