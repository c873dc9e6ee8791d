import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { addEditor, removeEditor } from "../../../community/collection-editors.js";
import {
  addToCollection,
  movePaper,
  removeFromCollection,
  setNote,
} from "../../../community/collection-papers.js";
import { changeCollection, createCollection, removeCollection } from "../../../community/collections.js";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { collectionPath } from "../../../core/collection.js";
import type { Services } from "../../../services.js";
import { requireAccount } from "../../auth/guards.js";
import { parseForm } from "../../form.js";
import { enforceRateLimit, RATE_RULES } from "../../rate-limit.js";
import { answerAction } from "../action-answer.js";
import { registerImportForm } from "./import-routes.js";

const idParams = z.object({ id: z.coerce.number().int().min(1).max(1e12) });
const paperForm = z.object({ paper: z.string().max(200), back: z.string().optional() });
const noteForm = paperForm.extend({ note: z.string().max(10_000).default("") });
const moveForm = paperForm.extend({ place: z.coerce.number().int().min(1).max(100_000) });
const editForm = z.object({
  name: z.string().max(1000),
  description: z.string().max(10_000).default(""),
  visibility: z.enum(["private", "public"]).default("private"),
});
const newForm = editForm.extend({ paper: z.string().max(200).optional(), back: z.string().optional() });
const handleForm = z.object({ handle: z.string().max(100) });
const deleteForm = z.object({ confirm: z.literal("yes", { error: "tick the box to confirm the deletion" }) });

/** The signed-in author of a collection form, counted against the collection rate limit. */
async function writer(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const account = requireAccount(request);
  await enforceRateLimit(services, request, reply, RATE_RULES.collect, String(account.id));
  return account;
}

/** A script gets the state as JSON; a plain form goes back to the page it came from, at the paper. */
function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  state: object,
  back: string | undefined,
  paper: string,
) {
  return answerAction(request, reply, state, {
    path: back,
    fallback: `/papers/${paper}`,
    anchor: `paper-${paper}`,
  });
}

/** Every change to a collection a page can make, as plain forms (CSRF-checked, rate limited). */
export function registerCollectionForms(app: FastifyInstance, services: Services) {
  type WithId = { Params: { id: string } };
  const idOf = (request: FastifyRequest<WithId>) => parseForm(idParams, request.params).id;

  app.post("/collections", async (request, reply) => {
    const account = await writer(services, request, reply);
    const form = parseForm(newForm, request.body);
    const collection = await createCollection(services, account, form);
    if (!form.paper) return reply.redirect(collectionPath(collection), 303);
    const { id } = parseArxivId(form.paper);
    const outcome = await addToCollection(services, account, collection.id, id);
    return answer(request, reply, { ...outcome, inCollection: true }, form.back, id);
  });
  app.post<WithId>("/collections/:id/edit", async (request, reply) => {
    const account = await writer(services, request, reply);
    const changed = await changeCollection(
      services,
      account,
      idOf(request),
      parseForm(editForm, request.body),
    );
    return reply.redirect(collectionPath(changed), 303);
  });
  app.post<WithId>("/collections/:id/delete", async (request, reply) => {
    const account = await writer(services, request, reply);
    parseForm(deleteForm, request.body);
    await removeCollection(services, account, idOf(request));
    return reply.redirect("/collections", 303);
  });
  app.post<WithId>("/collections/:id/papers", async (request, reply) => {
    const account = await writer(services, request, reply);
    const form = parseForm(paperForm, request.body);
    const { id } = parseArxivId(form.paper);
    const outcome = await addToCollection(services, account, idOf(request), id);
    return answer(request, reply, { ...outcome, inCollection: true }, form.back, id);
  });
  app.post<WithId>("/collections/:id/papers/remove", async (request, reply) => {
    const account = await writer(services, request, reply);
    const form = parseForm(paperForm, request.body);
    const { id } = parseArxivId(form.paper);
    await removeFromCollection(services, account, idOf(request), id);
    return answer(
      request,
      reply,
      { collectionId: idOf(request), paperId: id, inCollection: false },
      form.back,
      id,
    );
  });
  registerEntryForms(app, services, idOf);
  registerImportForm(app, services);
}

function registerEntryForms(
  app: FastifyInstance,
  services: Services,
  idOf: (request: FastifyRequest<{ Params: { id: string } }>) => number,
) {
  type WithId = { Params: { id: string } };
  app.post<WithId>("/collections/:id/notes", async (request, reply) => {
    const account = await writer(services, request, reply);
    const form = parseForm(noteForm, request.body);
    const { id } = parseArxivId(form.paper);
    const note = await setNote(services, account, idOf(request), id, form.note);
    return answer(request, reply, { paperId: id, note }, form.back, id);
  });
  app.post<WithId>("/collections/:id/move", async (request, reply) => {
    const account = await writer(services, request, reply);
    const form = parseForm(moveForm, request.body);
    const { id } = parseArxivId(form.paper);
    const place = await movePaper(services, account, idOf(request), id, form.place);
    return answer(request, reply, { paperId: id, place }, form.back, id);
  });
  app.post<WithId>("/collections/:id/editors", async (request, reply) => {
    const account = await writer(services, request, reply);
    await addEditor(services, account, idOf(request), parseForm(handleForm, request.body).handle);
    return reply.redirect(`/collections/${idOf(request)}#collection-settings-heading`, 303);
  });
  app.post<WithId>("/collections/:id/editors/remove", async (request, reply) => {
    const account = await writer(services, request, reply);
    await removeEditor(services, account, idOf(request), parseForm(handleForm, request.body).handle);
    return reply.redirect(`/collections/${idOf(request)}#collection-settings-heading`, 303);
  });
}
