import { connect } from "node:net";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerGracefulClose } from "../../src/web/graceful-close.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("closing the server (%s)", (backend) => {
  let instance: TestInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
  });
  afterAll(async () => {
    await instance.dispose();
  });

  // Without the sweep, the connection that goes idle after close() began stays open for Fastify's 72 s
  // keep-alive timeout, and close() waits for it.
  it("finishes a response in progress, then drops its kept-alive connection at once", async () => {
    const { app, baseUrl } = await listen(instance.services);
    const socket = connect(Number(new URL(baseUrl).port), "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1").on("data", (chunk: string) => {
      received += chunk;
    });
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    // The request is under way (Fastify has routed it) when the close begins.
    const closed = new Promise<void>((resolve, reject) => {
      app.server.once("request", () => {
        app.close().then(() => resolve(), reject);
      });
    });
    socket.write("GET /papers/2606.26139 HTTP/1.1\r\nHost: paperboy.test\r\n\r\n");
    await closed;
    await ended;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).not.toMatch(/^connection: close/im);
    expect(received).toContain("</html>");
  }, 20_000);

  it("cuts a connection that is still busy when the grace period ends", async () => {
    const app = Fastify();
    registerGracefulClose(app, 200);
    app.get("/", async () => "ok");
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const socket = connect(Number(new URL(address).port), "127.0.0.1");
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    // Headers that never end: a request the server can neither answer nor call idle.
    await new Promise<void>((resolve) =>
      socket.write("GET / HTTP/1.1\r\nHost: paperboy.test\r\n", () => resolve()),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close();
    await ended;
    expect(socket.destroyed).toBe(true);
  }, 20_000);
});
