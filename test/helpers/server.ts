import type { FastifyInstance } from "fastify";
import type { Services } from "../../src/services.js";
import { buildApp } from "../../src/web/app.js";

/** Serves the app on a free loopback port, for browser tests; returns its base URL. */
export async function listen(services: Services): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp(services);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}
