import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { linkIn } from "../helpers/form-client.js";
import { screenPath } from "../helpers/screens.js";
import { type ServeProcess, serve, stop } from "../helpers/serve-process.js";

/**
 * A newcomer's first minutes: `paperboy serve` on an empty database with no configuration at all (no SMTP_URL),
 * as `npm start` runs it, then Chromium on the demo it loads.
 */
describe("a newcomer on a fresh instance, in Chromium", () => {
  let directory: string;
  let server: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-newcomer-"));
    server = await serve({ DATABASE_URL: `sqlite:${join(directory, "paperboy.db")}`, LOG_LEVEL: "info" }, [
      "--no-jobs",
    ]);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stop(server);
    rmSync(directory, { recursive: true, force: true });
  });

  it("says at start-up where mail goes and how long it took, in human lines", () => {
    expect(server.log()).toContain("empty database: loaded the demo corpus");
    expect(server.log()).toMatch(/mail: no SMTP_URL, so nothing is sent: .*outbox/);
    expect(server.log()).toMatch(/serving on \S+ \(ready in [\d.]+ s\)/);
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
});
