import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { setNotInterested } from "../../src/community/not-interested.js";
import { followSomething } from "../../src/community/reader-follows.js";
import { setSaved } from "../../src/community/saves.js";
import { setUpvote } from "../../src/community/upvotes.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { forYouOrder } from "../../src/for-you/order.js";
import { type ForYouList, forYouList } from "../../src/lists/for-you.js";
import { addPapers, upvote } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { TOPICS, type Topic, topicPaper, topicPapers } from "../helpers/topic-papers.js";

const clock = fixedClock("2026-06-24T15:00:00Z");
const topicOf = (id: string): Topic =>
  (["graphs", "proteins", "galaxies"] as const)[Number(id[6]) - 1] ?? "graphs";
const request = { date: "2026-06-23", days: 2, page: 1, size: 30 };

/** The list with each paper beside its score and reasons, in order. */
function withWhy(list: ForYouList) {
  const papers = list.papers.map((paper) => ({
    paper,
    ...(list.why.get(paper.id) ?? { score: 0, reasons: [] }),
  }));
  return { ...list, papers };
}

describe.each(BACKENDS)("For you service (%s)", (backend) => {
  let instance: TestInstance;
  let ada: Account;
  let bob: Account;
  const list = async (account: Account) => withWhy(await forYouList(instance.services, account.id, request));

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    const { services } = instance;
    // Earlier papers the readers signal on, and the two days For you ranks.
    await addPapers(services, topicPapers(0, 6, "2026-06-10T12:00:00Z"), "2026-06-10");
    await addPapers(services, topicPapers(10, 4, "2026-06-22T12:00:00Z"), "2026-06-22");
    await addPapers(services, topicPapers(20, 4, "2026-06-23T12:00:00Z"), "2026-06-23");
    await services.semantic.refresh();
    ada = (await addUser(services, "ada@example.org", undefined)).account;
    bob = (await addUser(services, "bob@example.org", undefined)).account;
  });
  afterAll(() => instance?.dispose());

  it("starts cold, in trending order, and says so", async () => {
    const trending = topicPaper("proteins", 21, "").id;
    await upvote(instance.services, trending, 2);
    const cold = await list(ada);
    expect(cold.coldStart).toBe(true);
    expect(cold.signalCount).toBe(0);
    expect(cold.first).toBe("2026-06-22");
    expect(cold.total).toBe(24);
    expect(cold.papers[0]?.paper.id).toBe(trending);
    expect(cold.papers[0]?.reasons).toEqual([{ kind: "trending" }]);
    expect(cold.papers[1]?.reasons).toEqual([]);
  });

  it("learns a topic from three upvotes and explains each pick by the liked paper it is like", async () => {
    for (const n of [0, 1, 2]) await setUpvote(instance.services, ada, topicPaper("graphs", n, "").id, true);
    const warm = await list(ada);
    expect(warm.coldStart).toBe(false);
    expect(warm.signalCount).toBe(3);
    const top = warm.papers.slice(0, 8);
    expect(top.map((item) => topicOf(item.paper.id))).toEqual(Array(8).fill("graphs"));
    const likes = top.flatMap((item) => item.reasons.filter((r) => r.kind === "like"));
    expect(likes.length).toBe(8);
    expect(likes.map((r) => (r.kind === "like" ? topicOf(r.paperId) : ""))).toEqual(Array(8).fill("graphs"));
    const scores = warm.papers.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("keeps the model while the signals stand, and retrains when they change", async () => {
    const before = await instance.services.forYou.rank(ada.id, []);
    expect(await instance.services.forYou.rank(ada.id, [])).toBe(before);
    await setSaved(instance.services, ada, topicPaper("proteins", 0, "").id, true);
    await setSaved(instance.services, ada, topicPaper("proteins", 1, "").id, true);
    const after = await list(ada);
    expect(after.signalCount).toBe(5);
    const saves = after.papers.flatMap((item) =>
      item.reasons.filter((r) => r.kind === "like" && r.signal === "save"),
    );
    expect(saves.length).toBeGreaterThan(0);
  });

  it("keeps a reader's page while nothing is written, and answers afresh after any write", async () => {
    const page = () => forYouList(instance.services, ada.id, request);
    const kept = await page();
    expect(await page()).toBe(kept);
    const shown = kept.papers[0];
    await setUpvote(instance.services, bob, shown?.id ?? "", true);
    const counted = await page();
    expect(counted).not.toBe(kept);
    expect(counted.papers.find((paper) => paper.id === shown?.id)?.upvotes).toBe((shown?.upvotes ?? 0) + 1);
    await setUpvote(instance.services, bob, shown?.id ?? "", false);
    await setNotInterested(instance.services, ada, shown?.id ?? "", true);
    expect((await page()).papers.map((paper) => paper.id)).not.toContain(shown?.id);
    await setNotInterested(instance.services, ada, shown?.id ?? "", false);
    expect((await page()).papers.map((paper) => paper.id)).toEqual(kept.papers.map((paper) => paper.id));
  });

  it("follows lift papers with the reason, and a cold reader's follows lead their list", async () => {
    await followSomething(instance.services, bob, { kind: "category", value: TOPICS.galaxies.category });
    await followSomething(instance.services, bob, { kind: "author", value: "E. Hubble" });
    const bobs = await list(bob);
    expect(bobs.coldStart).toBe(true);
    const first = bobs.papers[0];
    expect(first && topicOf(first.paper.id)).toBe("galaxies");
    expect(first?.reasons).toContainEqual({ kind: "category", category: "astro-ph.GA" });
    const byHubble = bobs.papers.find((item) => item.paper.authors.includes("Edwin Hubble"));
    expect(byHubble?.reasons).toContainEqual({ kind: "author", name: "E. Hubble" });
  });

  it("never shows a reader another reader's picks, nor their own rated papers", async () => {
    const candidate = topicPaper("graphs", 10, "").id;
    await setNotInterested(instance.services, ada, candidate, true);
    const adas = await list(ada);
    const bobs = await list(bob);
    expect(adas.papers.map((i) => i.paper.id)).not.toContain(candidate);
    expect(bobs.papers.map((i) => i.paper.id)).toContain(candidate);
    expect(topicOf(adas.papers[0]?.paper.id ?? "")).toBe("graphs");
    expect(topicOf(bobs.papers[0]?.paper.id ?? "")).toBe("galaxies");
    const reasons = bobs.papers.flatMap((item) => item.reasons);
    expect(reasons.some((r) => r.kind === "like")).toBe(false);
  });

  it("orders a whole day for the triage view: every paper kept, rated ones too, ties in the order given", async () => {
    const day = topicPapers(10, 4, "").map((p) => p.id);
    const given = [...day].reverse();
    const cyd = (await addUser(instance.services, "cyd@example.org", undefined)).account;
    const cold = await forYouOrder(instance.services, cyd.id, given);
    expect(cold.coldStart).toBe(true);
    expect(cold.ids).toEqual(given);
    const adas = await forYouOrder(instance.services, ada.id, given);
    expect(adas.coldStart).toBe(false);
    expect([...adas.ids].sort()).toEqual([...day].sort());
    expect(adas.ids).toContain(topicPaper("graphs", 10, "").id);
    const scores = adas.ids.map((id) => adas.why.get(id)?.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(adas.ids.slice(-4).map(topicOf)).toEqual(Array(4).fill("galaxies"));
    const bobs = await forYouOrder(instance.services, bob.id, given);
    expect(bobs.ids.slice(0, 4).map(topicOf)).toEqual(Array(4).fill("galaxies"));
    expect(bobs.why.get(bobs.ids[0] ?? "")?.reasons).toContainEqual({
      kind: "category",
      category: "astro-ph.GA",
    });
  });
});
