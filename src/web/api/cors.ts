import type { FastifyInstance, FastifyRequest } from "fastify";
import { routedPath } from "../request-path.js";

const READ_METHODS = new Set(["GET", "HEAD"]);
const EXPOSED = "Link, RateLimit, RateLimit-Policy, Retry-After, X-Error-Message, X-Total-Count";

/** The API and the citation formats (Markdown, BibTeX) are readable from any web page. */
function isOpenPath(request: FastifyRequest): boolean {
  const path = routedPath(request);
  return path.startsWith("/api/") || path.endsWith(".md") || path.endsWith("/bibtex");
}

function preflightAsksForRead(request: FastifyRequest): boolean {
  const method = request.headers["access-control-request-method"];
  return typeof method === "string" && READ_METHODS.has(method.toUpperCase());
}

const HEADER_LIST = /^[\w-]+(\s*,\s*[\w-]+)*$/;

/** The headers a preflight asks for, when they are a plain list of names; Authorization always. */
function allowedHeaders(request: FastifyRequest): string {
  const asked = request.headers["access-control-request-headers"];
  return typeof asked === "string" && HEADER_LIST.test(asked.trim()) && asked.length <= 500
    ? asked.trim()
    : "Authorization";
}

/**
 * CORS open for reads only: any origin may GET, without credentials (`*` makes browsers leave cookies out).
 * Writes get no CORS headers, so a page elsewhere can never send a signed-in member's cookie with one; API
 * writes authenticate by bearer token instead.
 */
export function registerApiCors(app: FastifyInstance) {
  app.addHook("onRequest", async (request, reply) => {
    if (!READ_METHODS.has(request.method) || !isOpenPath(request)) return;
    reply.header("access-control-allow-origin", "*");
    reply.header("access-control-expose-headers", EXPOSED);
  });
  app.options("/api/*", async (request, reply) => {
    if (preflightAsksForRead(request)) {
      reply.header("access-control-allow-origin", "*");
      reply.header("access-control-allow-methods", "GET, HEAD");
      // Reads carry no credentials (the origin is *), so any header a script adds may be allowed.
      reply.header("access-control-allow-headers", allowedHeaders(request));
      reply.header("access-control-max-age", "86400");
    }
    return reply.status(204).send();
  });
}
