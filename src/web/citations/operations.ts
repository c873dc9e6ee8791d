import { z } from "zod";
import type { Operation } from "../api/operation.js";
import { PaperParams } from "../api/queries.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from "./formats.js";

const document = (format: ExportFormat, description: string) => ({
  description,
  contentType: EXPORT_FORMATS[format].type,
  schema: z.string(),
});
const page = (description: string) => ({ description, contentType: "text/html", schema: z.string() });
const TAG = "Citations and formats";

const idName = (format: ExportFormat) => EXPORT_FORMATS[format].label.replace(/-/g, "");

const paperExport = (format: ExportFormat): Operation => ({
  id: `getPaper${idName(format)}`,
  method: "get",
  path: `/papers/{id}/${format}`,
  tag: TAG,
  summary: `${EXPORT_FORMATS[format].label} for a paper`,
  params: PaperParams,
  responses: {
    200: document(format, "One entry."),
    400: page("A malformed id."),
    404: page("No such paper."),
  },
});

const list = (
  format: ExportFormat,
  kind: string,
  name: string,
  pattern: RegExp,
  example: string,
): Operation => ({
  id: `get${kind}${idName(format)}`,
  method: "get",
  path: `/papers/${name}/{key}/${format}`,
  tag: TAG,
  summary: `${EXPORT_FORMATS[format].label} for every paper featured in a ${kind.toLowerCase()}`,
  params: z.object({ key: z.string().regex(pattern).describe(`e.g. ${example}`) }),
  responses: {
    200: document(format, "One entry per paper, in list order."),
    400: page(`A malformed ${kind.toLowerCase()}.`),
  },
});

const collectionExport = (format: ExportFormat): Operation => ({
  id: `getCollection${idName(format)}`,
  method: "get",
  path: `/collections/{ref}/${format}`,
  tag: TAG,
  summary: `${EXPORT_FORMATS[format].label} for a collection, in its order (private ones for their members only)`,
  params: z.object({ ref: z.string().describe("the collection's id, optionally followed by -slug") }),
  responses: { 200: document(format, "One entry per paper."), 404: page("No such collection, or private.") },
});

/** Every export, in every format: a paper, a day, a week, a month, a collection. */
export const CITATION_OPERATIONS: readonly Operation[] = EXPORT_FORMAT_NAMES.flatMap((format) => [
  paperExport(format),
  list(format, "Day", "date", /^\d{4}-\d{2}-\d{2}$/, "2026-06-30"),
  list(format, "Week", "week", /^\d{4}-W\d{2}$/, "2026-W27"),
  list(format, "Month", "month", /^\d{4}-\d{2}$/, "2026-06"),
  collectionExport(format),
]);
