import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { startSession } from "../../src/community/sessions.js";
import { loadListingFixture } from "../helpers/api.js";
import { launchChromium } from "../helpers/browser.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";
// Two papers of the listing fixture (as a reference manager writes them) around an entry that is not BibTeX.
const BIBTEX = `@article{first, title = {Multiscale Exit-Join Dynamics}, eprint = {2606.26139}, archivePrefix = {arXiv}}

@article{broken, title = {Never closed,
@misc{second, url = {https://arxiv.org/abs/2606.26564v1}}
`;

describe("a reader's library in Chromium", () => {
  let instance: TestInstance;
  let server: { app: FastifyInstance; baseUrl: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let firstHandle: string;

  beforeAll(async () => {
    instance = await createTestInstance();
    await loadListingFixture(instance.services);
    server = await listen(instance.services);
    browser = await launchChromium();
    const { account } = await addUser(instance.services, "ada@example.org", undefined);
    firstHandle = account.handle;
    const session = await startSession(instance.services, account.id);
    context = await browser.newContext({ acceptDownloads: true });
    await context.addCookies([{ name: "paperboy_session", value: session.token, url: server.baseUrl }]);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.app.close();
    await instance?.dispose();
  });

  const card = (index: number) => page.locator("article.paper-card").nth(index);

  it("saves from a list with a key and a click without a reload, writes a note, reorders, shares and follows", async () => {
    await page.goto(`${server.baseUrl}${DAY}`);
    const marker = await page.evaluate(() => {
      (window as unknown as { kept: boolean }).kept = true;
      return true;
    });
    expect(marker).toBe(true);
    // The first paper with the keyboard (j selects it, s saves it), the next two with a click.
    await page.keyboard.press("j");
    await page.keyboard.press("s");
    for (const index of [0, 1, 2]) {
      if (index > 0) await card(index).locator("button.save").click();
      await expect.poll(() => card(index).locator("button.save").getAttribute("aria-pressed")).toBe("true");
    }
    // Saved in place: the page was not loaded again.
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    const ids = await Promise.all([0, 1, 2].map((i) => card(i).getAttribute("data-paper")));

    await page.goto(`${server.baseUrl}/collections`);
    await page.getByRole("link", { name: "Saved" }).click();
    await page.waitForURL(/\/collections\/\d+-saved$/);
    const path = new URL(page.url()).pathname;
    await page.locator("textarea[name=note]").first().fill("Read section 3 first.");
    await page.getByRole("button", { name: "Save note" }).first().click();
    await expect.poll(() => page.locator(".form-status").first().textContent()).toBe("Note saved.");
    await page.locator("ol.collection-papers > li").nth(2).locator("button", { hasText: "Up" }).click();
    await page.waitForURL(/#paper-/);
    const listedIds = (target: Page) =>
      target
        .locator("article.paper-card")
        .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-paper")));
    const order = await listedIds(page);
    expect(order).toEqual([ids[0], ids[2], ids[1]]);

    await page.getByLabel(/Public: anyone/).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(`**${path}`);

    const anonymous = await browser.newPage();
    await anonymous.goto(`${server.baseUrl}${path}`);
    expect(await listedIds(anonymous)).toEqual(order);
    expect(await anonymous.content()).not.toContain("Read section 3 first.");
    const feed = await anonymous
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .getAttribute("href");
    const rss = await (await anonymous.request.get(`${server.baseUrl}${feed}`)).text();
    for (const id of order) expect(rss).toContain(`/papers/${id}</link>`);
    await anonymous.close();

    const download = page.waitForEvent("download");
    await page.locator(".cite-export summary").click();
    await page.getByRole("link", { name: "RIS" }).click();
    const file = await (await download).path();
    const items = new Cite(readFileSync(file, "utf8")).data as { URL?: string }[];
    expect(items.map((item) => item.URL)).toEqual(order.map((id) => `https://arxiv.org/abs/${id}`));
  });

  it("imports a BibTeX file into a new collection, reporting its bad entry by line and keeping the rest", async () => {
    await page.goto(`${server.baseUrl}/collections`);
    await page.getByLabel("Name").fill("From my library");
    await page.getByRole("button", { name: "Create collection" }).click();
    await page.waitForURL(/\/collections\/\d+-from-my-library$/);
    const path = new URL(page.url()).pathname;
    await page.getByLabel(/A file/).setInputFiles({
      name: "library.bib",
      mimeType: "application/x-bibtex",
      buffer: Buffer.from(BIBTEX),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await expect
      .poll(() => page.locator(".import-report [role=status]").textContent())
      .toBe("Added 2 papers.");
    expect(await page.locator(".import-problems li").allTextContents()).toEqual([
      expect.stringMatching(
        /^Line 3: entry "broken" is not valid BibTeX: check that its braces and quotes close$/,
      ),
    ]);
    await page.getByRole("link", { name: "Back to From my library" }).click();
    await page.waitForURL(`**${path}`);
    const listed = await page
      .locator("article.paper-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-paper")));
    expect(listed).toEqual(["2606.26139", "2606.26564"]);
  });

  it("hides read papers, downloads the account's data and deletes the account", async () => {
    await page.goto(`${server.baseUrl}${DAY}`);
    const first = await card(0).getAttribute("data-paper");
    await card(0).locator("h2 a").click();
    await page.waitForURL(`**/papers/${first}`);
    await page.goto(`${server.baseUrl}${DAY}`);
    await page.getByRole("link", { name: "Hide read papers" }).click();
    await page.waitForURL(/hide=read/);
    expect(await page.locator(`article[data-paper="${first}"]`).count()).toBe(0);
    expect(await page.locator(".hide-read").textContent()).toContain("1 read paper hidden");

    await page.goto(`${server.baseUrl}/settings`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download everything this account holds" }).click();
    const data = JSON.parse(readFileSync(await (await download).path(), "utf8"));
    expect(data.collections[0].papers[0].note).toBe("Read section 3 first.");
    expect(data.signals.read.map((r: { paperId: string }) => r.paperId)).toContain(first);

    // A chosen handle, and the neutral one sign-up gave still leading to the member page.
    await page.getByLabel("Handle", { exact: true }).fill("Ada-Lovelace");
    await page.getByRole("button", { name: "Change handle" }).click();
    await page.waitForURL("**/settings");
    await page.goto(`${server.baseUrl}/members/${firstHandle}`);
    expect(new URL(page.url()).pathname).toBe("/members/ada-lovelace");
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByLabel(/Type your handle/).fill("ada-lovelace");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL("**/papers");
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBe(1);
  });
});
