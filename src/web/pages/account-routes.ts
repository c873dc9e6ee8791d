import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { apiTokensOf, createApiToken, revokeToken } from "../../community/api-tokens.js";
import { changeHandle, redirectingHandles } from "../../community/handles.js";
import { endEverySession, endSession } from "../../community/sessions.js";
import { checkSignInLink, completeSignIn, requestSignIn, safeNext } from "../../community/sign-in.js";
import type { Account } from "../../core/account.js";
import { normaliseEmail } from "../../core/email-address.js";
import { isAppError } from "../../core/errors.js";
import { accountSubscription, subscribeAccount } from "../../digests/account-digest.js";
import { subscriptionLinks } from "../../digests/links.js";
import type { Services } from "../../services.js";
import { refuseWithoutMail, requireAccount } from "../auth/guards.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../auth/session.js";
import { STATUS_OF } from "../errors.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { ConfirmSignInPage, LinkSentPage, LoginPage } from "./login-pages.js";
import { sendPage } from "./send-page.js";
import { SettingsPage } from "./settings-page.js";

const nextQuery = z.object({ next: z.string().optional() });
const loginForm = z.object({ email: z.string().max(320), next: z.string().optional() });
const linkQuery = z.object({ token: z.string().min(1).max(2000), next: z.string().optional() });
const tokenForm = z.object({ name: z.string() });
const tokenParams = z.object({ id: z.coerce.number().int().min(1) });
const handleForm = z.object({ handle: z.string().max(200) });

export function registerAccountPages(app: FastifyInstance, services: Services) {
  app.get("/login", (request, reply) => {
    const { next } = parseForm(nextQuery, request.query);
    const signUpOpen = services.config.community.signUp === "open";
    return sendPage(reply, h(LoginPage, { next: safeNext(next), signUpOpen }));
  });
  app.post("/login", async (request, reply) => {
    refuseWithoutMail(services);
    const form = parseForm(loginForm, request.body);
    await enforceRateLimit(
      services,
      request,
      reply,
      RATE_RULES.signIn,
      normaliseEmail(form.email) ?? undefined,
    );
    const { delivery } = await requestSignIn(services, form.email, safeNext(form.next));
    delivery.catch((error: Error) => request.log.error({ err: error }, "sign-in mail failed"));
    return sendPage(reply, h(LinkSentPage, { email: form.email.trim() }));
  });
  app.get("/login/verify", (request, reply) => {
    const { token, next } = parseForm(linkQuery, request.query);
    const { email } = checkSignInLink(services, token);
    return sendPage(reply, h(ConfirmSignInPage, { token, email, next: safeNext(next) }));
  });
  app.post("/login/verify", async (request, reply) => {
    const { token, next } = parseForm(linkQuery, request.body);
    const { session } = await completeSignIn(services, token);
    setSessionCookie(reply, services, session);
    return reply.redirect(safeNext(next), 303);
  });
  registerSignOut(app, services);
  registerSettings(app, services);
  registerHandleChange(app, services);
}

function registerSignOut(app: FastifyInstance, services: Services) {
  app.post("/logout", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(services, token);
    clearSessionCookie(reply, services);
    return reply.redirect("/papers", 303);
  });
  app.post("/logout/everywhere", async (request, reply) => {
    await endEverySession(services, requireAccount(request).id);
    clearSessionCookie(reply, services);
    return reply.redirect("/papers", 303);
  });
}

function redirectToLogin(request: FastifyRequest, reply: FastifyReply) {
  return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
}

/** What the settings page shows besides the account: its API tokens and its digest subscription. */
async function settingsOf(services: Services, account: Account) {
  const [tokens, subscription, earlier] = await Promise.all([
    apiTokensOf(services, account),
    accountSubscription(services.database, account),
    redirectingHandles(services, account),
  ]);
  const links = (id: number) =>
    subscriptionLinks(services.config.baseUrl, services.secretKey, id, services.clock.now());
  const digest = subscription ? { subscription, links: links(subscription.id) } : null;
  return { account, tokens, digest, earlierHandles: earlier };
}

function registerSettings(app: FastifyInstance, services: Services) {
  app.get("/settings", async (request, reply) => {
    if (!request.account) return redirectToLogin(request, reply);
    return sendPage(reply, h(SettingsPage, await settingsOf(services, request.account)));
  });
  app.post("/settings/tokens", async (request, reply) => {
    const account = requireAccount(request);
    const { name } = parseForm(tokenForm, request.body);
    await enforceRateLimit(services, request, reply, RATE_RULES.apiToken, String(account.id));
    const created = await createApiToken(services, account, name);
    return sendPage(reply, h(SettingsPage, { ...(await settingsOf(services, account)), newToken: created }));
  });
  app.post("/settings/digest", async (request, reply) => {
    const subscription = await subscribeAccount(services, requireAccount(request));
    const links = subscriptionLinks(
      services.config.baseUrl,
      services.secretKey,
      subscription.id,
      services.clock.now(),
    );
    return reply.redirect(links.preferences, 303);
  });
  app.post("/settings/tokens/:id/revoke", async (request, reply) => {
    const account = requireAccount(request);
    await revokeToken(services, account, parseForm(tokenParams, request.params).id);
    return reply.redirect("/settings", 303);
  });
}

/** Changing the handle: a refused one comes back in the form with the reason, as typed. */
function registerHandleChange(app: FastifyInstance, services: Services) {
  app.post("/settings/handle", async (request, reply) => {
    const account = requireAccount(request);
    const { handle } = parseForm(handleForm, request.body);
    await enforceRateLimit(services, request, reply, RATE_RULES.changeHandle, String(account.id));
    try {
      await changeHandle(services, account, handle);
      return reply.redirect("/settings", 303);
    } catch (error) {
      if (!isAppError(error) || (error.code !== "invalid" && error.code !== "conflict")) throw error;
      reply.status(STATUS_OF[error.code]);
      const settings = await settingsOf(services, account);
      return sendPage(
        reply,
        h(SettingsPage, { ...settings, handleRefusal: { value: handle, message: error.message } }),
      );
    }
  });
}
