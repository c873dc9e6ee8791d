import { describe, expect, it } from "vitest";
import { listeningAt, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("runs on SQLite with no settings at all", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe("sqlite:data/paperboy.db");
    expect(config.port).toBe(3000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.embedder).toBe("lsa");
    expect(config.semanticRefreshSeconds).toBe(15);
    expect(config.vectorProbeFactor).toBeUndefined();
    expect(loadConfig({ VECTOR_PROBE_FACTOR: "6.5" }).vectorProbeFactor).toBe(6.5);
    expect(config.vectorEngine).toBe("pgvector");
    expect(loadConfig({ VECTOR_ENGINE: "memory" }).vectorEngine).toBe("memory");
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL .*supported schemes: sqlite:, postgres:\/\//],
    [{ PORT: "eighty" }, /PORT must be a port number/],
    [{ PORT: "70000" }, /PORT/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ SECRET_KEY: "short" }, /SECRET_KEY must be at least 32 characters/],
    [{ EMBEDDER: "magic" }, /EMBEDDER must be one of lsa, http, onnx/],
    [{ EMBEDDER: "http" }, /EMBEDDINGS_URL is required/],
    [{ NODE_ENV: "production" }, /SECRET_KEY is required in production/],
    [{ HF_API_URL: "not a url" }, /HF_API_URL must be an http/],
    [{ SEMANTIC_REFRESH_SECONDS: "0" }, /SEMANTIC_REFRESH_SECONDS/],
    [{ SEMANTIC_REFRESH_SECONDS: "often" }, /SEMANTIC_REFRESH_SECONDS must be a number of seconds/],
    [{ VECTOR_PROBE_FACTOR: "0" }, /VECTOR_PROBE_FACTOR must be a number from 1 to 64/],
    [{ VECTOR_PROBE_FACTOR: "all" }, /VECTOR_PROBE_FACTOR must be a number from 1 to 64/],
    [{ VECTOR_ENGINE: "faiss" }, /VECTOR_ENGINE must be one of pgvector, memory/],
    [{ TRUST_PROXY: "10.0.0.999" }, /TRUST_PROXY must be none, or the proxies' addresses/],
    [{ TRUST_PROXY: "true" }, /TRUST_PROXY must be none/],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /TRUST_PROXY/],
  ])("stops on %j with one clear line", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("links to the address serve listens on unless BASE_URL says otherwise", () => {
    const moved = listeningAt(loadConfig({ PORT: "3000" }), "0.0.0.0", 4100);
    expect(moved).toMatchObject({ host: "0.0.0.0", port: 4100, baseUrl: "http://0.0.0.0:4100" });
    expect(Object.isFrozen(moved)).toBe(true);
    expect(listeningAt(moved, "127.0.0.1", 4200).baseUrl).toBe("http://127.0.0.1:4200");
    const given = listeningAt(loadConfig({ BASE_URL: "https://papers.example.org/" }), "0.0.0.0", 4100);
    expect(given).toMatchObject({ port: 4100, baseUrl: "https://papers.example.org" });
    expect(listeningAt(loadConfig({}), "127.0.0.1", 0).baseUrl).toBe("http://127.0.0.1:3000");
  });

  it("believes forwarded addresses only from the proxies it is told of (production: this machine's)", () => {
    const key = { SECRET_KEY: "x".repeat(32) };
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ ...key, NODE_ENV: "production" }).trustProxy).toBe("loopback");
    expect(loadConfig({ ...key, NODE_ENV: "production", TRUST_PROXY: "none" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16, ::1" }).trustProxy).toBe(
      "10.0.0.5, 192.168.0.0/16, ::1",
    );
  });
});
