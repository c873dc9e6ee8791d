/**
 * One screenshot per finding of the first-minute issue (#16), taken the same way on any build, so that a build
 * from before the work and one from after can be set side by side (docs/first-minute.md):
 *
 *   npx tsx scripts/first-minute-shots.ts http://127.0.0.1:3000 /tmp/shots [--outbox data/outbox] [--log serve.log]
 *     [--paper 2606.20083] [--tex-query hierbias]
 *
 * Without --outbox it takes the public findings (1, 2, 4, 5, 6); with it, it signs in through the outbox and
 * takes the member's (3, 7, 9); --log shows a serve log's first lines as the start-up finding (8). JPEG files
 * named N-WHAT-WIDTH-THEME.jpg, each what a 900 px tall window shows. --paper picks the paper page (the first
 * paper of the newest day otherwise); --tex-query a search whose results hold TeX text commands (the demo's
 * HierBias paper writes `\textbf{HierBias}` in its abstract).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/helpers/browser.js";
import { signInThroughOutbox } from "./outbox-sign-in.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    outbox: { type: "string" },
    log: { type: "string" },
    paper: { type: "string" },
    "tex-query": { type: "string", default: "hierbias" },
  },
});
const [base = "", out = ""] = positionals;
if (!base || !out)
  throw new Error("usage: first-minute-shots.ts BASE_URL OUT_DIR [--outbox DIR] [--log FILE]");

type Theme = "light" | "dark";

async function shot(page: Page, name: string, width: number, theme: Theme, path?: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: theme });
  if (path) await page.goto(`${base}${path}`);
  const file = join(out, `${name}-${width}-${theme}.jpg`);
  await page.screenshot({ path: file, type: "jpeg", quality: 70 });
  process.stdout.write(`${file}\n`);
}

/** The paper asked for, or the first of the newest day, found from the instance's own links. */
async function somePaper(page: Page): Promise<string> {
  if (values.paper) return `/papers/${values.paper}`;
  await page.goto(`${base}/papers`);
  return (await page.locator("[data-paper-link]").first().getAttribute("href")) ?? "/papers";
}

async function publicFindings(page: Page): Promise<void> {
  await shot(page, "1-trending", 1280, "light", "/papers/trending");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill("newcomer@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForLoadState();
  await shot(page, "2-sign-in-sent", 390, "light");
  await shot(page, "4-search-nothing", 1280, "light", "/search?q=zzqqxx");
  await shot(page, "5-paper", 1280, "light", await somePaper(page));
  await shot(
    page,
    "5-search-tex",
    1280,
    "light",
    `/search?q=${encodeURIComponent(values["tex-query"] ?? "")}`,
  );
  await shot(page, "6-day", 1280, "light", "/papers");
}

async function memberFindings(page: Page, outbox: string): Promise<void> {
  const mail = await signInThroughOutbox(page, base, outbox);
  const paper = await somePaper(page);
  await page.goto(`${base}/papers/submit`);
  await page.locator('input[name="paper"]').fill(paper.replace("/papers/", ""));
  await page.locator('form:has(input[name="paper"]) button[type="submit"]').click();
  await page.waitForLoadState();
  await shot(page, "3-submit-known", 390, "light");
  await page.goto(`${base}${paper}`);
  const body = "> the main result holds for every n\n\nDoes it hold for `n = 0`? Try:\n\n```\nbound(0)\n```";
  await page.locator('textarea[name="body"]').first().fill(body);
  await page.locator('form:has(textarea[name="body"]) button[type="submit"]').first().click();
  await page.waitForLoadState();
  await page.locator("#comments, .comments").first().scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "dark" });
  const file = join(out, "9-comments-1280-dark.jpg");
  await page.locator("#comments, .comments").first().screenshot({ path: file, type: "jpeg", quality: 70 });
  process.stdout.write(`${file}\n`);
  const html =
    mail.html || `<pre style="white-space:pre-wrap;font:14px monospace">${escaped(mail.text ?? "")}</pre>`;
  await showHtml(page, html);
  await shot(page, "7-sign-in-mail", 390, "light");
}

async function startUp(page: Page, log: string): Promise<void> {
  const lines = readFileSync(log, "utf8").split("\n").slice(0, 30).join("\n");
  await showHtml(
    page,
    `<pre style="white-space:pre-wrap;font:13px monospace;margin:12px">${escaped(lines)}</pre>`,
  );
  await shot(page, "8-start-up", 1280, "light");
}

/** On a blank page: written into a Paperboy page, the document would keep that page's CSP. */
async function showHtml(page: Page, html: string): Promise<void> {
  await page.goto("about:blank");
  await page.setContent(html);
}

function escaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

const browser = await launchChromium();
try {
  const page = await (await browser.newContext()).newPage();
  if (values.outbox) await memberFindings(page, values.outbox);
  else await publicFindings(page);
  if (values.log) await startUp(page, values.log);
} finally {
  await browser.close();
}
