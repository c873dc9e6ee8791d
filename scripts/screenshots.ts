/**
 * Screenshots of every kind of page of a running Paperboy, at 390 and 1280 px in the light and dark themes, to
 * look at before and after a change to the pages:
 *
 *   npx tsx scripts/screenshots.ts http://127.0.0.1:3000 /tmp/shots [--outbox data/outbox]
 *
 * With --outbox (a development instance with no SMTP_URL), it also signs in through the mail outbox and shoots
 * the signed-in pages. Files are named KIND-WIDTH-THEME.png; the pages' tops only (2,400 px at most).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/helpers/browser.js";
import { signInThroughOutbox } from "./outbox-sign-in.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { outbox: { type: "string" } },
});
const [base, out] = positionals;
if (!base || !out) throw new Error("usage: screenshots.ts BASE_URL OUT_DIR [--outbox DIR]");

const WIDTHS = [390, 1280];
const THEMES = ["light", "dark"] as const;

/**
 * The kinds of page, found from the instance's own links so that the script works on any corpus, and on older
 * builds: a kind the instance links nowhere (the week page before the period tabs) is left out.
 */
async function pageKinds(page: Page): Promise<Record<string, string>> {
  await page.goto(`${base}/papers`);
  const href = async (selector: string) => {
    const link = page.locator(selector).first();
    return (await link.count()) > 0 ? link.getAttribute("href") : null;
  };
  const day = await href('.period-tabs a[aria-current="page"]');
  const kinds: Record<string, string | null> = {
    day: day ?? "/papers",
    week: await href('.period-tabs a:text-is("Weekly")'),
    month: await href('.period-tabs a:text-is("Monthly")'),
    "new-papers": day?.replace("/papers/date/", "/papers/new/") ?? null,
    paper: await href("[data-paper-link]"),
    trending: "/papers/trending",
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
  return Object.fromEntries(
    Object.entries(kinds).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

const SIGNED_IN: Record<string, string> = {
  submit: "/papers/submit",
  settings: "/settings",
  "for-you": "/papers/for-you",
  collections: "/collections",
};

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
    await signInThroughOutbox(page, base, values.outbox);
    await shoot(page, SIGNED_IN);
  }
} finally {
  await browser.close();
}
