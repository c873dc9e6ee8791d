import type { FastifyReply } from "fastify";
import { h, type VNode } from "preact";
import { PaperSlots } from "../overlay/paper-slot.js";
import { standInViewer } from "../overlay/stand-in.js";
import { renderDocument } from "../render.js";
import { renderTurn } from "../render-turns.js";
import { viewerOf } from "../viewer.js";

/**
 * Sends a page as HTML, rendered for the person asking (their account, their forms' CSRF token), or, for the
 * shared page of signed-in readers (overlay.ts), for a stand-in each reader's answer fills in. The render waits
 * for its turn of the event loop (render-turns.ts).
 */
export async function sendPage<P>(reply: FastifyReply, page: VNode<P>): Promise<FastifyReply> {
  await renderTurn();
  const { sharedPage, account } = reply.request;
  reply.type("text/html; charset=utf-8");
  if (!sharedPage || !account) return reply.send(renderDocument(page, viewerOf(reply)));
  sharedPage.rendered = true;
  const viewer = standInViewer(viewerOf(reply), account.role);
  return reply.send(
    renderDocument(h(PaperSlots.Provider, { value: sharedPage.slots }, page as VNode), viewer),
  );
}
