import type { FastifyReply, FastifyRequest } from "fastify";
import { safeNext } from "../../community/sign-in.js";

/**
 * How a page action answers: a script that asked for JSON (keys.js, which posts the same form with fetch) gets
 * the new state and stays where it is; a plain form goes back to the page it came from, at the paper it acted on.
 */
export function answerAction(
  request: FastifyRequest,
  reply: FastifyReply,
  state: object,
  back: { readonly path: string | undefined; readonly fallback: string; readonly anchor?: string },
) {
  if (/\bapplication\/json\b/.test(request.headers.accept ?? "")) {
    reply.header("cache-control", "no-store");
    return reply.send(state);
  }
  const path = safeNext(back.path ?? back.fallback).replace(/#.*$/, "");
  return reply.redirect(back.anchor ? `${path}#${back.anchor}` : path, 303);
}
