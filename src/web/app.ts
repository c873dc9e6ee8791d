import fastifyCompress from "@fastify/compress";
import fastifyFormbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import type { MailDelivery } from "../mail/mail-types.js";
import type { Services } from "../services.js";
import { registerApi } from "./api/register.js";
import { registerAssets } from "./assets.js";
import { registerCsrf } from "./auth/csrf.js";
import { registerSessions } from "./auth/session.js";
import { humanLogStream } from "./dev-log.js";
import { registerErrorHandlers, sendRefusedAddress } from "./errors.js";
import { registerFeeds } from "./feeds/routes.js";
import { registerGracefulClose } from "./graceful-close.js";
import { LoadShedding, type SheddingLimits } from "./load-shedding.js";
import { registerMathStylesheet } from "./math/math-stylesheet.js";
import { registerSharedPages } from "./overlay/overlay.js";
import { registerPageCache } from "./page-cache.js";
import { registerAccountDataPages } from "./pages/account-data-routes.js";
import { registerAccountPages } from "./pages/account-routes.js";
import { registerAuthorPages } from "./pages/author-routes.js";
import { registerCollectionForms } from "./pages/collections/collection-forms.js";
import { registerCollectionPages } from "./pages/collections/collection-pages.js";
import { registerCommentPages } from "./pages/comment-routes.js";
import { registerCommunityPages } from "./pages/community-routes.js";
import { registerCurationPages } from "./pages/curation-routes.js";
import { registerForYouPages } from "./pages/for-you-routes.js";
import { registerListPages } from "./pages/list-routes.js";
import { registerNewPapersPages } from "./pages/new-papers-routes.js";
import { registerReadingPages } from "./pages/reading-routes.js";
import { registerPaperPages } from "./pages/routes.js";
import { registerSavePages } from "./pages/save-routes.js";
import { registerSignalPages } from "./pages/signal-routes.js";
import { registerSubscribePages } from "./pages/subscribe-routes.js";
import { RenderedStore } from "./rendered-store.js";
import { registerSearchRoutes } from "./search/routes.js";
import { requestForLog } from "./secret-addresses.js";
import { registerSecurityHeaders } from "./security-headers.js";

// Rendered anonymous pages kept in memory per process (HTML plus its compressed copies).
const RENDERED_PAGES_BUDGET_BYTES = 64 * 1024 * 1024;

export interface AppOptions {
  /** Where the request log goes (standard output by default). */
  readonly logStream?: { write(line: string): void };
  /** When new work is refused with 503 (web/load-shedding.ts); the defaults serve production. */
  readonly shedding?: SheddingLimits;
}

/** Builds the web application (pages, API, feeds) without listening, so tests can inject requests. */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Production logs JSON for collectors; a developer's terminal gets one short line per request.
    logger: {
      level: services.config.logLevel,
      serializers: { req: requestForLog },
      ...(options.logStream
        ? { stream: options.logStream }
        : services.config.production
          ? {}
          : { stream: humanLogStream(process.stdout) }),
    },
    bodyLimit: 256 * 1024,
    trustProxy: services.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: sendRefusedAddress,
  });
  app.decorate<MailDelivery>("mailDelivery", services.mailer.delivery);
  registerGracefulClose(app);
  registerSecurityHeaders(app, services.config.baseUrl);
  registerErrorHandlers(app);
  await app.register(fastifyFormbody);
  await registerSessions(app, services);
  await registerCsrf(app, services);
  // Hook order matters for onSend: cookies are written first (so the page cache sees Set-Cookie and keeps no
  // copy of such a page), then the cache keeps the HTML, then compression runs.
  const shedding = new LoadShedding(options.shedding);
  registerPageCache(app, services, new RenderedStore(RENDERED_PAGES_BUDGET_BYTES), {
    busy: () => shedding.busy(),
    renderFree: () => shedding.keptRenderFree(),
  });
  registerSharedPages(app, services);
  // Compression applies to the routes registered after it.
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  // After the page cache: kept pages are answered even when other work is refused.
  shedding.register(app);
  await registerAssets(app);
  registerMathStylesheet(app);
  registerAccountPages(app, services);
  registerCommunityPages(app, services);
  registerSignalPages(app, services);
  registerSavePages(app, services);
  registerReadingPages(app, services);
  registerAccountDataPages(app, services);
  registerCollectionPages(app, services);
  registerCollectionForms(app, services);
  registerCommentPages(app, services);
  registerCurationPages(app, services);
  registerListPages(app, services);
  registerForYouPages(app, services);
  registerSearchRoutes(app, services);
  registerNewPapersPages(app, services);
  registerAuthorPages(app, services);
  registerPaperPages(app, services);
  await registerSubscribePages(app, services);
  registerFeeds(app, services);
  registerApi(app, services);
  return app;
}
