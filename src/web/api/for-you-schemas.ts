import { z } from "zod";
import { FOR_YOU_DAYS, FOR_YOU_PAGE_SIZE, MAX_FOR_YOU_DAYS, MAX_FOR_YOU_LIMIT } from "../../lists/for-you.js";
import { HfDailyPaper } from "./hf-schemas.js";
import { apiSchemas } from "./registry.js";

const whole = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be from 1 to ${max}`)
    .max(max, `${name} must be from 1 to ${max}`);

export const ForYouQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be a day in the form YYYY-MM-DD")
    .optional()
    .describe("the last day of the span, YYYY-MM-DD; the newest day with papers when left out"),
  days: whole("days", MAX_FOR_YOU_DAYS).default(FOR_YOU_DAYS).describe("how many days the span reaches back"),
  limit: whole("limit", MAX_FOR_YOU_LIMIT).default(FOR_YOU_PAGE_SIZE).describe("how many papers, best first"),
});

export const ForYouReason = z
  .strictObject({
    kind: z.enum(["like", "author", "category", "trending"]),
    text: z.string().describe("the reason in words"),
    paperId: z.string().optional().describe("like: the paper you upvoted or saved that this one is like"),
    title: z.string().optional().describe("like: that paper's title"),
    signal: z.enum(["upvote", "save"]).optional().describe("like: whether you upvoted or saved it"),
    name: z.string().optional().describe("author: the author you follow, as you followed them"),
    category: z.string().optional().describe("category: the category you follow"),
  })
  .register(apiSchemas, { id: "ForYouReason", description: "Why a paper is in your For you." });

export const ForYouEntry = HfDailyPaper.extend({
  score: z.number().describe("the model's score in margin units (see docs/for-you.md); higher is better"),
  reasons: z.array(ForYouReason),
}).register(apiSchemas, {
  id: "ForYouEntry",
  description: "A daily-list entry with its For you score and reasons.",
});

export const ForYouEntries = z.array(ForYouEntry).register(apiSchemas, { id: "ForYouEntries" });
