/**
 * Screenshots of every kind of page of a running Paperboy, at 390 and 1280 px in the light and dark themes, to
 * look at before and after a change to the pages:
 *
 *   npx tsx scripts/screenshots.ts http://127.0.0.1:3000 /tmp/shots [--outbox data/outbox]
 *
 * With --outbox (a development instance with no SMTP_URL), it also signs in through the mail outbox and shoots
 * the signed-in pages. Files are named KIND-WIDTH-THEME.png; the pages' tops only (2,400 px at most).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/helpers/browser.js";
import { linkIn } from "../test/helpers/form-client.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { outbox: { type: "string" } },
});
const [base, out] = positionals;
if (!base || !out) throw new Error("usage: screenshots.ts BASE_URL OUT_DIR [--outbox DIR]");

const WIDTHS = [390, 1280];
const THEMES = ["light", "dark"] as const;

/** The kinds of page, found from the instance's own links so that the script works on any corpus. */
async function pageKinds(page: Page): Promise<Record<string, string>> {
  await page.goto(`${base}/papers`);
  const href = (selector: string) => page.locator(selector).first().getAttribute("href");
  const paper = (await href("[data-paper-link]")) ?? "/papers";
  const day = (await href('.period-tabs a[aria-current="page"]')) ?? "/papers";
  return {
    day,
    week: (await href('.period-tabs a:text-is("Weekly")')) ?? "/papers",
    month: (await href('.period-tabs a:text-is("Monthly")')) ?? "/papers",
    "new-papers": day.replace("/papers/date/", "/papers/new/"),
    trending: "/papers/trending",
    paper,
    search: "/search?q=graph+neural+networks",
    "search-date": "/search?q=graph+neural+networks&sort=date",
    "search-semantic": "/search?q=graph+neural+networks&mode=semantic",
    "search-nothing": "/search?q=zzqqxx",
    "search-empty": "/search",
    login: "/login",
    subscribe: "/subscribe",
    about: "/about",
    "api-docs": "/docs/api",
    "not-found": "/papers/2101.00001",
  };
}

const SIGNED_IN: Record<string, string> = {
  submit: "/papers/submit",
  settings: "/settings",
  "for-you": "/papers/for-you",
  collections: "/collections",
};

/** Signs in as a newcomer would: the form, then the link in the newest mail of the outbox. */
async function signIn(page: Page, outbox: string): Promise<void> {
  const newest = () =>
    (existsSync(outbox) ? readdirSync(outbox) : [])
      .filter((name) => name.endsWith(".eml"))
      .map((name) => join(outbox, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const before = newest();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill("screenshots@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  for (let i = 0; i < 50 && newest() === before; i += 1) await page.waitForTimeout(100);
  const mail = await simpleParser(readFileSync(newest() ?? ""));
  await page.goto(linkIn(mail.text).replace(/^https?:\/\/[^/]+/, base ?? ""));
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function shoot(page: Page, kinds: Record<string, string>): Promise<void> {
  for (const [kind, path] of Object.entries(kinds)) {
    for (const width of WIDTHS) {
      for (const theme of THEMES) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(`${base}${path}`);
        const height = await page.evaluate(() => Math.min(document.documentElement.scrollHeight, 2400));
        const file = join(out ?? "", `${kind}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height } });
        process.stdout.write(`${file}\n`);
      }
    }
  }
}

mkdirSync(out, { recursive: true });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext()).newPage();
  await shoot(page, await pageKinds(page));
  if (values.outbox) {
    await signIn(page, values.outbox);
    await shoot(page, SIGNED_IN);
  }
} finally {
  await browser.close();
}
