import { afterAll, beforeAll } from "vitest";
import type { IncomingPaper } from "../../src/core/paper.js";
import type { Backend } from "./backends.js";
import { importPapers } from "./papers.js";
import { createTestInstance, type TestInstance } from "./services.js";

/**
 * One instance on `backend` holding `papers`, made before the enclosing describe's tests and disposed of after
 * them (they only read it); returns how to reach it from inside a test.
 */
export function sharedInstanceWith(backend: Backend, papers: readonly IncomingPaper[]): () => TestInstance {
  let instance: TestInstance | undefined;
  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await importPapers(instance.services.database, papers);
  }, 60_000);
  afterAll(async () => {
    await instance?.dispose();
  });
  return () => {
    if (!instance) throw new Error("the shared instance is made before the tests: reach it from inside one");
    return instance;
  };
}
