import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import type { Services } from "../../src/services.js";
import { buildApp } from "../../src/web/app.js";

/** Serves the app on a free loopback port, for browser tests; returns its base URL. */
export async function listen(services: Services): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp(services);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl: address };
}

/** A loopback port that was free a moment ago (nothing listens on it until someone takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}
