import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { linkIn } from "../helpers/form-client.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { screenPath } from "../helpers/screens.js";
import { eventually, type ServeProcess, serve, stop } from "../helpers/serve-process.js";

const SEMANTIC_READY =
  /semantic search: ready \(embedded \d+ papers in [\d.]+ s; [\d.]+ s after the process started\)/;

/**
 * A newcomer's first minutes: `paperboy serve` on an empty database with no configuration at all (no SMTP_URL),
 * as `npm start` runs it, then Chromium on the demo it loads. Only arXiv's export API is a local stand-in (it
 * fails), so that a submission's failure can be seen without the network.
 */
describe("a newcomer on a fresh instance, in Chromium", () => {
  let directory: string;
  let arxiv: ReplayServer;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-newcomer-"));
    arxiv = await startReplayServer(() => ({ status: 400, body: "Bad request" }));
    server = await serve(
      {
        DATABASE_URL: `sqlite:${join(directory, "paperboy.db")}`,
        LOG_LEVEL: "info",
        ARXIV_API_URL: `${arxiv.url}/api/query`,
        ARXIV_REQUEST_INTERVAL_MS: "0",
      },
      ["--no-jobs"],
    );
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stop(server);
    await arxiv?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("says at start-up where mail goes and how long it took, in human lines", () => {
    expect(server.log()).toContain("empty database: loaded the demo corpus");
    expect(server.log()).toMatch(/mail: no SMTP_URL, so nothing is sent: .*outbox/);
    expect(server.log()).toMatch(/serving on \S+ \(ready in [\d.]+ s\)/);
  });

  it("answers keyword search at once, and semantic search once it is built, saying so until then", async () => {
    await page.goto(`${server.baseUrl}/search?q=graph+neural+networks`);
    // The build clears its flag before it logs: no "ready" line yet means the page was rendered while building.
    if (!SEMANTIC_READY.test(server.log())) {
      await expect(page.locator("main").textContent()).resolves.toContain(
        "Semantic search is still being built",
      );
    }
    expect(await page.locator("[data-paper]").count()).toBeGreaterThan(0);
    await eventually(
      async () => SEMANTIC_READY.test(server.log()) || "not yet",
      180,
      "semantic search ready",
    );
    await page.goto(`${server.baseUrl}/search?q=graph+neural+networks&mode=semantic`);
    await expect(page.locator("main").textContent()).resolves.not.toContain("still being built");
    expect(await page.locator("[data-paper]").count()).toBeGreaterThan(0);
  }, 240_000);

  it("shows a first page with papers, and reaches the week from the day through its tab", async () => {
    await page.goto(`${server.baseUrl}/papers`);
    expect(await page.locator("[data-paper]").count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Weekly" }).click();
    await page.waitForURL(/\/papers\/week\/\d{4}-W\d{2}$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Papers of the week");
    expect(await page.locator("[data-paper]").count()).toBeGreaterThan(0);
  });

  it("says no paper contains zzqqxx, and lists nothing in its place", async () => {
    await page.goto(`${server.baseUrl}/search?q=zzqqxx`);
    await expect(page.locator(".result-count").textContent()).resolves.toBe("No paper contains zzqqxx");
    expect(await page.locator("[data-paper]").count()).toBe(0);
    await page.screenshot({ path: screenPath("newcomer-zzqqxx-390-light"), fullPage: true });
  });

  it("signs in through the outbox with no mail server", async () => {
    await page.goto(`${server.baseUrl}/login`);
    await expect(page.locator(".mail-outbox").textContent()).resolves.toContain("outbox");
    await page.getByLabel("Email address").fill("newcomer@example.org");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Check your email");
    const outbox = join(directory, "outbox");
    let files: string[] = [];
    for (let i = 0; i < 50 && files.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      files = readdirSync(outbox, { withFileTypes: true }).flatMap((f) => (f.isFile() ? [f.name] : []));
    }
    const mail = await simpleParser(readFileSync(join(outbox, files[0] ?? "")));
    expect(mail.subject).toBe("Your sign-in link for Paperboy");
    await page.goto(linkIn(mail.text).replace(/^http:\/\/[^/]+/, server.baseUrl));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".site-nav").textContent()).resolves.toContain("Sign out");
  });

  it("keeps what a failing submission typed, with arXiv's failure said on the form", async () => {
    await page.goto(`${server.baseUrl}/papers/submit`);
    await page.getByLabel("arXiv id or URL").fill("2606.99998");
    await page.getByRole("button", { name: "Submit" }).click();
    await page.locator('[role="alert"]').waitFor();
    await expect(page.locator('[role="alert"]').textContent()).resolves.toContain("arXiv");
    await expect(page.getByLabel("arXiv id or URL").inputValue()).resolves.toBe("2606.99998");
  });

  it("moves through search results with j and upvotes the current one with u", async () => {
    await page.goto(`${server.baseUrl}/search?q=transformer&mode=keyword`);
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const second = page.locator("[data-paper]").nth(1);
    await expect(second.evaluate((el) => el.classList.contains("is-current"))).resolves.toBe(true);
    const id = await second.getAttribute("data-paper");
    await page.keyboard.press("u");
    await page
      .locator(`[data-paper="${id}"] button.upvote[aria-pressed="true"]`)
      .waitFor({ timeout: 10_000 });
  });

  it("shows a paper with its code, Cite box and arXiv dates", async () => {
    await page.goto(`${server.baseUrl}/papers/2606.16747`);
    await expect(page.locator(".paper-actions a", { hasText: "Code" }).getAttribute("href")).resolves.toBe(
      "https://github.com/gtsopus/STAR-NT",
    );
    await expect(page.locator("#cite pre").first().textContent()).resolves.toContain("@misc{");
    await expect(page.locator(".arxiv-dates").textContent()).resolves.toContain(
      "Submitted to arXiv in June 2026",
    );
    await page.screenshot({ path: screenPath("newcomer-paper-390-light"), fullPage: true });
  });

  it("shows trending with entries on the demo's old days", async () => {
    const response = await page.goto(`${server.baseUrl}/papers/trending`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toContain("Trending");
    expect(await page.locator("[data-paper]").count()).toBeGreaterThan(0);
  });
});
