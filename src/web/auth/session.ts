import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { NewSession } from "../../community/sessions.js";
import type { Account } from "../../core/account.js";
import type { Services } from "../../services.js";
import { isApiRequest } from "../request-path.js";
import { requestVersions } from "../request-versions.js";
import { KeptSessions } from "./kept-sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in account (from the session cookie), or null. */
    account: Account | null;
    /** The signed-in account gets the digests (pages leave out their call to subscribe). */
    subscribed: boolean;
  }
}

export const SESSION_COOKIE = "paperboy_session";

/** Cookie attributes shared by the session and CSRF cookies: Secure whenever the public address is https. */
export function cookieOptions(services: Services) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: services.config.baseUrl.startsWith("https:"),
  };
}

/**
 * Reads the session cookie on every page request that carries one and puts the account on the request (kept
 * between requests while no session ends and no account changes; see KeptSessions). Under /api/ the account
 * stays null whatever the cookies say: API writes go through requireBearerAccount.
 */
export async function registerSessions(app: FastifyInstance, services: Services) {
  await app.register(fastifyCookie, { secret: services.secretKey });
  app.decorateRequest("account", null);
  app.decorateRequest("subscribed", false);
  const sessions = new KeptSessions(services);
  app.addHook("onRequest", async (request) => {
    // The JSON API authenticates by bearer token only (and so needs no CSRF token): a cookie never counts there.
    if (isApiRequest(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const reader = await sessions.reader(token, await requestVersions(request, services.database));
    request.account = reader?.account ?? null;
    request.subscribed = reader?.subscribed ?? false;
  });
}

export function setSessionCookie(reply: FastifyReply, services: Services, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    ...cookieOptions(services),
    maxAge: session.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, services: Services) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(services));
}
