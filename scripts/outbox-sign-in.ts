import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type ParsedMail, simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { linkIn } from "../test/helpers/form-client.js";

/** The newest message of a mail outbox folder (one .eml per message), or undefined when it holds none. */
function newestMail(outbox: string): string | undefined {
  return (existsSync(outbox) ? readdirSync(outbox) : [])
    .filter((name) => name.endsWith(".eml"))
    .map((name) => join(outbox, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/**
 * Signs in as a newcomer would: the form, then the link in the newest mail of the outbox. Answers that mail,
 * for whoever wants to look at it.
 */
export async function signInThroughOutbox(page: Page, base: string, outbox: string): Promise<ParsedMail> {
  const before = newestMail(outbox);
  await page.goto(`${base}/login`);
  await page.getByLabel("Email address").fill("screenshots@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  for (let i = 0; i < 50 && newestMail(outbox) === before; i += 1) await page.waitForTimeout(100);
  const mail = await simpleParser(readFileSync(newestMail(outbox) ?? ""));
  await page.goto(linkIn(mail.text).replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole("button", { name: "Sign in" }).click();
  return mail;
}
