import { z } from "zod";
import { CATEGORY_DAYS } from "../../lists/category.js";
import { ApiError, HfDailyPapers } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { Categories, Comment, Comments, Trending, UpvoteState } from "./paperboy-schemas.js";
import { DailyPapersQuery, PaperParams, SimilarQuery } from "./queries.js";

const TAG = "Paperboy";
const RATE = ["RateLimit", "RateLimit-Policy"];
const withError = (spec: { description: string; headers?: readonly string[] }) => ({
  ...spec,
  schema: ApiError,
});
const writeErrors = {
  400: withError(e.invalid),
  401: withError(e.unauthorized),
  404: withError(e.notFound),
  429: withError(e.rateLimited),
};

export const CommentBody = z.object({
  body: z
    .string({ error: "body is required" })
    .min(1)
    .max(5000)
    .describe("Markdown subset, at most 5000 characters"),
  parentId: z.number().int().positive().optional().describe("the comment this one replies to"),
});

export const CommentParams = z.object({
  commentId: z.coerce.number().int().positive().describe("a comment id"),
});

export const TrendingQuery = z.object({
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be from 1 to 100")
    .max(100, "limit must be from 1 to 100")
    .default(50)
    .describe("entries"),
});

export const CategoryParams = z.object({
  category: z.string().max(40).describe("an arXiv category, e.g. cs.LG"),
});

export const CategoryPapersQuery = DailyPapersQuery.pick({ p: true, limit: true });

const upvote = (method: "post" | "delete", summary: string): Operation => ({
  id: method === "post" ? "upvotePaper" : "removeUpvote",
  method,
  path: "/api/papers/{id}/upvote",
  tag: TAG,
  summary,
  description: "Idempotent: the answer says the state after the request, whatever it was before.",
  params: PaperParams,
  auth: true,
  responses: {
    200: { description: "The upvote's new state.", schema: UpvoteState, headers: RATE },
    ...writeErrors,
  },
});

export const upvotePaper = upvote("post", "Upvote a paper");
export const removeUpvote = upvote("delete", "Take an upvote back");

export const listComments: Operation = {
  id: "listComments",
  method: "get",
  path: "/api/papers/{id}/comments",
  tag: TAG,
  summary: "A paper's visible comments, oldest first, replies after their thread's first comment",
  params: PaperParams,
  responses: {
    200: { description: "The comments.", schema: Comments, headers: RATE },
    400: withError(e.invalid),
    404: withError(e.notFound),
    429: withError(e.rateLimited),
  },
};

export const postComment: Operation = {
  id: "postComment",
  method: "post",
  path: "/api/papers/{id}/comments",
  tag: TAG,
  summary: "Comment on a paper, or reply to a comment",
  params: PaperParams,
  body: CommentBody,
  auth: true,
  responses: { 201: { description: "The new comment.", schema: Comment, headers: RATE }, ...writeErrors },
};

export const deleteComment: Operation = {
  id: "deleteComment",
  method: "delete",
  path: "/api/comments/{commentId}",
  tag: TAG,
  summary: "Delete one of your comments",
  params: CommentParams,
  auth: true,
  responses: {
    204: { description: "Deleted." },
    ...writeErrors,
    403: withError({ description: "The comment is someone else's." }),
  },
};

export const listCategories: Operation = {
  id: "listCategories",
  method: "get",
  path: "/api/categories",
  tag: TAG,
  summary: "The arXiv categories of the papers here, with how many papers each has, largest first",
  responses: {
    200: { description: "Categories.", schema: Categories, headers: RATE },
    429: withError(e.rateLimited),
  },
};

export const trending: Operation = {
  id: "listTrending",
  method: "get",
  path: "/api/trending",
  tag: TAG,
  summary:
    "The trending list (the data behind /papers/trending and its feeds), each entry with why it is there",
  query: TrendingQuery,
  responses: {
    200: { description: "Best score first.", schema: Trending, headers: RATE },
    400: withError(e.invalid),
    429: withError(e.rateLimited),
  },
};

export const categoryPapers: Operation = {
  id: "listCategoryPapers",
  method: "get",
  path: "/api/categories/{category}/papers",
  tag: TAG,
  summary: `Papers in a category featured in the last ${CATEGORY_DAYS} listing days, most upvoted first`,
  description:
    "The list behind /papers/category/{category} and its feeds, in the shape of /api/daily_papers, paged as it pages (p from 0).",
  params: CategoryParams,
  query: CategoryPapersQuery,
  responses: {
    200: { description: "Most upvoted first.", schema: HfDailyPapers, headers: RATE },
    400: withError(e.invalid),
    429: withError(e.rateLimited),
  },
};

export const similarPapers: Operation = {
  id: "listSimilarPapers",
  method: "get",
  path: "/api/papers/{id}/similar",
  tag: TAG,
  summary: "The papers nearest to a paper by meaning (its embedding), nearest first",
  description: 'Entries in the shape of /api/daily_papers, as the paper page\'s "Similar papers" lists them.',
  params: PaperParams,
  query: SimilarQuery,
  responses: {
    200: { description: "Nearest first.", schema: HfDailyPapers, headers: RATE },
    400: withError(e.invalid),
    404: withError(e.notFound),
    429: withError(e.rateLimited),
  },
};

export const PAPERBOY_OPERATIONS: readonly Operation[] = [
  similarPapers,
  upvotePaper,
  removeUpvote,
  listComments,
  postComment,
  deleteComment,
  listCategories,
  categoryPapers,
  trending,
];
