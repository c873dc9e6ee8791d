import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { BACKENDS } from "../helpers/backends.js";
import { launchChromium } from "../helpers/browser.js";
import { fixture } from "../helpers/fixtures.js";
import { linkIn } from "../helpers/form-client.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";

const CLASSIC = readFileSync(fixture("arxiv-export-api/idlist_1601.00001_2020-09-04.xml"));
const TITLE = "Inelastic effects in molecular transport junctions: The probe technique at high bias";

describe.each(BACKENDS)("a community member in Chromium (%s)", (backend) => {
  let smtp: SmtpCapture;
  let arxiv: ReplayServer;
  let instance: TestInstance;
  let server: { app: FastifyInstance; baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    arxiv = await startReplayServer(() => ({
      headers: { "content-type": "application/atom+xml" },
      body: CLASSIC,
    }));
    // 10:00 in New York on 5 January 2016: the recorded paper (published 26 December 2015) is 10 days old.
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2016-01-05T15:00:00Z"),
      env: { SMTP_URL: smtp.url, ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
    server = await listen(instance.services);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await instance?.dispose();
    await arxiv?.close();
    await smtp?.close();
  });

  it("signs in by emailed link, submits, upvotes and comments, then finds the paper on the day and on trending", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.baseUrl}/papers/submit`);
    await page.waitForURL("**/login?next=%2Fpapers%2Fsubmit");
    await page.getByLabel("Email address").fill("ada@example.org");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Check your email");

    const [mail] = await smtp.waitFor(1);
    const link = linkIn(mail?.text);
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/papers/submit");

    await page.getByLabel("arXiv id or URL").fill("https://arxiv.org/abs/1601.00001v1");
    await page.getByRole("button", { name: "Submit" }).click();
    await page.waitForURL("**/papers/1601.00001");
    await expect(page.locator("h1").textContent()).resolves.toBe(TITLE);

    // keys.js posts the upvote without a reload; the rank shows on the next visit.
    await page.locator("button.upvote").click();
    await expect.poll(() => page.locator("button.upvote").getAttribute("aria-pressed")).toBe("true");
    await expect(page.locator(".upvote-count").textContent()).resolves.toBe("1 upvote");
    await page.reload();
    await expect(page.locator(".rank").textContent()).resolves.toBe("#1 Paper of the day");

    const hostile = 'Lovely **probe** idea. <script>alert("xss")</script> <img src=x onerror="alert(1)">';
    await page.getByLabel("Add a comment").fill(hostile);
    await page.getByRole("button", { name: "Post" }).click();
    await page.waitForURL(/#comment-\d+$/);
    const body = page.locator(".comment-body").first();
    await expect(body.locator("strong").textContent()).resolves.toBe("probe");
    await expect(body.textContent()).resolves.toContain('<script>alert("xss")</script>');
    expect(await page.locator(".comment-body script, .comment-body img").count()).toBe(0);

    await page.goto(`${server.baseUrl}/papers/date/2016-01-05`);
    const card = page.locator("li", { has: page.locator(`a[href="/papers/1601.00001"]`) });
    await expect(card.locator(".upvote-count").textContent()).resolves.toBe("1 upvote");
    await expect(card.locator(".comment-count").textContent()).resolves.toBe("1 comment");

    await page.getByRole("link", { name: "Trending", exact: true }).click();
    await page.waitForURL("**/papers/trending");
    await expect(page.locator("article.paper-card h2 a").first().textContent()).resolves.toBe(TITLE);
    await page.locator(".why summary").first().click();
    await expect(page.locator(".why p").first().textContent()).resolves.toContain(
      "1 upvote + 1 comment × 0.5 = 1.5 points",
    );
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
