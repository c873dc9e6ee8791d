import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postComment } from "../../src/community/comments.js";
import { startSession } from "../../src/community/sessions.js";
import { requestSignIn } from "../../src/community/sign-in.js";
import { fixedClock } from "../../src/core/clock.js";
import { dayPeriod } from "../../src/core/periods.js";
import { sendDigests } from "../../src/digests/send.js";
import { requestSubscription } from "../../src/digests/subscribe.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import { seriousViolations } from "../helpers/axe.js";
import { BACKENDS } from "../helpers/backends.js";
import { launchChromium } from "../helpers/browser.js";
import { offThemeFields } from "../helpers/field-colours.js";
import { fixture } from "../helpers/fixtures.js";
import { screenPath } from "../helpers/screens.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";
import { smallTargets } from "../helpers/tap-targets.js";

const records = readFileSync(fixture("listing-small.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
const lastDay: string = [...new Set(records.map((r) => r.listed_on as string))].sort().at(-1) ?? "";
const MATHS_ID = "2606.90002";

// Every kind of page a reader meets (signedIn: as the author of the paper's comments); kinds whose route is not
// on this build yet answer 404 and are left out.
const KINDS: readonly { kind: string; url: string; status?: number; signedIn?: boolean }[] = [
  { kind: "day", url: `/papers/date/${lastDay}` },
  { kind: "week", url: `/papers/week/${isoWeekOf(lastDay)}` },
  { kind: "month", url: `/papers/month/${lastDay.slice(0, 7)}` },
  { kind: "paper", url: `/papers/${MATHS_ID}` },
  { kind: "paper-signed-in", url: `/papers/${MATHS_ID}`, signedIn: true },
  { kind: "search", url: "/search?q=game" },
  { kind: "search-nothing", url: "/search?q=zzqqxx" },
  { kind: "trending", url: "/papers/trending" },
  { kind: "submit", url: "/papers/submit", signedIn: true },
  { kind: "settings", url: "/settings", signedIn: true },
  { kind: "for-you", url: "/papers/for-you", signedIn: true },
  { kind: "collections", url: "/collections", signedIn: true },
  { kind: "login", url: "/login" },
  { kind: "subscribe", url: "/subscribe" },
  { kind: "about", url: "/about" },
  { kind: "not-found", url: "/papers/2101.00001", status: 404 },
];

/** The ISO week (2026-W27) holding a day. */
function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
const WIDTHS = [390, 1280] as const;
const THEMES = ["light", "dark"] as const;

describe.each(BACKENDS)("what a reader sees, in Chromium (%s)", (backend) => {
  let instance: TestInstance;
  let smtp: SmtpCapture;
  let server: { app: FastifyInstance; baseUrl: string };
  let browser: Browser;
  let kinds: typeof KINDS = [];
  // One page for the whole suite: a new browser context costs seconds on a loaded machine.
  let page: Page;
  // The same, signed in as the comments' author.
  let memberPage: Page;
  let sessionCookie = "";
  let blocked: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    instance = await createTestInstance({
      backend,
      clock: fixedClock(`${lastDay}T16:00:00Z`),
      env: { SMTP_URL: smtp.url },
    });
    const maths = {
      ...records[0],
      id: MATHS_ID,
      listed_on: lastDay,
      title:
        "Sharp bounds for $\\ell_2$ regression with a very_long_identifier_that_must_wrap_somewhere_on_a_phone",
      summary:
        "We show that $x^2 + y^2 = z^2$ has $\\frac{n(n+1)}{2}$ solutions, display $$\\sum_{i=1}^{n} \\alpha_i^2 \\le \\int_0^1 f(t)\\,dt + \\mathcal{O}(\\sqrt{T})$$ and leave $\\nosuchmacro$ alone for $5. Our \\emph{sharp} bound holds for \\textbf{every} $n$ in 2--5 dimensions.",
      comment: "12 pages, $O(n)$ space. Code: https://github.com/example/sharp-bounds",
    };
    const file = join(instance.directory, "papers.jsonl");
    writeFileSync(file, [maths, ...records].map((r) => JSON.stringify(r)).join("\n"));
    await importFiles(instance.services.database, [file], { format: "listing" });
    await featureEveryNewPaper(instance.services);
    // One upvote, so trending has a paper to show.
    const db = instance.services.database.kysely;
    const reader = await db
      .insertInto("users")
      .values({ handle: "reader", email: null, display_name: "R", role: "member", created_at: lastDay })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("upvotes")
      .values({ user_id: reader.id, paper_id: MATHS_ID, created_at: lastDay })
      .execute();
    // Featured by the member, so pages show a submitter's link.
    await db
      .updateTable("listing_entries")
      .set({ submitted_by: reader.id })
      .where("paper_id", "=", MATHS_ID)
      .execute();
    // A short discussion, so the paper page shows comments with a quote, code and a reply.
    const author = {
      id: reader.id,
      handle: "reader",
      email: null,
      displayName: "R",
      role: "member" as const,
    };
    const first = await postComment(instance.services, author, {
      paperId: MATHS_ID,
      body: "> has $\\frac{n(n+1)}{2}$ solutions\n\nDoes this hold for `n = 0`? Try:\n\n```\nbound(0)\n```",
    });
    await postComment(instance.services, author, {
      paperId: MATHS_ID,
      body: "It does, see *Remark 2*.",
      parentId: first,
    });
    sessionCookie = (await startSession(instance.services, reader.id)).token;
    server = await listen(instance.services);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    const memberContext = await browser.newContext();
    await memberContext.addCookies([
      { name: "paperboy_session", value: sessionCookie, url: server.baseUrl, httpOnly: true },
    ]);
    memberPage = await memberContext.newPage();
    for (const p of [page, memberPage]) {
      p.on("console", (message) => {
        if (/Content Security Policy|Refused to/.test(message.text())) blocked.push(message.text());
      });
    }
    // One at a time: sixteen at once on a busy machine are what load shedding answers with 503.
    const present: (typeof KINDS)[number][] = [];
    for (const k of KINDS) {
      const headers: Record<string, string> = k.signedIn
        ? { cookie: `paperboy_session=${sessionCookie}` }
        : {};
      const response = await fetch(server.baseUrl + k.url, { headers });
      // Read the body: an unread one holds the connection open and the server could not close.
      await response.arrayBuffer();
      if (response.status === (k.status ?? 200)) present.push(k);
    }
    kinds = present;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await instance?.dispose();
    await smtp?.close();
  });

  async function open(url: string, width: number, theme: "light" | "dark", signedIn = false) {
    blocked = [];
    const tab = signedIn ? memberPage : page;
    await tab.setViewportSize({ width, height: 900 });
    await tab.emulateMedia({ colorScheme: theme });
    await tab.goto(server.baseUrl + url);
    await tab.evaluate(() => document.fonts.ready);
    return { page: tab, blocked };
  }

  it("covers the day, paper and error pages at least", () => {
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["day", "paper", "not-found"]));
  });

  it("fits every page to 390 px and 1280 px in both themes, with nothing blocked, and keeps screenshots", async () => {
    for (const { kind, url, signedIn } of kinds) {
      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          const { page, blocked } = await open(url, width, theme, signedIn);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${kind} at ${width}px ${theme} scrolls sideways`).toBeLessThanOrEqual(0);
          expect(blocked, `${kind}: the CSP blocked something`).toEqual([]);
          // The top of the page (a long day is tens of thousands of pixels tall at 390 px).
          const height = await page.evaluate(() => Math.min(document.documentElement.scrollHeight, 2400));
          await page.screenshot({
            path: screenPath(`${kind}-${width}-${theme}`),
            fullPage: true,
            clip: { x: 0, y: 0, width, height },
          });
        }
      }
    }
  }, 240_000);

  it("keeps the site navigation to two lines on a 375 px phone, the rest behind a menu that opens without JavaScript", async () => {
    // How many lines the navigation's visible links take (the brand is taller: tops within 10 px share a line).
    const navLines = (tab: Page) =>
      tab.evaluate(() => {
        const tops = Array.from(document.querySelectorAll(".site-nav a, .site-nav button, .site-nav summary"))
          .filter((el) => el.checkVisibility())
          .map((el) => el.getBoundingClientRect().top)
          .sort((a, b) => a - b);
        return tops.filter((top, i) => i === 0 || top > (tops[i - 1] ?? 0) + 10).length;
      });
    const day = `/papers/date/${lastDay}`;
    await open(day, 375, "light");
    expect(await navLines(page)).toBeLessThanOrEqual(2);
    await expect(page.getByRole("link", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    try {
      await context.addCookies([
        { name: "paperboy_session", value: sessionCookie, url: server.baseUrl, httpOnly: true },
      ]);
      const phone = await context.newPage();
      await phone.goto(server.baseUrl + day);
      expect(await navLines(phone)).toBeLessThanOrEqual(2);
      const menu = phone.locator(".site-nav details");
      await menu.locator("summary").click();
      for (const name of ["Submit", "Subscribe", "Collections", "reader"])
        await expect(menu.getByRole("link", { name, exact: true }).isVisible(), name).resolves.toBe(true);
      await expect(menu.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
      await phone.screenshot({ path: screenPath("menu-375-light") });
    } finally {
      await context.close();
    }
    // Wide screens keep every link in the line and no menu.
    const { page: wide } = await open(day, 1280, "light", true);
    await expect(wide.locator(".site-nav summary").isVisible()).resolves.toBe(false);
    await expect(wide.getByRole("link", { name: "Collections" }).isVisible()).resolves.toBe(true);
  });

  it("has no serious or critical accessibility violations on any kind of page, in either theme", async () => {
    for (const { kind, url, signedIn } of kinds) {
      for (const theme of THEMES) {
        const { page } = await open(url, 1280, theme, signedIn);
        expect(await seriousViolations(page), `${kind} (${theme})`).toEqual([]);
        const h1 = await page.locator("h1").count();
        expect(h1, `${kind} has one h1`).toBe(1);
        expect(await page.locator("main").count()).toBe(1);
      }
    }
  }, 240_000);

  it("gives every control standing on its own a tap target of at least 24 px on a phone", async () => {
    for (const { kind, url, signedIn } of kinds) {
      const { page } = await open(url, 390, "light", signedIn);
      expect(await smallTargets(page), kind).toEqual([]);
    }
  }, 240_000);

  it("gives every form field the theme's colours and a readable placeholder, in both themes", async () => {
    for (const { kind, url, signedIn } of kinds) {
      for (const theme of THEMES) {
        const { page } = await open(url, 1280, theme, signedIn);
        expect(await offThemeFields(page), `${kind} (${theme})`).toEqual([]);
      }
    }
  }, 240_000);

  it("renders mathematics with KaTeX's fonts and metrics, and shows invalid TeX as written", async () => {
    await open(`/papers/${MATHS_ID}`, 390, "light");
    expect(await page.locator(".paper-abstract .katex").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(".katex-display").count()).toBe(1);
    const font = await page
      .locator(".katex .mathnormal")
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain("KaTeX_Math");
    // The fraction bar's thickness comes from a generated style class: proof that math.css loaded under the CSP.
    const bar = await page
      .locator(".frac-line")
      .first()
      .evaluate((el) => getComputedStyle(el).borderBottomWidth);
    expect(Number.parseFloat(bar)).toBeGreaterThan(0);
    await expect(page.locator(".paper-abstract").first().textContent()).resolves.toContain("$\\nosuchmacro$");
    await page.screenshot({ path: screenPath("math-390-light") });
  });

  it("moves between papers with j and k, opens with o, focuses visibly and reaches links with Tab", async () => {
    await open(`/papers/date/${lastDay}`, 1280, "light");
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => document.activeElement?.textContent);
    expect(skip).toBe("Skip to content");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const focused = page.locator("[data-paper]").first().locator("[data-paper-link]");
    await expect(focused.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const outline = await focused.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenPath("day-focus-1280-light") });
    const href = await focused.getAttribute("href");
    await page.keyboard.press("o");
    await page.waitForURL(`**${href}`);
  });

  it("lets / reach the search box, or the search page where no box is shown", async () => {
    await open(`/papers/date/${lastDay}`, 1280, "light");
    const hasBox = (await page.locator('input[type="search"], input[name="q"]').count()) > 0;
    await page.keyboard.press("/");
    if (hasBox) {
      await expect(page.evaluate(() => document.activeElement?.getAttribute("name"))).resolves.toBe("q");
    } else {
      await page.waitForURL("**/search");
    }
  });

  it("shows the sign-in, confirmation and digest mails at 390 px and 1280 px", async () => {
    const { services } = instance;
    const { delivery } = await requestSignIn(services, "ada@example.org", "/papers");
    await delivery;
    await requestSubscription({ ...services, baseUrl: services.config.baseUrl }, "bob@example.org");
    await smtp.waitFor(2);
    const previousDay = [...new Set(records.map((r) => r.listed_on as string))].sort().at(-2) ?? "";
    await services.database.kysely
      .updateTable("subscriptions")
      .set({ confirmed_at: `${previousDay}T00:00:00.000Z` })
      .execute();
    await sendDigests(
      { ...services, baseUrl: services.config.baseUrl },
      { cadence: "daily", period: dayPeriod(previousDay) },
    );
    const mails = await smtp.waitFor(3);
    const names = ["sign-in", "confirmation", "digest"];
    // A blank page of its own: a document written into a Paperboy page would inherit the site's CSP.
    const mailPage = await (await browser.newContext()).newPage();
    for (const [index, mail] of mails.slice(0, 3).entries()) {
      const html =
        mail.html ||
        `<pre style="white-space:pre-wrap;font:14px monospace">${escapeText(mail.text ?? "")}</pre>`;
      for (const width of WIDTHS) {
        await mailPage.setViewportSize({ width, height: 900 });
        await mailPage.setContent(html);
        const overflow = await mailPage.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `the ${names[index]} mail at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await mailPage.screenshot({
          path: screenPath(`mail-${names[index]}-${width}-light`),
          fullPage: true,
        });
      }
    }
  });
});

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
