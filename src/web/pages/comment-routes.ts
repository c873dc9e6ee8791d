import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import {
  deleteComment,
  editComment,
  ownComment,
  postComment,
  setCommentHidden,
} from "../../community/comments.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { requireAccount, requireRole } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { EditCommentPage } from "./edit-comment-page.js";
import { sendPage } from "./send-page.js";

const commentForm = z.object({
  paper: z.string().max(200),
  body: z.string().max(20_000),
  parent: z.coerce.number().int().min(1).optional(),
});
const bodyForm = z.object({ body: z.string().max(20_000) });
const idParams = z.object({ id: z.coerce.number().int().min(1) });

const at = (paperId: string, commentId: number) => `/papers/${paperId}#comment-${commentId}`;

/** Posting, editing and deleting your own comments; curators hide and restore. */
export function registerCommentPages(app: FastifyInstance, services: Services) {
  app.post("/comments", async (request, reply) => {
    const account = requireAccount(request);
    const form = parseForm(commentForm, request.body);
    const { id: paperId } = parseArxivId(form.paper);
    await enforceRateLimit(services, request, reply, RATE_RULES.comment, String(account.id));
    const id = await postComment(services, account, { paperId, body: form.body, parentId: form.parent });
    return reply.redirect(at(paperId, id), 303);
  });
  app.get("/comments/:id/edit", async (request, reply) => {
    const account = requireAccount(request);
    const comment = await ownComment(services, account, parseForm(idParams, request.params).id);
    return sendPage(reply, h(EditCommentPage, { comment }));
  });
  app.post("/comments/:id/edit", async (request, reply) => {
    const account = requireAccount(request);
    const { id } = parseForm(idParams, request.params);
    await enforceRateLimit(services, request, reply, RATE_RULES.editComment, String(account.id));
    const comment = await editComment(services, account, id, parseForm(bodyForm, request.body).body);
    return reply.redirect(at(comment.paperId, id), 303);
  });
  app.post("/comments/:id/delete", async (request, reply) => {
    const comment = await deleteComment(
      services,
      requireAccount(request),
      parseForm(idParams, request.params).id,
    );
    return reply.redirect(`/papers/${comment.paperId}#comments`, 303);
  });
  for (const [action, hidden] of [
    ["hide", true],
    ["restore", false],
  ] as const) {
    app.post(`/comments/:id/${action}`, async (request, reply) => {
      const curator = requireRole(request, "curator");
      const { id } = parseForm(idParams, request.params);
      const comment = await setCommentHidden(services, curator, id, hidden);
      return reply.redirect(at(comment.paperId, id), 303);
    });
  }
}
