import { z } from "zod";
import { apiSchemas } from "./registry.js";

/**
 * Hugging Face's paper shapes, field for field as `huggingface.co/api/daily_papers` and `/api/papers/ID`
 * answer them (test/fixtures/hf-daily-papers.json is a recorded answer). Objects are strict, so a field that is
 * not declared here can neither be sent by Paperboy nor go unnoticed in Hugging Face's recorded answer.
 */
const instant = z.string().describe("ISO 8601 instant, e.g. 2026-08-03T00:00:00.000Z");
const objectId = z.string().describe("24 hexadecimal digits, stable for the same thing");

export const HfUser = z
  .strictObject({
    _id: objectId,
    avatarUrl: z.string(),
    isPro: z.boolean(),
    fullname: z.string(),
    user: z.string().describe("the account's handle"),
    type: z.literal("user"),
    name: z.string().describe("the account's handle"),
  })
  .register(apiSchemas, {
    id: "HfUser",
    description: "An account, as Hugging Face shows a paper's submitter.",
  });

export const HfSubmitter = z
  .strictObject({
    _id: objectId,
    avatarUrl: z.string(),
    fullname: z.string(),
    name: z.string().describe("the account's handle"),
    type: z.literal("user"),
    isPro: z.boolean(),
    isHf: z.boolean(),
    isHfAdmin: z.boolean(),
    isMod: z.boolean(),
    followerCount: z.number().int(),
    isUserFollowing: z.boolean().optional(),
  })
  .register(apiSchemas, {
    id: "HfSubmitter",
    description: "The account that featured a paper on a daily list.",
  });

export const HfOrganization = z
  .strictObject({ _id: objectId, name: z.string(), fullname: z.string(), avatar: z.string().optional() })
  .register(apiSchemas, { id: "HfOrganization" });

export const HfAuthor = z
  .strictObject({
    _id: objectId,
    name: z.string(),
    hidden: z.boolean(),
    user: HfUser.optional(),
    status: z.string().optional(),
    statusLastChangedAt: instant.optional(),
  })
  .register(apiSchemas, { id: "HfAuthor", description: "One author, in the paper's order." });

export const HfPaper = z
  .strictObject({
    id: z.string().describe("arXiv id without version"),
    authors: z.array(HfAuthor),
    mediaUrls: z.array(z.string()).optional(),
    publishedAt: instant.describe("when arXiv published the first version"),
    submittedOnDailyAt: instant
      .optional()
      .describe("midnight UTC of the listing day the paper was featured on"),
    title: z.string(),
    submittedOnDailyBy: HfUser.optional(),
    summary: z.string().describe("the abstract"),
    upvotes: z.number().int().min(0),
    discussionId: objectId,
    projectPage: z.string().optional(),
    githubRepo: z.string().optional(),
    githubRepoAddedBy: z.string().optional(),
    githubStars: z.number().int().optional(),
    withdrawnAt: instant.optional(),
    organization: HfOrganization.optional(),
    ai_summary: z.string().optional(),
    ai_keywords: z.array(z.string()).optional(),
  })
  .register(apiSchemas, { id: "HfPaper", description: "A paper in Hugging Face's shape." });

export const HfDailyPaper = z
  .strictObject({
    paper: HfPaper,
    publishedAt: instant.describe("when the paper was featured on its listing day"),
    title: z.string(),
    summary: z.string(),
    mediaUrls: z.array(z.string()).optional(),
    thumbnail: z.string(),
    numComments: z.number().int().min(0),
    submittedBy: HfSubmitter,
    organization: HfOrganization.optional(),
    isAuthorParticipating: z.boolean(),
  })
  .register(apiSchemas, { id: "HfDailyPaper", description: "One entry of a daily list." });

export const HfDailyPapers = z
  .array(HfDailyPaper)
  .register(apiSchemas, { id: "HfDailyPapers", description: "A page of daily-list entries." });

export const HfPapers = z.array(HfPaper).register(apiSchemas, { id: "HfPapers" });

export const ApiError = z
  .strictObject({
    error: z
      .string()
      .describe("stable code: invalid, unauthorized, forbidden, not_found, conflict, rate_limited"),
    message: z.string().describe("what went wrong and what to do about it"),
  })
  .register(apiSchemas, { id: "Error" });

export type HfUser = z.infer<typeof HfUser>;
export type HfSubmitter = z.infer<typeof HfSubmitter>;
export type HfAuthor = z.infer<typeof HfAuthor>;
export type HfPaper = z.infer<typeof HfPaper>;
export type HfDailyPaper = z.infer<typeof HfDailyPaper>;
export type ApiError = z.infer<typeof ApiError>;
