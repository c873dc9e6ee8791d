import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/ingestion/import-files.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { launchChromium } from "../helpers/browser.js";
import { fixture } from "../helpers/fixtures.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

describe.each(BACKENDS)("a reader in Chromium (%s)", (backend) => {
  let instance: TestInstance;
  let server: { app: FastifyInstance; baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
    await featureEveryNewPaper(instance.services);
    server = await listen(instance.services);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await instance?.dispose();
  });

  it("opens a day, goes to the previous day, follows a paper and sees it whole", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/papers/date/2026-06-29`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Daily Papers");
    await expect(page.locator(".list-date time").textContent()).resolves.toBe("Monday, June 29, 2026");
    expect(await page.locator("article.paper-card").count()).toBe(50);

    await page.getByRole("link", { name: "← Previous day" }).click();
    await page.waitForURL("**/papers/date/2026-06-26");

    const firstTitle = page.locator("article.paper-card h2 a").first();
    const title = (await firstTitle.textContent()) ?? "";
    expect(title.length).toBeGreaterThan(10);
    await firstTitle.click();
    await page.waitForURL(/\/papers\/\d{4}\.\d{5}$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(title);
    await expect(page.locator(".paper-abstract").first().isVisible()).resolves.toBe(true);
    const pdf = page.getByRole("link", { name: "PDF" });
    expect(await pdf.getAttribute("href")).toMatch(/^https:\/\/arxiv\.org\/pdf\/\d{4}\.\d{5}$/);
    // The stylesheet loaded: titles on the paper page are larger than body text.
    const size = await page.locator("h1").evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(20);
    await page.close();
  });

  it("shows a readable page for an unknown paper", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.baseUrl}/papers/2101.00001`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Nothing here");
    await page.close();
  });
});
