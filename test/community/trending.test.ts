import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { trendingList } from "../../src/lists/trending.js";
import { createTrendingCache } from "../../src/lists/trending-cache.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

// Noon in New York on 30 June 2026; the fixture features papers on 26, 29 and 30 June.
const clock = fixedClock("2026-06-30T16:00:00Z");

describe.each(BACKENDS)("trending list on a fixed clock (%s)", (backend) => {
  let instance: TestInstance;
  let voters: Account[];

  beforeAll(async () => {
    clock.set("2026-06-30T16:00:00Z");
    instance = await createTestInstance({ backend, clock });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    await featureEveryNewPaper(instance.services);
    voters = [];
    for (const name of ["a", "b", "c"])
      voters.push((await addUser(instance.services, `${name}@example.org`, undefined)).account);
    const vote = (voter: number, paper: string) =>
      setUpvote(instance.services, voters[voter] as Account, paper, true);
    await vote(0, "2606.26139"); // 26 June, three votes
    await vote(1, "2606.26139");
    await vote(2, "2606.26139");
    await vote(0, "2606.28729"); // 30 June, one vote
  });
  afterAll(async () => {
    await instance.dispose();
  });

  it("ranks by the pinned formula, ages imported papers from the end of their day, and explains each entry", async () => {
    const list = await trendingList(instance.services, { page: 1, size: 10 });
    const ids = list.papers.map((paper) => paper.id);
    expect(ids.slice(0, 2)).toEqual(["2606.28729", "2606.26139"]);
    // The week's unvoted papers follow, scoring 0, newest listing day first.
    const unvoted = list.papers.slice(2);
    expect(unvoted.length).toBeGreaterThan(0);
    expect(unvoted.every((paper) => list.reasons.get(paper.id)?.points === 0)).toBe(true);
    const days = unvoted.map((paper) => paper.listingDay ?? "");
    expect(days).toEqual([...days].sort().reverse());
    expect(list.anchoredTo).toBeNull();
    // 30 June ends at 04:00Z on 1 July (EDT), after the clock: the import instant (now) counts, age 0 h.
    expect(list.reasons.get("2606.28729")).toEqual({
      upvotes: 1,
      comments: 0,
      points: 1,
      ageHours: 0,
      ageDivisor: 2 ** 1.8,
      score: 1 / 2 ** 1.8,
    });
    // 26 June ended at 2026-06-27T04:00Z: 84 hours before the clock.
    expect(list.reasons.get("2606.26139")).toMatchObject({ points: 3, ageHours: 84, score: 3 / 86 ** 1.8 });
    expect(list.reasons.get("2606.26139")?.score).toBe(0.0009886078223316213);
  });

  it("serves a cached order for a minute, and a fresh one after a write clears it", async () => {
    const cache = createTrendingCache(instance.services.database, clock, 60_000);
    // The order a reader browses has the unvoted papers after the voted ones: count those with points.
    const voted = async () => (await cache.order()).filter((place) => place.why.points > 0);
    expect(await voted()).toHaveLength(2);
    await setUpvote(instance.services, voters[1] as Account, "2606.27531", true);
    expect(await voted()).toHaveLength(2);
    cache.clear();
    expect(await voted()).toHaveLength(3);
    await setUpvote(instance.services, voters[2] as Account, "2606.27670", true);
    clock.set("2026-06-30T16:01:00Z");
    expect(await voted()).toHaveLength(4);
  });
});
