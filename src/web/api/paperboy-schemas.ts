import { z } from "zod";
import { HfPaper } from "./hf-schemas.js";
import { apiSchemas } from "./registry.js";

/** Paperboy's own shapes, for what Hugging Face's API lacks. */
export const UpvoteState = z
  .strictObject({
    paperId: z.string(),
    upvoted: z.boolean().describe("whether the token's account now upvotes the paper"),
    upvotes: z.number().int().min(0).describe("local upvotes after the change"),
  })
  .register(apiSchemas, { id: "UpvoteState" });

export const Comment = z
  .strictObject({
    id: z.number().int(),
    paperId: z.string(),
    parentId: z.number().int().nullable().describe("the thread's first comment, for a reply"),
    author: z.string().describe("the author's handle"),
    body: z.string().describe("as written, in the Markdown subset comments allow"),
    html: z.string().describe("the body rendered safely: no raw HTML, links nofollow"),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .register(apiSchemas, { id: "Comment" });

export const Comments = z.array(Comment).register(apiSchemas, { id: "Comments" });

export const Category = z
  .strictObject({
    category: z.string().describe("arXiv category, e.g. cs.LG"),
    papers: z.number().int().min(0).describe("papers listed in it"),
  })
  .register(apiSchemas, { id: "Category" });

export const Categories = z.array(Category).register(apiSchemas, { id: "Categories" });

export const TrendingWhy = z
  .strictObject({
    upvotes: z.number().int(),
    comments: z.number().int(),
    points: z.number().describe("upvotes + 0.5 x comments"),
    ageHours: z.number(),
    ageDivisor: z.number().describe("(ageHours + 2) ^ 1.8"),
    score: z.number().describe("points / ageDivisor"),
  })
  .register(apiSchemas, {
    id: "TrendingWhy",
    description: "Why a paper is on the trending list (see /about).",
  });

export const TrendingEntry = z
  .strictObject({ paper: HfPaper, why: TrendingWhy })
  .register(apiSchemas, { id: "TrendingEntry" });

export const Trending = z.array(TrendingEntry).register(apiSchemas, { id: "Trending" });

export type Comment = z.infer<typeof Comment>;
export type TrendingWhy = z.infer<typeof TrendingWhy>;
export type Category = z.infer<typeof Category>;
export type TrendingEntry = z.infer<typeof TrendingEntry>;
export type UpvoteState = z.infer<typeof UpvoteState>;
