import { z } from "zod";
import { ApiError, HfDailyPapers, HfPaper, HfPapers } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { DailyPapersQuery, IndexBody, PaperParams, PapersQuery, SearchQuery } from "./queries.js";

const withError = (spec: { description: string; headers?: readonly string[] }) => ({
  ...spec,
  schema: ApiError,
});
const RATE = ["RateLimit", "RateLimit-Policy"];

/** Hugging Face's endpoints, with its paths, parameters and shapes, so its clients only change the base URL. */
export const dailyPapers: Operation = {
  id: "listDailyPapers",
  method: "get",
  path: "/api/daily_papers",
  tag: "Hugging Face compatible",
  summary: "Featured papers of a day, week or month",
  description:
    "Without date, week or month: every listing day, newest first. Give at most one of date, week and month.",
  query: DailyPapersQuery,
  responses: {
    200: { description: "One page of entries.", schema: HfDailyPapers, headers: RATE },
    400: withError(e.invalid),
    429: withError(e.rateLimited),
  },
};

export const paperInfo: Operation = {
  id: "getPaper",
  method: "get",
  path: "/api/papers/{id}",
  tag: "Hugging Face compatible",
  summary: "One paper",
  description: "A version suffix (2409.13598v2) is accepted and ignored. Old-style ids keep their slash.",
  params: PaperParams,
  responses: {
    200: { description: "The paper.", schema: HfPaper, headers: RATE },
    400: withError(e.invalid),
    404: withError(e.notFound),
    429: withError(e.rateLimited),
  },
};

export const listPapers: Operation = {
  id: "listPapers",
  method: "get",
  path: "/api/papers",
  tag: "Hugging Face compatible",
  summary: "Every paper, newest arXiv id first",
  description: 'Cursor paging: the `Link` header names the next page (`rel="next"`) while there is one.',
  query: PapersQuery,
  responses: {
    200: { description: "One page of papers.", schema: HfPapers, headers: ["Link", ...RATE] },
    400: withError(e.invalid),
    429: withError(e.rateLimited),
  },
};

export const searchPapers: Operation = {
  id: "searchPapers",
  method: "get",
  path: "/api/papers/search",
  tag: "Hugging Face compatible",
  summary: "Search papers: an id or exact title first, then keyword and semantic rankings fused",
  description:
    "Entries in the shape of /api/daily_papers. `q` and `limit` are Hugging Face's; `mode`, the filters and " +
    "`offset` are Paperboy's. `X-Total-Count` says how many papers match in all.",
  query: SearchQuery,
  responses: {
    200: { description: "Best match first.", schema: HfDailyPapers, headers: ["X-Total-Count", ...RATE] },
    400: withError(e.invalid),
    429: withError(e.rateLimited),
  },
};

export const indexPaper: Operation = {
  id: "indexPaper",
  method: "post",
  path: "/api/papers/index",
  tag: "Hugging Face compatible",
  summary: "Submit a paper by arXiv id",
  description: "Fetches an unknown paper from arXiv and features it on today's listing day.",
  body: IndexBody,
  auth: true,
  responses: {
    200: { description: "The paper, as it now stands.", schema: HfPaper },
    400: withError(e.invalid),
    401: withError(e.unauthorized),
    409: withError({ description: "The paper is already featured." }),
    429: withError(e.rateLimited),
  },
};

const text = (description: string, contentType: string) => ({ description, contentType, schema: z.string() });

export const paperMarkdown: Operation = {
  id: "getPaperMarkdown",
  method: "get",
  path: "/papers/{id}.md",
  tag: "Citations and formats",
  summary: "A paper page as Markdown: title, authors, abstract, links",
  params: PaperParams,
  responses: {
    200: text("The Markdown page.", "text/markdown"),
    400: text("A malformed id.", "text/html"),
    404: text("No such paper.", "text/html"),
  },
};

export const HF_OPERATIONS = [
  dailyPapers,
  paperInfo,
  listPapers,
  searchPapers,
  indexPaper,
  paperMarkdown,
] as const;
