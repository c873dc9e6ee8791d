import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaperboyApiError, PaperboyClient } from "../../src/client/index.js";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { fixedClock } from "../../src/core/clock.js";
import { addPapers, loadListingFixture, paperRecord, serveWithClient } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof PaperboyApiError ? error.status : 0),
  );

describe.each(BACKENDS)("authenticated API writes and Paperboy's own endpoints (%s)", (backend) => {
  const clock = fixedClock("2026-06-22T15:00:00Z");
  let instance: TestInstance;
  let grace: PaperboyClient;
  let alan: PaperboyClient;
  let anonymous: PaperboyClient;
  let graceHandle = "";
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    const { services } = instance;
    await loadListingFixture(services);
    await addPapers(services, [paperRecord("2606.99010"), paperRecord("hep-th/9901001")], null);
    const tokenOf = async (email: string) => {
      const { account } = await addUser(services, email, undefined);
      if (email.startsWith("grace")) graceHandle = account.handle;
      return (await createApiToken(services, account, "tests")).token;
    };
    const served = await serveWithClient(services);
    grace = new PaperboyClient({ baseUrl: served.baseUrl, token: await tokenOf("grace@example.org") });
    alan = new PaperboyClient({ baseUrl: served.baseUrl, token: await tokenOf("alan@example.org") });
    anonymous = served.client;
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("submits a paper through Hugging Face's POST /api/papers/index with a token", async () => {
    expect(await statusOf(anonymous.indexPaper("2606.99010"))).toBe(401);
    const paper = await grace.indexPaper("https://arxiv.org/abs/2606.99010v1");
    expect(paper).toMatchObject({
      id: "2606.99010",
      submittedOnDailyAt: "2026-06-22T00:00:00.000Z",
      submittedOnDailyBy: { user: graceHandle },
    });
    expect(await statusOf(grace.indexPaper("2606.99010"))).toBe(409);
    expect(await statusOf(grace.indexPaper("not an id"))).toBe(400);
    const forged = new PaperboyClient({ baseUrl: grace.baseUrl, token: "pb_forged" });
    expect(await statusOf(forged.indexPaper("2606.26139"))).toBe(401);
  });

  it("upvotes and takes an upvote back, idempotently, old-style ids too", async () => {
    expect(await statusOf(anonymous.upvote("2606.26139"))).toBe(401);
    expect(await grace.upvote("2606.26139")).toEqual({ paperId: "2606.26139", upvoted: true, upvotes: 1 });
    expect(await grace.upvote("2606.26139v2")).toEqual({ paperId: "2606.26139", upvoted: true, upvotes: 1 });
    expect(await alan.upvote("2606.26139")).toMatchObject({ upvotes: 2 });
    expect((await anonymous.paper("2606.26139")).upvotes).toBe(2);
    expect(await grace.removeUpvote("2606.26139")).toEqual({
      paperId: "2606.26139",
      upvoted: false,
      upvotes: 1,
    });
    expect(await grace.upvote("hep-th/9901001")).toMatchObject({ paperId: "hep-th/9901001", upvotes: 1 });
    expect(await statusOf(grace.upvote("2101.99999"))).toBe(404);
  });

  it("posts, lists, replies to and deletes comments; markup is rendered safely", async () => {
    expect(await statusOf(anonymous.postComment("2606.26139", "hello"))).toBe(401);
    const first = await grace.postComment("2606.26139", "Nice *work* <script>alert(1)</script>");
    expect(first).toMatchObject({ paperId: "2606.26139", author: graceHandle, parentId: null });
    expect(first.html).toContain("<em>work</em>");
    expect(first.html).not.toContain("<script>");
    const reply = await alan.postComment("2606.26139", "Agreed.", first.id);
    expect(reply.parentId).toBe(first.id);
    expect((await anonymous.comments("2606.26139")).map((c) => c.id)).toEqual([first.id, reply.id]);
    expect(
      (await anonymous.dailyPapers({ date: "2026-06-26", sort: "trending", limit: 100 })).find(
        (e) => e.paper.id === "2606.26139",
      )?.numComments,
    ).toBe(2);
    expect(await statusOf(alan.deleteComment(first.id))).toBe(403);
    await alan.deleteComment(reply.id);
    expect((await anonymous.comments("2606.26139")).map((c) => c.id)).toEqual([first.id]);
    expect(await statusOf(grace.postComment("2606.26139", "   "))).toBe(400);
    expect(await statusOf(anonymous.comments("2101.99999"))).toBe(404);
  });

  it("lists categories largest first", async () => {
    const categories = await anonymous.categories();
    expect(categories.length).toBeGreaterThan(5);
    const counts = categories.map((c) => c.papers);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(categories.find((c) => c.category === "cs.LG")?.papers).toBeGreaterThan(0);
  });

  it("gives the trending list with the reasons for each place", async () => {
    clock.set("2026-06-30T18:00:00Z");
    const trending = await anonymous.trending(5);
    expect(trending[0]?.paper.id).toBe("2606.26139");
    expect(trending[0]?.why).toMatchObject({ upvotes: 1, comments: 1, points: 1.5 });
    expect(trending[0]?.why.score).toBeGreaterThan(0);
    expect(await statusOf(anonymous.trending(500))).toBe(400);
  });
});
