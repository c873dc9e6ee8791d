import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { postComment as addComment, deleteComment as removeComment } from "../../community/comments.js";
import { setUpvote } from "../../community/upvotes.js";
import { categoryList, everyCategory } from "../../lists/category.js";
import { trendingList } from "../../lists/trending.js";
import { similarPapers } from "../../search/similar-papers.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { paperComments } from "./comments.js";
import { hfPage } from "./paging.js";
import { bothIdForms, paperIdOf } from "./paper-routes.js";
import {
  CategoryPapersQuery,
  CategoryParams,
  CommentBody,
  CommentParams,
  TrendingQuery,
} from "./paperboy-operations.js";
import { presentDailyPaper, presentPaper } from "./presenters.js";
import { SimilarQuery } from "./queries.js";
import { parseInput } from "./validate.js";

/** Paperboy's own endpoints: upvotes and comments (bearer token for writes), categories, trending. */
export function registerPaperboyRoutes(app: FastifyInstance, services: Services) {
  const context = { baseUrl: services.config.baseUrl };

  const upvote = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const account = await requireBearerAccount(services, request);
    await enforceRateLimit(services, request, reply, RATE_RULES.upvote, String(account.id));
    return setUpvote(services, account, paperIdOf(request), on);
  };
  for (const path of bothIdForms("/api/papers/{id}/upvote")) {
    app.post(path, upvote(true));
    app.delete(path, upvote(false));
  }

  for (const path of bothIdForms("/api/papers/{id}/similar")) {
    app.get(path, async (request) => {
      const { limit } = parseInput(SimilarQuery, request.query, "query");
      const deps = { database: services.database, semantic: services.semantic };
      const papers = await similarPapers(deps, paperIdOf(request), limit);
      return papers.map((paper) => presentDailyPaper(paper, context));
    });
  }

  for (const path of bothIdForms("/api/papers/{id}/comments")) {
    app.get(path, (request) => paperComments(services, paperIdOf(request)));
    app.post(path, async (request, reply) => {
      const account = await requireBearerAccount(services, request);
      const input = parseInput(CommentBody, request.body, "body");
      await enforceRateLimit(services, request, reply, RATE_RULES.comment, String(account.id));
      const id = await addComment(services, account, { paperId: paperIdOf(request), ...input });
      const comment = (await paperComments(services, paperIdOf(request))).find((c) => c.id === id);
      return reply.status(201).send(comment);
    });
  }

  app.delete("/api/comments/:commentId", async (request, reply) => {
    const account = await requireBearerAccount(services, request);
    const { commentId } = parseInput(CommentParams, request.params, "path");
    await removeComment(services, account, commentId);
    return reply.status(204).send();
  });

  app.get("/api/categories", () => everyCategory(services.database));

  app.get("/api/trending", async (request) => {
    const { limit } = parseInput(TrendingQuery, request.query, "query");
    const list = await trendingList(services, { page: 1, size: limit });
    return list.papers.flatMap((paper) => {
      const why = list.reasons.get(paper.id);
      return why ? [{ paper: presentPaper(paper, context), why }] : [];
    });
  });

  app.get<{ Params: { category: string } }>("/api/categories/:category/papers", async (request) => {
    const { category } = parseInput(CategoryParams, request.params, "path");
    const query = parseInput(CategoryPapersQuery, request.query, "query");
    const list = await categoryList(services.database, category, hfPage(query));
    return list.papers.map((paper) => presentDailyPaper(paper, context));
  });
}
