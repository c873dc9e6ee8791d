import fastifyCsrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Services } from "../../services.js";
import { isApiRequest } from "../request-path.js";
import { cookieOptions } from "./session.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** The signed cookie that holds a browser's CSRF secret. */
export const CSRF_COOKIE = "paperboy_csrf";
/**
 * Routes a mail provider POSTs to without cookies (RFC 8058 one-click unsubscribe); the signed token in the URL
 * authorises them instead.
 */
const EXEMPT_ROUTES = new Set(["/unsubscribe"]);

/**
 * Every form is protected: a state-changing request outside /api/ must carry the `_csrf` field that matches the
 * signed secret cookie. The JSON API is exempt because it accepts bearer tokens only, never cookies.
 */
export async function registerCsrf(app: FastifyInstance, services: Services) {
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { ...cookieOptions(services), signed: true },
  });
  app.addHook("preHandler", (request, reply, done) => {
    if (!UNSAFE.has(request.method) || isApiRequest(request)) return done();
    // No route: the answer is 404 whatever the token, so it need not be checked.
    if (request.routeOptions.url === undefined) return done();
    if (EXEMPT_ROUTES.has(request.routeOptions.url)) return done();
    app.csrfProtection(request, reply, done);
  });
}

const tokens = new WeakMap<FastifyRequest, string>();

/** The token for this response's forms; made once per request, since each new secret would replace the cookie. */
export function csrfToken(reply: FastifyReply): string {
  const known = tokens.get(reply.request);
  if (known) return known;
  const token = reply.generateCsrf();
  tokens.set(reply.request, token);
  return token;
}

/** The CSRF secret's cookie as the request sent it, when our signature on it holds (else null). */
export function verifiedCsrfCookie(reply: FastifyReply): string | null {
  const cookie = reply.request.cookies[CSRF_COOKIE];
  return cookie && reply.unsignCookie(cookie).valid ? cookie : null;
}
