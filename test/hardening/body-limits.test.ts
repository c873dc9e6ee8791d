import http from "node:http";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const CHUNK = Buffer.alloc(65_536, 97);

/**
 * Streams a multipart body of up to `limit` bytes to a listening server, stopping as soon as it answers:
 * the status and how many bytes went out first.
 */
function sendUntilAnswered(port: number, limit: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request({
      port,
      host: "127.0.0.1",
      method: "POST",
      path: "/unsubscribe?token=x",
      headers: { "content-type": "multipart/form-data; boundary=b" },
    });
    request.on("response", (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      request.destroy();
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < limit) {
        sent += CHUNK.length;
        if (!request.write(CHUNK)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("bodies a stranger can send", () => {
  let instance: TestInstance;
  let app: FastifyInstance;
  beforeAll(async () => {
    instance = await createTestInstance();
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("refuses a multipart body past the body limit without reading it to its end", async () => {
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const { status, sent } = await sendUntilAnswered(port, 64 * 1024 * 1024);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});
