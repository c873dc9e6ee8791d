import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/clock.js";
import { createEmbedderSource } from "../../src/search/embedders/create.js";
import { SemanticIndex } from "../../src/search/semantic-index.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { listingPapers, storePapers } from "./backends.js";

const NEW_ID = "2606.99970";

describe.each(BACKENDS)("shared search results and the vector index (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    // No refresh of its own during the test: this process sees other processes' vectors only when told to.
    instance = await createTestInstance({ backend, env: { SEMANTIC_REFRESH_SECONDS: "3600" } });
    await storePapers(instance, listingPapers());
    await instance.services.semantic.refresh();
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("does not share a result computed before this process indexed vectors another process stored", async () => {
    const [template] = listingPapers();
    if (!template) throw new Error("fixture is empty");
    // A copy of a known paper under a new id: its vector is the original's, so a search near the original
    // finds it once it is indexed.
    await storePapers(instance, [{ ...template, record: { ...template.record, id: NEW_ID } }]);
    const { database, config } = instance.services;
    const otherProcess = new SemanticIndex(database, createEmbedderSource(config, database, systemClock));
    expect(await otherProcess.refresh()).toBe(1);
    // Words of its abstract, not its whole title: an exact title is found by title, whatever the vectors.
    const words = template.record.abstract.split(/\s+/).slice(0, 20).join(" ");
    const url = `/search?q=${encodeURIComponent(words)}&mode=semantic`;
    const before = (await app.inject(url)).body;
    // With vectors kept in memory, this process cannot know the new paper yet (pgvector sees it at once).
    if (instance.services.semantic.engine === "memory")
      expect(before).not.toContain(`href="/papers/${NEW_ID}"`);
    await instance.services.semantic.refresh();
    const after = (await app.inject(url)).body;
    expect(after).toContain(`href="/papers/${NEW_ID}"`);
  });
});
