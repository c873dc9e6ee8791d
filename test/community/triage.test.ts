import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { setSaved } from "../../src/community/saves.js";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { acceptedSomewhere, featureDemoPicks } from "../../src/ingestion/demo-picks.js";
import { dayList } from "../../src/lists/day.js";
import { trendingAnchor } from "../../src/lists/trending-anchor.js";
import { browsedTrending } from "../../src/lists/trending-cache.js";
import { getPaper } from "../../src/storage/papers.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { paperRecord } from "../helpers/papers.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

// Five months after the papers' days, as on the demo: far older than SUBMISSION_MAX_AGE_DAYS.
const clock = fixedClock("2026-12-03T15:00:00Z");
const announced = (id: string, day: string, comment: string | null = null) => ({
  record: paperRecord(id, { versions: [], published: null, comment }),
  featureOn: null,
  announcedOn: day,
});

describe.each(BACKENDS)("featuring from the new papers, and trending on an old instance (%s)", (backend) => {
  let instance: TestInstance;
  let ada: Account;
  let bob: Account;
  let curatorsOnly: TestInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    curatorsOnly = await createTestInstance({ backend, clock, env: { SUBMITTER_ROLE: "curator" } });
    for (const target of [instance, curatorsOnly]) {
      await upsertPapers(
        target.services.database,
        [
          announced("2606.10001", "2026-06-29", "Accepted at ICML 2026. Code at https://example.org"),
          announced("2606.10002", "2026-06-30", "12 pages, 4 figures"),
          announced("2606.10003", "2026-06-30", "To appear in the proceedings of NeurIPS 2026"),
          announced("2606.10004", "2026-06-30"),
          announced("2606.10005", "2026-06-30"),
        ],
        { submitterId: 1, source: "import", now: clock.now().toISOString() },
      );
    }
    ada = (await addUser(instance.services, "ada@example.org", undefined)).account;
    bob = (await addUser(instance.services, "bob@example.org", undefined)).account;
  });
  afterAll(async () => {
    await instance.dispose();
    await curatorsOnly.dispose();
  });

  const featured = async (target: TestInstance, id: string) => {
    const paper = await getPaper(target.services.database, id);
    return paper?.listingDay ? { day: paper.listingDay, by: paper.submittedBy } : null;
  };

  it("features a new paper on its own arXiv day at a member's first upvote, and unfeatures it at the last", async () => {
    await setUpvote(instance.services, ada, "2606.10004", true);
    expect(await featured(instance, "2606.10004")).toEqual({ day: "2026-06-30", by: ada.handle });
    await setUpvote(instance.services, bob, "2606.10004", true);
    expect(await featured(instance, "2606.10004")).toEqual({ day: "2026-06-30", by: ada.handle });
    await setUpvote(instance.services, ada, "2606.10004", false);
    expect(await featured(instance, "2606.10004")).toEqual({ day: "2026-06-30", by: ada.handle });
    await setUpvote(instance.services, bob, "2606.10004", false);
    expect(await featured(instance, "2606.10004")).toBeNull();
  });

  it("features by a save too, and a save keeps a paper featured after the upvotes went", async () => {
    await setSaved(instance.services, bob, "2606.10005", true);
    expect(await featured(instance, "2606.10005")).toEqual({ day: "2026-06-30", by: bob.handle });
    await setUpvote(instance.services, ada, "2606.10005", true);
    await setUpvote(instance.services, ada, "2606.10005", false);
    expect(await featured(instance, "2606.10005")).toEqual({ day: "2026-06-30", by: bob.handle });
    await setSaved(instance.services, bob, "2606.10005", false);
    expect(await featured(instance, "2606.10005")).toBeNull();
  });

  it("leaves featuring to curators where only curators may submit", async () => {
    const member = (await addUser(curatorsOnly.services, "cleo@example.org", undefined)).account;
    const curator = (await addUser(curatorsOnly.services, "dan@example.org", "curator")).account;
    await setUpvote(curatorsOnly.services, member, "2606.10002", true);
    expect(await featured(curatorsOnly, "2606.10002")).toBeNull();
    await setUpvote(curatorsOnly.services, curator, "2606.10002", true);
    expect(await featured(curatorsOnly, "2606.10002")).toEqual({ day: "2026-06-30", by: curator.handle });
  });

  it("features the demo's picks: papers whose authors say a venue accepted them, once", async () => {
    expect(acceptedSomewhere("Accepted to ICML 2026 (Oral)")).toBe(true);
    expect(acceptedSomewhere("16 pages, 13 figures, accepted by IEEE TWC")).toBe(true);
    expect(acceptedSomewhere("Submitted to NeurIPS 2026")).toBe(false);
    expect(await featureDemoPicks(instance.services.database, clock.now())).toBe(2);
    expect(await featureDemoPicks(instance.services.database, clock.now())).toBe(0);
    expect(await featured(instance, "2606.10001")).toEqual({ day: "2026-06-29", by: "paperboy" });
    expect(await featured(instance, "2606.10003")).toEqual({ day: "2026-06-30", by: "paperboy" });
    expect(await featured(instance, "2606.10002")).toBeNull();
  });

  it("counts trending at the end of the newest listing day when nothing newer was featured, votes first", async () => {
    const anchor = await trendingAnchor(instance.services.database, clock.now());
    expect(anchor.at.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    const before = await browsedTrending(instance.services.database, clock.now());
    expect(before.anchoredTo).toBe("2026-06-30");
    // Nothing has votes yet: the newest featured papers, each with a score of 0.
    expect(before.order.map((e) => [e.paperId, e.why.score])).toEqual([
      ["2606.10003", 0],
      ["2606.10001", 0],
    ]);
    // The community loop: an upvote on a months-old new paper reaches its day's list and trending, first.
    await setUpvote(instance.services, bob, "2606.10002", true);
    const day = await dayList(instance.services.database, "2026-06-30", { page: 1, size: 50 });
    expect(day.papers.map((p) => p.id)).toEqual(["2606.10002", "2606.10003"]);
    const after = await browsedTrending(instance.services.database, clock.now());
    expect(after.order.map((e) => e.paperId)).toEqual(["2606.10002", "2606.10003", "2606.10001"]);
    expect(after.order[0]?.why).toMatchObject({ upvotes: 1, comments: 0, points: 1 });
    expect(after.order[0]?.why.ageHours).toBe(0);
    // An instance with a paper featured this week is counted now.
    clock.set("2026-07-02T12:00:00Z");
    expect((await browsedTrending(instance.services.database, clock.now())).anchoredTo).toBeNull();
    clock.set("2026-12-03T15:00:00Z");
  });
});
