import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { BACKENDS } from "../helpers/backends.js";
import { screenPath } from "../helpers/screens.js";
import {
  currentId,
  rowIds,
  signIn,
  startTriageStage,
  TRIAGE_DAY,
  type TriageStage,
} from "../helpers/triage-walk.js";

/** The papers of the For you list, in the order shown. */
const listIds = (page: Page) =>
  page
    .locator(".for-you-list article[data-paper]")
    .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-paper")));

describe.each(BACKENDS)("For you in Chromium (%s)", (backend) => {
  let stage: TriageStage;

  beforeAll(async () => {
    stage = await startTriageStage(backend, fixedClock("2026-12-03T15:00:00Z"));
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("reorders the day for a reader's upvotes from the triage view, and says why", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const forYou = `/papers/for-you?date=${TRIAGE_DAY}&days=1`;
    await signIn(stage, page, "ada@example.org", forYou);
    expect(await page.getByRole("heading", { name: "Tell Paperboy what you like" }).isVisible()).toBe(true);
    // A follow from the cold-start form: still a cold start, the followed category first and saying so.
    await page.getByLabel("Follow a category").fill("cs.IT");
    await page.getByRole("button", { name: "Follow" }).first().click();
    await page.waitForURL("**/papers/for-you");
    await page.goto(`${stage.baseUrl}${forYou}`);
    const cold = await listIds(page);
    expect(cold.length).toBeGreaterThan(10);

    // Three upvotes with the keys, on the day's information theory papers.
    await page.goto(`${stage.baseUrl}/papers/new/${TRIAGE_DAY}?category=cs.IT`);
    const liked = (await rowIds(page)).slice(0, 3);
    expect(liked).toHaveLength(3);
    for (const id of liked) {
      await page.keyboard.press("j");
      expect(await currentId(page)).toBe(id);
      await page.keyboard.press("u");
      const upvote = page.locator(`article[data-paper="${id}"] button[data-action="upvote"]`);
      await expect.poll(() => upvote.getAttribute("aria-pressed")).toBe("true");
    }

    await page.goto(`${stage.baseUrl}${forYou}`);
    expect(await page.getByRole("heading", { name: "Tell Paperboy what you like" }).count()).toBe(0);
    const warm = await listIds(page);
    expect(warm).not.toEqual(cold);
    expect(warm.filter((id) => liked.includes(id))).toEqual([]);
    const db = stage.instance.services.database.kysely;
    const information = await db
      .selectFrom("paper_categories")
      .select("paper_id")
      .where("category", "=", "cs.IT")
      .where(
        "paper_id",
        "in",
        warm.slice(0, 3).map((id) => id ?? ""),
      )
      .execute();
    expect(information).toHaveLength(3);
    const reasons = await page
      .locator(".for-you-list article[data-paper]")
      .evaluateAll((cards) =>
        cards.slice(0, 10).map((c) => c.querySelector(".for-you-why")?.textContent ?? ""),
      );
    expect(reasons.slice(0, 3)).toEqual(Array(3).fill("Why: you follow cs.IT"));
    await page.screenshot({ path: screenPath(`for-you-reordered-${backend}`) });
    await page.close();
  });
});
