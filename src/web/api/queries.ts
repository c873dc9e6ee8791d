import { z } from "zod";
import { SEARCH_MODES, SEARCH_SORTS } from "../../search/search-papers.js";

/**
 * What the API's routes accept, with Hugging Face's names, defaults and limits (huggingface_hub's
 * `list_daily_papers`: `p` from 0, `limit` 50 by default and at most 100, `sort` publishedAt or trending).
 */
const whole = (name: string) =>
  z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`);

export const DailyPapersQuery = z.object({
  p: whole("p").min(0, "p counts pages from 0").max(100_000).default(0).describe("page number, from 0"),
  limit: whole("limit")
    .min(1, "limit must be from 1 to 100")
    .max(100, "limit must be from 1 to 100")
    .default(50)
    .describe("entries per page"),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be a day in the form YYYY-MM-DD")
    .optional()
    .describe("one listing day, YYYY-MM-DD"),
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, "week must be an ISO week in the form YYYY-Www")
    .optional()
    .describe("an ISO week, YYYY-Www"),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, "month must be in the form YYYY-MM")
    .optional()
    .describe("a month, YYYY-MM"),
  submitter: z.string().min(1).max(100).optional().describe("handle of the account that featured the papers"),
  sort: z
    .enum(["publishedAt", "trending"], { error: "sort must be publishedAt or trending" })
    .default("publishedAt")
    .describe("publishedAt: newest listing day first; trending: most upvoted first"),
});
export type DailyPapersQuery = z.infer<typeof DailyPapersQuery>;

export const PapersQuery = z.object({
  cursor: z.string().max(200).optional().describe("the `cursor` of the previous page's Link header"),
  limit: whole("limit")
    .min(1, "limit must be from 1 to 100")
    .max(100, "limit must be from 1 to 100")
    .default(50)
    .describe("papers per page"),
});
export type PapersQuery = z.infer<typeof PapersQuery>;

export const IndexBody = z.object({
  arxivId: z.string({ error: "arxivId is required" }).min(1).max(200).describe("an arXiv id or link"),
});
export type IndexBody = z.infer<typeof IndexBody>;

export const PaperParams = z.object({ id: z.string().describe("an arXiv id, with or without version") });

/** HF's search answers at most 120 papers per request and reads at most 250 characters of query. */
export const SEARCH_MAX_LIMIT = 120;
export const SEARCH_MAX_QUERY = 250;

const searchDay = (name: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a day written YYYY-MM-DD`);

/** Paperboy's search additions, shared by the search page and the API. */
export const SEARCH_FILTERS = {
  mode: z
    .enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(", ")}` })
    .default("hybrid")
    .describe("hybrid fuses keyword and semantic rankings; keyword and semantic use one of them"),
  sort: z
    .enum(SEARCH_SORTS, { error: `sort must be one of ${SEARCH_SORTS.join(", ")}` })
    .default("relevance")
    .describe("relevance, or date: the papers holding every word, newest first (not for semantic search)"),
  cat: z.string().max(40).optional().describe("only papers in this arXiv category, e.g. cs.LG"),
  author: z.string().max(200).optional().describe("only papers with an author whose name holds this text"),
  after: searchDay("after").optional().describe("only papers published on or after this day, YYYY-MM-DD"),
  before: searchDay("before").optional().describe("only papers published on or before this day, YYYY-MM-DD"),
};

/** The search page's and the search feed's question: the same terms name the same list. */
export const SearchTermsQuery = z.object({
  q: z.string().max(500, "q takes at most 500 characters").default(""),
  ...SEARCH_FILTERS,
});

export const SearchQuery = z.object({
  q: z
    .string()
    .max(SEARCH_MAX_QUERY, `q takes at most ${SEARCH_MAX_QUERY} characters`)
    .default("")
    .describe("an arXiv id or link, a title, or words with the operators of the search page"),
  limit: whole("limit")
    .min(1, `limit must be from 1 to ${SEARCH_MAX_LIMIT}`)
    .max(SEARCH_MAX_LIMIT, `limit must be from 1 to ${SEARCH_MAX_LIMIT}`)
    .default(50)
    .describe("papers per page"),
  offset: whole("offset")
    .min(0, "offset must be from 0 to 1000")
    .max(1000, "offset must be from 0 to 1000")
    .default(0)
    .describe("papers to skip, for the next page"),
  ...SEARCH_FILTERS,
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SimilarQuery = z.object({
  limit: whole("limit")
    .min(1, "limit must be from 1 to 50")
    .max(50, "limit must be from 1 to 50")
    .default(10)
    .describe("how many papers"),
});
