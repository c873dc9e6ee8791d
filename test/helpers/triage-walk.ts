import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import type { Clock } from "../../src/core/clock.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import type { Backend } from "./backends.js";
import { launchChromium } from "./browser.js";
import { fixture } from "./fixtures.js";
import { linkIn } from "./form-client.js";
import { listen } from "./server.js";
import { createTestInstance, type TestInstance } from "./services.js";
import { type SmtpCapture, startSmtpCapture } from "./smtp.js";

/**
 * What a Chromium walk through the reader's daily loop needs: an instance holding the new papers of
 * listing-small.jsonl (60 papers announced on 30 June 2026, none featured), served over HTTP, a local SMTP server
 * that receives its mail, and a browser. Other walks (For you, digests) reuse it and the helpers below.
 */
export interface TriageStage {
  readonly smtp: SmtpCapture;
  readonly instance: TestInstance;
  readonly baseUrl: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The fixture's arXiv day. */
export const TRIAGE_DAY = "2026-06-30";

export async function startTriageStage(backend: Backend, clock: Clock): Promise<TriageStage> {
  const smtp = await startSmtpCapture();
  const instance = await createTestInstance({ backend, clock, env: { SMTP_URL: smtp.url } });
  await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
  const server: { app: FastifyInstance; baseUrl: string } = await listen(instance.services);
  const browser = await launchChromium();
  return {
    smtp,
    instance,
    baseUrl: server.baseUrl,
    browser,
    async close() {
      await browser.close();
      await server.app.close();
      await instance.dispose();
      await smtp.close();
    },
  };
}

/** Signs `email` in through the mailed link (the `received`-th mail the stage's SMTP server gets), landing on `next`. */
export async function signIn(stage: TriageStage, page: Page, email: string, next: string, received = 1) {
  await page.goto(`${stage.baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  const mails = await stage.smtp.waitFor(received);
  await page.goto(linkIn(mails[received - 1]?.text).replace(/^https?:\/\/[^/]+/, stage.baseUrl));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**${next}`);
}

/** The papers of the triage view, in the order shown. */
export const rowIds = (page: Page) =>
  page.locator("article.triage-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-paper")));

/** The selected paper (keys.js marks it), or null. */
export const currentId = (page: Page) =>
  page.evaluate(() => document.querySelector("[data-paper].is-current")?.getAttribute("data-paper") ?? null);

/** The paper holding the keyboard focus, or null. */
export const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("[data-paper]")?.getAttribute("data-paper") ?? null);
