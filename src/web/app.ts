import fastifyFormbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { PUBLIC_DIR } from "../paths.js";
import type { Services } from "../services.js";
import { registerCsrf } from "./auth/csrf.js";
import { registerSessions } from "./auth/session.js";
import { registerErrorHandlers } from "./errors.js";
import { registerAccountPages } from "./pages/account-routes.js";
import { registerCommentPages } from "./pages/comment-routes.js";
import { registerCommunityPages } from "./pages/community-routes.js";
import { registerCurationPages } from "./pages/curation-routes.js";
import { registerListPages } from "./pages/list-routes.js";
import { registerPaperPages } from "./pages/routes.js";
import { registerSecurityHeaders } from "./security-headers.js";

/** Builds the web application (pages, API, feeds) without listening, so tests can inject requests. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: services.config.logLevel },
    bodyLimit: 256 * 1024,
    trustProxy: services.config.production,
    routerOptions: { ignoreTrailingSlash: true },
  });
  registerSecurityHeaders(app);
  registerErrorHandlers(app);
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/assets/", maxAge: "1d" });
  await app.register(fastifyFormbody);
  await registerSessions(app, services);
  await registerCsrf(app, services);
  registerAccountPages(app, services);
  registerCommunityPages(app, services);
  registerCommentPages(app, services);
  registerCurationPages(app, services);
  registerListPages(app, services);
  registerPaperPages(app, services);
  return app;
}
