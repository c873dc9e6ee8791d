import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaperboyApiError, type PaperboyClient } from "../../src/client/index.js";
import { HfDailyPapers } from "../../src/web/api/hf-schemas.js";
import { addPapers, loadListingFixture, paperRecord, serveWithClient, upvote } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { expectHfDailyShape, recorded } from "./hf-shape.js";

describe.each(BACKENDS)("GET /api/daily_papers, as Hugging Face answers it (%s)", (backend) => {
  let instance: TestInstance;
  let client: PaperboyClient;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(
      instance.services,
      [
        paperRecord("2606.99001", {
          abstract: "Code: https://github.com/acme/tool. Page: https://acme.org/tool",
        }),
      ],
      "2026-06-26",
    );
    await upvote(instance.services, "2606.99001", 3);
    const served = await serveWithClient(instance.services);
    client = served.client;
    close = () => served.app.close();
  });
  afterAll(async () => {
    await close();
    await instance.dispose();
  });

  it("knows every field of Hugging Face's recorded answer, with its type", () => {
    const parsed = HfDailyPapers.safeParse(recorded);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("answers with Hugging Face's field names and types, and every field it always sends", async () => {
    expectHfDailyShape(await client.dailyPapers({ date: "2026-06-26" }));
  });

  it("fills the entry from the stored paper", async () => {
    const entry = (await client.dailyPapers({ date: "2026-06-26", sort: "trending" }))[0];
    expect(entry?.paper).toMatchObject({
      id: "2606.99001",
      upvotes: 3,
      githubRepo: "https://github.com/acme/tool",
      projectPage: "https://acme.org/tool",
      submittedOnDailyAt: "2026-06-26T00:00:00.000Z",
      publishedAt: "2026-06-20T12:00:00.000Z",
    });
    expect(entry?.paper.authors.map((a) => a.name)).toEqual(["Ada Lovelace", "Alan Turing"]);
    expect(entry?.paper.authors[0]?._id).toMatch(/^[0-9a-f]{24}$/);
    expect(entry?.publishedAt).toBe("2026-06-26T14:00:00.000Z");
    expect(entry?.submittedBy.name).toBe("paperboy");
    expect(entry).toMatchObject({ numComments: 0, isAuthorParticipating: false, title: "Paper 2606.99001" });
  });

  it("pages with p from 0 and limit 50 by default", async () => {
    const first = await client.dailyPapers({ date: "2026-06-26" });
    const second = await client.dailyPapers({ date: "2026-06-26", p: 1 });
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(11);
    const ids = (list: typeof first) => list.map((entry) => entry.paper.id);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
    expect(await client.dailyPapers({ date: "2026-06-26", limit: 100 })).toHaveLength(61);
    expect(await client.dailyPapers({ date: "2026-06-26", limit: 1 })).toHaveLength(1);
    expect(await client.dailyPapers({ date: "2026-06-26", p: 5 })).toEqual([]);
  });

  it("covers a week, a month and, without a period, every day newest first", async () => {
    expect(await client.dailyPapers({ week: "2026-W26", limit: 100 })).toHaveLength(61);
    expect(await client.dailyPapers({ week: "2026-W27", limit: 100 })).toHaveLength(100);
    const month = await client.dailyPapers({ month: "2026-06", limit: 100, p: 1 });
    expect(month).toHaveLength(81);
    const latest = await client.dailyPapers({ limit: 3 });
    expect(latest.map((entry) => entry.paper.submittedOnDailyAt)).toEqual(
      Array(3).fill("2026-06-30T00:00:00.000Z"),
    );
    expect(await client.dailyPapers({ date: "2027-01-01" })).toEqual([]);
  });

  it("sorts by trending (upvotes) and filters by submitter", async () => {
    const trending = await client.dailyPapers({ month: "2026-06", sort: "trending", limit: 1 });
    expect(trending[0]?.paper.id).toBe("2606.99001");
    expect(await client.dailyPapers({ date: "2026-06-30", submitter: "paperboy", limit: 100 })).toHaveLength(
      60,
    );
    expect(await client.dailyPapers({ date: "2026-06-30", submitter: "nobody" })).toEqual([]);
  });

  it.each([
    [{ date: "2026-02-30" }, /not a calendar date/],
    [{ date: "yesterday" }, /date must be a day/],
    [{ week: "2026-W60" }, /no week 60/],
    [{ week: "2026-27" }, /ISO week/],
    [{ month: "2026-13" }, /not a month/],
    [{ date: "2026-06-26", week: "2026-W26" }, /at most one of date, week and month/],
    [{ limit: 0 }, /limit must be from 1 to 100/],
    [{ limit: 101 }, /limit must be from 1 to 100/],
    [{ p: -1 }, /p counts pages from 0/],
    [{ sort: "hot" }, /sort must be publishedAt or trending/],
  ])("answers %j with 400 and says why", async (params, message) => {
    const error = await client.dailyPapers(params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaperboyApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid" });
    expect((error as Error).message).toMatch(message);
  });

  it("rejects a limit that is not a number and ignores parameters it does not know", async () => {
    const error = await client.dailyPapers({ limit: "ten" as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, message: "query limit: limit must be a whole number" });
    const known = await client.dailyPapers({ date: "2026-06-29", ...({ utm: "x" } as object) });
    expect(known).toHaveLength(50);
  });
});
