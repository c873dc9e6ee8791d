import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { seriousViolations } from "../helpers/axe.js";
import { BACKENDS } from "../helpers/backends.js";
import { screenPath } from "../helpers/screens.js";
import {
  currentId,
  focusedId,
  rowIds,
  signIn,
  startTriageStage,
  TRIAGE_DAY,
  type TriageStage,
} from "../helpers/triage-walk.js";

/** A marker in the page: it survives only if no action reloads it. */
const markPage = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { kept: boolean }).kept = true;
  });
const stillKept = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept);

describe.each(BACKENDS)("the reader's daily loop in Chromium (%s)", (backend) => {
  let stage: TriageStage;

  beforeAll(async () => {
    // Months after the fixture's day, as on the demo.
    stage = await startTriageStage(backend, fixedClock("2026-12-03T15:00:00Z"));
  });
  afterAll(async () => {
    await stage?.close();
  });

  it("triages a day with the keys, keeping the selection and the order, then follows an author", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(stage, page, "ada@example.org", `/papers/new/${TRIAGE_DAY}`);
    expect(await rowIds(page)).toHaveLength(60);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /^cs\.CL \d+$/ }).click();
    await page.waitForURL(`**/papers/new/${TRIAGE_DAY}?category=cs.CL`);
    const order = await rowIds(page);
    expect(order.length).toBeGreaterThan(3);
    const [, second, third, fourth] = order;
    await markPage(page);

    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await currentId(page)).toBe(second);
    await page.keyboard.press("u");
    const upvote = page.locator(`article[data-paper="${second}"] button[data-action="upvote"]`);
    await expect.poll(() => upvote.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => upvote.textContent()).toBe("▲ 1 upvote");
    expect(await currentId(page)).toBe(second);
    expect(await focusedId(page)).toBe(second);

    await page.keyboard.press("j");
    await page.keyboard.press("s");
    const save = page.locator(`article[data-paper="${third}"] button[data-save]`);
    await expect.poll(() => save.getAttribute("aria-pressed")).toBe("true");
    expect(await currentId(page)).toBe(third);

    await page.keyboard.press("j");
    await page.keyboard.press("x");
    const row = page.locator(`article[data-paper="${fourth}"]`);
    await expect.poll(() => row.getAttribute("class")).toContain("is-dismissed");
    expect(await currentId(page)).toBe(fourth);
    expect(await rowIds(page)).toEqual(order);
    expect(await stillKept(page)).toBe(true);
    await page.keyboard.press("e");
    expect(await row.locator("details").getAttribute("open")).toBe("");
    await page.screenshot({ path: screenPath(`triage-keys-${backend}`) });

    // The upvote featured the paper on its day's list; the hidden paper is gone from this reader's view.
    const db = stage.instance.services.database.kysely;
    const entry = await db
      .selectFrom("listing_entries")
      .select(["listing_day", "source"])
      .where("paper_id", "=", second ?? "")
      .executeTakeFirst();
    expect(entry).toEqual({ listing_day: TRIAGE_DAY, source: "triage" });
    // Three signals now: For you orders the reloaded view, which leaves the hidden paper out.
    await page.reload();
    const reloaded = await rowIds(page);
    expect(reloaded).not.toContain(fourth);
    expect([...reloaded].sort()).toEqual(order.filter((id) => id !== fourth).sort());
    expect(await page.locator(".list-date").textContent()).toContain("sorted For you");

    await page.locator(`article[data-paper="${second}"] .triage-authors a`).first().click();
    await page.waitForURL("**/authors/**");
    await page.getByRole("button", { name: "Follow" }).click();
    await expect
      .poll(() => page.locator("button[data-action=follow]").getAttribute("aria-pressed"))
      .toBe("true");
    await page.reload();
    await expect(page.locator("button[data-action=follow]").textContent()).resolves.toBe("Following");
    const follows = await db.selectFrom("reader_follows").select(["kind", "label"]).execute();
    expect(follows).toHaveLength(1);
    expect(follows[0]?.kind).toBe("author");
    await page.close();
  });

  it("gives the day's curated list the same keys and a compact view", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${stage.baseUrl}/papers/date/${TRIAGE_DAY}`);
    await page.getByRole("link", { name: "Compact rows" }).click();
    await page.waitForURL(`**/papers/date/${TRIAGE_DAY}?view=compact`);
    const featured = await rowIds(page);
    expect(featured.length).toBeGreaterThan(0);
    await page.keyboard.press("j");
    expect(await currentId(page)).toBe(featured[0]);
    await page.getByRole("link", { name: "Full abstracts" }).click();
    await page.waitForURL(`**/papers/date/${TRIAGE_DAY}`);
    expect(await rowIds(page)).toEqual([]);
    await page.close();
  });

  it("reads well and passes axe at 390 px, for someone who is not signed in too", async () => {
    const page = await stage.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${stage.baseUrl}/papers/new/${TRIAGE_DAY}`);
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press("j");
    await page.keyboard.press("e");
    expect(await page.locator("article.triage-row").first().locator("details").getAttribute("open")).toBe("");
    await page.screenshot({ path: screenPath(`triage-390-${backend}`) });
    await page.close();
  });
});
