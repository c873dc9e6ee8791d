import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.js";
import { registerCitationRoutes } from "../citations/routes.js";
import { registerCollectionRoutes } from "./collection-routes.js";
import { registerApiCors } from "./cors.js";
import { registerApiDocs } from "./docs-routes.js";
import { registerForYouRoutes } from "./for-you-routes.js";
import { registerHfReadRoutes, registerHfWriteRoutes } from "./hf-routes.js";
import { registerPaperboyRoutes } from "./paperboy-routes.js";
import { registerProfileRoutes } from "./profile-routes.js";
import { registerApiRateLimit } from "./rate-limit.js";
import { registerReadingApi } from "./reading-api.js";
import { registerSaveRoutes } from "./save-routes.js";
import { registerSignalRoutes } from "./signal-routes.js";

/** Everything under /api/ and the API's documents, registered by the app factory in one call. */
export function registerApi(app: FastifyInstance, services: Services) {
  registerApiCors(app);
  registerApiRateLimit(app, services);
  registerHfReadRoutes(app, services);
  registerHfWriteRoutes(app, services);
  registerPaperboyRoutes(app, services);
  registerSignalRoutes(app, services);
  registerSaveRoutes(app, services);
  registerReadingApi(app, services);
  registerCollectionRoutes(app, services);
  registerForYouRoutes(app, services);
  registerProfileRoutes(app, services);
  registerCitationRoutes(app, services);
  registerApiDocs(app, services);
}
