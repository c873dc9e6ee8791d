import { z } from "zod";
import type { Operation } from "../api/operation.js";
import { PaperParams } from "../api/queries.js";

const bibtex = (description: string) => ({
  description,
  contentType: "application/x-bibtex",
  schema: z.string(),
});
const page = (description: string) => ({ description, contentType: "text/html", schema: z.string() });
const TAG = "Citations and formats";

export const paperBibtex: Operation = {
  id: "getPaperBibtex",
  method: "get",
  path: "/papers/{id}/bibtex",
  tag: TAG,
  summary: "BibTeX for a paper (arXiv's @misc form)",
  params: PaperParams,
  responses: { 200: bibtex("One entry."), 400: page("A malformed id."), 404: page("No such paper.") },
};

const list = (kind: string, name: string, pattern: RegExp, example: string): Operation => ({
  id: `get${kind}Bibtex`,
  method: "get",
  path: `/papers/${name}/{key}/bibtex`,
  tag: TAG,
  summary: `BibTeX for every paper featured in a ${kind.toLowerCase()}`,
  params: z.object({ key: z.string().regex(pattern).describe(`e.g. ${example}`) }),
  responses: {
    200: bibtex("One entry per paper, in list order."),
    400: page(`A malformed ${kind.toLowerCase()}.`),
  },
});

export const CITATION_OPERATIONS: readonly Operation[] = [
  paperBibtex,
  list("Day", "date", /^\d{4}-\d{2}-\d{2}$/, "2026-06-30"),
  list("Week", "week", /^\d{4}-W\d{2}$/, "2026-W27"),
  list("Month", "month", /^\d{4}-\d{2}$/, "2026-06"),
];
