import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { CADENCES, PAPER_COUNT, parseFollows, splitFollows } from "../../core/follows.js";
import { personalFeedPath, subscriptionLinks } from "../../digests/links.js";
import {
  confirmationOf,
  confirmByToken,
  savePreferences,
  subscriptionByToken,
  unsubscribeByToken,
} from "../../digests/preferences.js";
import { requestSubscription } from "../../digests/subscribe.js";
import type { Services } from "../../services.js";
import type { Subscription } from "../../storage/subscriptions.js";
import { refuseWithoutMail } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { sendPage } from "./send-page.js";
import {
  ConfirmSubscriptionPage,
  MessagePage,
  PreferencesPage,
  SubscribePage,
  UnsubscribePage,
} from "./subscribe-pages.js";

const subscribeBody = z.object({ email: z.string().max(320) });
const tokenQuery = z.object({ token: z.string().min(1).max(2000) });
const preferencesBody = z.object({
  token: z.string().min(1).max(2000),
  cadence: z.enum(CADENCES),
  paper_count: z.coerce.number().int().min(PAPER_COUNT.min).max(PAPER_COUNT.max),
  follows: z.string().max(5000).default(""),
});

/** Subscription pages, in their own plugin scope so their multipart body parser stays theirs. */
export async function registerSubscribePages(root: FastifyInstance, services: Services) {
  await root.register(async (app) => subscribePages(app, services));
}

async function subscribePages(app: FastifyInstance, services: Services) {
  const deps = { ...services, baseUrl: services.config.baseUrl };
  // RFC 8058 lets mail providers send the one-click body as multipart/form-data; its content is not needed.
  // Read as a buffer, it is held to the app's body limit (413) like every other body.
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_request, _body, done) =>
    done(null, {}),
  );

  app.get("/subscribe", (_request, reply) =>
    sendPage(reply, h(SubscribePage, { csrf: reply.generateCsrf() })),
  );

  app.post("/subscribe", async (request, reply) => {
    refuseWithoutMail(services);
    const { email } = parseForm(subscribeBody, request.body);
    // Per client address only: a limit keyed by the email would tell a stranger that address was tried.
    // The per-address silent limit lives in the subscribe service.
    await enforceRateLimit(services, request, reply, RATE_RULES.subscribe);
    await requestSubscription(deps, email);
    const message =
      "If that address can get digests, an email is on its way to it. Follow its link to confirm.";
    return sendPage(reply, h(MessagePage, { title: "Check your inbox", message, mailed: true }));
  });

  // Mail scanners fetch the links in a message: the link shows a button, and only the button confirms.
  app.get("/subscribe/confirm", async (request, reply) => {
    const { token } = parseForm(tokenQuery, request.query);
    const subscription = await confirmationOf(deps, token);
    return sendPage(reply, h(ConfirmSubscriptionPage, { token, email: subscription.email }));
  });

  app.post("/subscribe/confirm", async (request, reply) => {
    const subscription = await confirmByToken(deps, parseForm(tokenQuery, request.body).token);
    const links = subscriptionLinks(deps.baseUrl, deps.secretKey, subscription.id, deps.clock.now());
    const message = `Digests will go to ${subscription.email}.`;
    return sendPage(
      reply,
      h(MessagePage, {
        title: "Subscribed",
        message,
        link: { href: links.preferences, label: "Choose what you get" },
      }),
    );
  });

  const showPreferences = (
    reply: Parameters<typeof sendPage>[0],
    subscription: Subscription,
    token: string,
    saved: boolean,
  ) => {
    const links = subscriptionLinks(deps.baseUrl, deps.secretKey, subscription.id, deps.clock.now());
    const feedUrl = `${deps.baseUrl}${personalFeedPath(deps.secretKey, subscription.id, subscription.feedKey)}.atom`;
    const props = {
      subscription,
      token,
      feedUrl,
      unsubscribeUrl: links.unsubscribe,
      saved,
    };
    return sendPage(reply, h(PreferencesPage, props));
  };

  app.get("/subscribe/preferences", async (request, reply) => {
    const { token } = parseForm(tokenQuery, request.query);
    return showPreferences(reply, await subscriptionByToken(deps, "preferences", token), token, false);
  });

  app.post("/subscribe/preferences", async (request, reply) => {
    const body = parseForm(preferencesBody, request.body);
    const settings = {
      cadence: body.cadence,
      paperCount: body.paper_count,
      follows: parseFollows(splitFollows(body.follows, /\r?\n/)),
    };
    return showPreferences(reply, await savePreferences(deps, body.token, settings), body.token, true);
  });

  app.get("/unsubscribe", async (request, reply) => {
    const { token } = parseForm(tokenQuery, request.query);
    const subscription = await subscriptionByToken(deps, "unsubscribe", token);
    return sendPage(reply, h(UnsubscribePage, { token, email: subscription.email }));
  });

  // RFC 8058 one-click: mail providers POST `List-Unsubscribe=One-Click` here with no cookie, so no CSRF token;
  // the signed token in the URL is the authority.
  app.post("/unsubscribe", async (request, reply) => {
    const subscription = await unsubscribeByToken(deps, parseForm(tokenQuery, request.query).token);
    const message = `No more digests will go to ${subscription.email}.`;
    return sendPage(
      reply,
      h(MessagePage, {
        title: "Unsubscribed",
        message,
        link: { href: "/subscribe", label: "Subscribe again" },
      }),
    );
  });
}
