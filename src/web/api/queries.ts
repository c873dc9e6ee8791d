import { z } from "zod";

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
