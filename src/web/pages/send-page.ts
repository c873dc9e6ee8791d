import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderDocument } from "../render.js";
import { viewerOf } from "../viewer.js";

/** Sends a page as HTML, rendered for the person asking (their account, their forms' CSRF token). */
export function sendPage<P>(reply: FastifyReply, page: VNode<P>) {
  return reply.type("text/html; charset=utf-8").send(renderDocument(page, viewerOf(reply)));
}
