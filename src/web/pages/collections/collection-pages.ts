import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { openCollection } from "../../../community/collection-view.js";
import { memberPublicCollections, myCollections } from "../../../community/collections.js";
import { memberAt } from "../../../community/handles.js";
import { safeNext } from "../../../community/sign-in.js";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { collectionIdOf, collectionPath } from "../../../core/collection.js";
import { notFound } from "../../../core/errors.js";
import { paperById } from "../../../lists/paper.js";
import type { Services } from "../../../services.js";
import { holdersOf } from "../../../storage/collection-papers.js";
import { parseForm } from "../../form.js";
import { sendPage } from "../send-page.js";
import { CollectionPage } from "./collection-page.js";
import { MemberPage } from "./member-page.js";
import { MyCollectionsPage } from "./my-collections-page.js";
import { SaveToPage } from "./save-to-page.js";

const backQuery = z.object({ back: z.string().optional() });

function toLogin(request: FastifyRequest, reply: FastifyReply) {
  return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
}

/** Pages that show a reader's own data are never kept by a cache. */
function privately(reply: FastifyReply) {
  return reply.header("cache-control", "no-store");
}

/** `/collections`, a collection's page, "save to…" for a paper, and a member's public collections. */
export function registerCollectionPages(app: FastifyInstance, services: Services) {
  app.get("/collections", async (request, reply) => {
    if (!request.account) return toLogin(request, reply);
    const collections = await myCollections(services, request.account);
    return sendPage(privately(reply), h(MyCollectionsPage, { collections }));
  });

  app.get<{ Params: { ref: string } }>("/collections/:ref", async (request, reply) => {
    const id = collectionIdOf(request.params.ref);
    if (id === null) throw notFound(`There is no collection at ${request.url}.`);
    const view = await openCollection(services, request.account, id);
    const canonical = collectionPath(view.collection);
    if (request.url.split("?")[0] !== canonical) return reply.redirect(canonical, 301);
    if (request.account) privately(reply);
    return sendPage(reply, h(CollectionPage, { view }));
  });

  const saveTo = async (request: FastifyRequest, reply: FastifyReply, raw: string) => {
    if (!request.account) return toLogin(request, reply);
    const paper = await paperById(services.database, parseArxivId(raw).id);
    const collections = await myCollections(services, request.account);
    const holders = await holdersOf(
      services.database,
      collections.map((c) => c.id),
      [paper.id],
    );
    const back = safeNext(parseForm(backQuery, request.query).back ?? `/papers/${paper.id}`);
    const holding = new Set(holders.get(paper.id) ?? []);
    return sendPage(privately(reply), h(SaveToPage, { paper, collections, holding, back }));
  };
  app.get<{ Params: { id: string } }>("/papers/:id/save-to", (request, reply) =>
    saveTo(request, reply, request.params.id),
  );
  app.get<{ Params: { archive: string; number: string } }>(
    "/papers/:archive/:number/save-to",
    (request, reply) => saveTo(request, reply, `${request.params.archive}/${request.params.number}`),
  );

  app.get<{ Params: { handle: string } }>("/members/:handle", async (request, reply) => {
    const member = await memberAt(services, request.params.handle);
    if (!member) throw notFound(`There is no member called ${request.params.handle}.`);
    // An earlier handle, or the handle in other letter case: one address per member, old links still lead there.
    // Browsers keep a 301 for good unless told otherwise, and a handle may be taken back or go to someone else
    // a year on, so each use is checked with the server again.
    if (member.handle !== request.params.handle)
      return reply
        .header("cache-control", "public, no-cache")
        .redirect(`/members/${encodeURIComponent(member.handle)}`, 301);
    const collections = await memberPublicCollections(services, member.handle);
    return sendPage(
      reply,
      h(MemberPage, { handle: member.handle, displayName: member.displayName, collections }),
    );
  });
}
