import type { PaperSummary } from "../../core/paper.js";
import { bibtexList } from "./bibtex.js";
import { cslList } from "./csl-json.js";
import { risList } from "./ris.js";

/**
 * The citation formats every exportable list (a day, a week, a month, a search, a collection) and every paper
 * come in, by the last segment of their address: `/papers/date/2026-06-30/ris`.
 */
export const EXPORT_FORMATS = {
  bibtex: { label: "BibTeX", extension: "bib", type: "application/x-bibtex", render: bibtexList },
  ris: { label: "RIS", extension: "ris", type: "application/x-research-info-systems", render: risList },
  "csl-json": {
    label: "CSL-JSON",
    extension: "json",
    type: "application/vnd.citationstyles.csl+json",
    render: cslList,
  },
} as const satisfies Record<
  string,
  { label: string; extension: string; type: string; render: (papers: readonly PaperSummary[]) => string }
>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(text: string): text is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, text);
}

/** The document for `papers` in `format`, with its content type and a file name built on `name`. */
export function exportDocument(format: ExportFormat, papers: readonly PaperSummary[], name: string) {
  const spec = EXPORT_FORMATS[format];
  return {
    body: spec.render(papers),
    contentType: `${spec.type}; charset=utf-8`,
    fileName: `${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.${spec.extension}`,
  };
}
