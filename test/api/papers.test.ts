import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaperboyApiError, type PaperboyClient } from "../../src/client/index.js";
import { HfPaper } from "../../src/web/api/hf-schemas.js";
import { addPapers, loadListingFixture, paperRecord, serveWithClient, upvote } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { keyKinds, recorded } from "./hf-shape.js";

describe.each(BACKENDS)("GET /api/papers/ID and /api/papers (%s)", (backend) => {
  let instance: TestInstance;
  let client: PaperboyClient;
  let baseUrl: string;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(
      instance.services,
      [
        paperRecord("hep-th/9901001", { published: "1999-01-04T10:00:00Z" }),
        paperRecord("2101.00001", {
          withdrawn: true,
          updated: "2021-03-01T09:30:00Z",
          comment: "withdrawn; see https://github.com/x/y",
        }),
      ],
      null,
    );
    await upvote(instance.services, "2606.26139", 2);
    const served = await serveWithClient(instance.services);
    ({ client, baseUrl } = served);
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("answers a paper in Hugging Face's shape, with the fields and types of its recorded paper", async () => {
    const paper = await client.paper("2606.26139");
    expect(HfPaper.safeParse(paper).success).toBe(true);
    const theirs = keyKinds(recorded.map((entry) => entry.paper));
    for (const [path, kinds] of keyKinds([paper])) {
      if (path === "[].withdrawnAt") continue;
      expect(theirs.get(path), path).toBeDefined();
      for (const kind of kinds) expect(theirs.get(path), path).toContain(kind);
    }
    expect(paper).toMatchObject({
      id: "2606.26139",
      upvotes: 2,
      submittedOnDailyAt: "2026-06-26T00:00:00.000Z",
      submittedOnDailyBy: { user: "paperboy", name: "paperboy", type: "user" },
    });
    expect(paper.authors[0]).toMatchObject({ name: "Quanyan Zhu", hidden: false });
    expect(paper.discussionId).toMatch(/^[0-9a-f]{24}$/);
  });

  it("accepts a version suffix and old-style ids with their slash", async () => {
    expect((await client.paper("2606.26139v3")).id).toBe("2606.26139");
    const old = await client.paper("hep-th/9901001");
    expect(old).toMatchObject({ id: "hep-th/9901001", publishedAt: "1999-01-04T10:00:00.000Z" });
    expect(old.submittedOnDailyAt).toBeUndefined();
  });

  it("dates a withdrawal by the last version", async () => {
    const paper = await client.paper("2101.00001");
    expect(paper.withdrawnAt).toBe("2021-03-01T09:30:00.000Z");
    expect(paper.githubRepo).toBe("https://github.com/x/y");
  });

  it.each([
    ["2101.99999", 404, "not_found"],
    ["hep-th/9901999", 404, "not_found"],
    ["not-an-id", 400, "invalid"],
  ])("answers %s with %i", async (id, status, code) => {
    const error = await client.paper(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaperboyApiError);
    expect(error).toMatchObject({ status, code });
  });

  it("puts the message in X-Error-Message, where Hugging Face's client reads it", async () => {
    const response = await fetch(`${baseUrl}/api/papers/2101.99999`);
    expect(response.headers.get("x-error-message")).toMatch(/No paper 2101\.99999/);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("walks every paper by cursor, newest id first, old-style ids last", async () => {
    const first = await client.papers({ limit: 50 });
    expect(first.papers).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const ids: string[] = [];
    for await (const paper of client.allPapers(70)) ids.push(paper.id);
    expect(ids).toHaveLength(182);
    expect(new Set(ids).size).toBe(182);
    expect(ids.slice(0, 50)).toEqual(first.papers.map((p) => p.id));
    expect(ids.at(-1)).toBe("hep-th/9901001");
    expect(ids.slice(0, -1)).toEqual([...ids.slice(0, -1)].sort().reverse());
  });

  it("names the next page in a Link header and ends without one", async () => {
    const response = await fetch(`${baseUrl}/api/papers?limit=100`);
    const link = response.headers.get("link") ?? "";
    expect(link).toMatch(/^<http:\/\/.+\/api\/papers\?cursor=[\w-]+&limit=100>; rel="next"$/);
    const next = new URL(/<([^>]+)>/.exec(link)?.[1] ?? "").search;
    const last = await fetch(`${baseUrl}/api/papers${next}`);
    expect(last.headers.get("link")).toBeNull();
    expect(await last.json()).toHaveLength(82);
  });

  it.each([
    ["cursor=%%%", /cursor is not one this server gave out/],
    ["limit=0", /limit must be from 1 to 100/],
    ["limit=1000", /limit must be from 1 to 100/],
  ])("rejects %s with 400", async (query, message) => {
    const response = await fetch(`${baseUrl}/api/papers?${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });
});
