import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { buildApp } from "../../src/web/app.js";
import { createIsolatedDatabase, type IsolatedDatabase, TEST_DATABASE_URL } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/**
 * A TCP relay in front of the PostgreSQL server that can go down as a restarting server does: every open
 * connection is cut and new ones are refused, until it listens again on the same port.
 */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = new Promise((resolve) => server?.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe.runIf(TEST_DATABASE_URL)("PostgreSQL restarted under traffic (postgres)", () => {
  const relay = new Relay(new URL(TEST_DATABASE_URL));
  let server: IsolatedDatabase;
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    server = await createIsolatedDatabase();
    await relay.up();
    const url = new URL(server.url);
    url.hostname = "127.0.0.1";
    url.port = String(relay.port);
    instance = await createTestInstance({
      backend: "postgres",
      databaseUrl: url.toString(),
      clock: fixedClock("2026-07-01T12:00:00Z"),
    });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app?.close();
    await relay.up();
    await instance?.dispose();
    await relay.down();
    await server?.drop();
  });

  it("answers 503 with Retry-After at once while it is down, and serves again once it is back", async () => {
    const paper = await instance.services.database.kysely
      .selectFrom("papers")
      .select("id")
      .executeTakeFirstOrThrow();
    const ask = () => app.inject(`/api/papers/${paper.id}`);
    expect((await ask()).statusCode).toBe(200);
    await relay.down();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = Date.now();
      const answer = await ask();
      expect(answer.statusCode).toBe(503);
      expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    await relay.up();
    // No restart of Paperboy: its pools open new connections to the server that came back.
    const started = Date.now();
    let status = (await ask()).statusCode;
    while (status !== 200 && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await ask()).statusCode;
    }
    expect(status).toBe(200);
  });
});
