import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_LIMITS } from "../../src/core/record-bounds.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { getSummaries } from "../../src/storage/papers.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const HUGE = {
  id: "2606.99998",
  listed_on: "2026-06-30",
  title: "Bell\u0007 and NUL\u0000 in a title",
  authors: Array.from({ length: 2_000 }, (_, i) => `Author\u0000 Number ${i}`),
  categories: ["cs.CL"],
  comment: null,
  summary: `Start ${"word ".repeat(80_000)}`,
};

describe.each(BACKENDS)("imported fields are bounded (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("cuts a 400 KB abstract and 2,000 authors, says so, and drops control characters", async () => {
    const file = join(instance.directory, "huge.jsonl");
    writeFileSync(file, `${JSON.stringify(HUGE)}\n`);
    const report = await importFiles(instance.services.database, [file], { format: "listing" });
    expect(report).toMatchObject({ added: 1, cut: 1 });
    const [paper] = await getSummaries(instance.services.database, [HUGE.id]);
    expect(paper?.title).toBe("Bell and NUL in a title");
    expect(paper?.abstract.length).toBeLessThanOrEqual(RECORD_LIMITS.abstract);
    expect(paper?.authors.length).toBe(RECORD_LIMITS.authors);
    expect(paper?.authors[0]).toBe("Author Number 0");
    const page = await app.inject(`/papers/${HUGE.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body.includes("\u0000") || page.body.includes("\u0007")).toBe(false);
    // Before the caps this paper made a 1.4 MB page. Its 1,000 kept authors still appear six times (the list,
    // the citation_author tags, and the Cite box's BibTeX, RIS and CSL-JSON): about 340 KB.
    expect(page.body.length).toBeLessThan(400_000);
    const again = await importFiles(instance.services.database, [file], { format: "listing" });
    expect(again).toMatchObject({ added: 0, unchanged: 1, cut: 0 });
  });
});
