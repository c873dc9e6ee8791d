import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpEmbedder } from "../../src/search/embedders/http.js";

/** A small server speaking OpenAI's /v1/embeddings: a vector from each text's letters, with planned failures. */
function embeddingsServer(failures: number[]) {
  const requests: { model: string; input: string[] }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const status = failures.shift();
      if (status) {
        response.writeHead(status).end("try later");
        return;
      }
      const parsed = JSON.parse(body) as { model: string; input: string[] };
      requests.push(parsed);
      const data = parsed.input.map((text, index) => ({
        object: "embedding",
        index,
        embedding: [text.length, (text.match(/a/g) ?? []).length, 1],
      }));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ object: "list", data: data.reverse(), model: parsed.model }));
    });
  });
  return { server, requests };
}

describe("HttpEmbedder", () => {
  const failures: number[] = [];
  const { server, requests } = embeddingsServer(failures);
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => (server as Server).listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("embeds in batches, in input order, as unit vectors, naming the model", async () => {
    const embedder = new HttpEmbedder({ url, model: "tiny", batchSize: 2 });
    const texts = ["a", "aa", "bbb", "aaaa", "c"].map((body) => ({ title: "", body }));
    const vectors = await embedder.embed(texts);
    expect(requests.map((r) => r.input.length)).toEqual([2, 2, 1]);
    expect(requests[0]?.model).toBe("tiny");
    expect(embedder.dimensions).toBe(3);
    expect(embedder.version).toBe("tiny");
    const [first] = vectors;
    expect(Array.from(first ?? [])).toEqual([1, 1, 1].map((x) => expect.closeTo(x / Math.sqrt(3), 6)));
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
  });

  it("retries overloaded and failing servers, then gives up with an upstream error", async () => {
    const embedder = new HttpEmbedder({ url, model: "tiny", retryDelayMs: 1 });
    failures.push(503, 429);
    await expect(embedder.embed([{ title: "t", body: "b" }])).resolves.toHaveLength(1);
    failures.push(500, 500, 500, 500);
    await expect(embedder.embed([{ title: "t", body: "b" }])).rejects.toMatchObject({ code: "upstream" });
    failures.push(400);
    await expect(embedder.embed([{ title: "t", body: "b" }])).rejects.toThrow(/HTTP 400/);
  });
});
