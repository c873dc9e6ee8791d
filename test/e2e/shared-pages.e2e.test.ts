import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { setNotInterested } from "../../src/community/not-interested.js";
import { setSaved } from "../../src/community/saves.js";
import { startSession } from "../../src/community/sessions.js";
import { setUpvote } from "../../src/community/upvotes.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { launchChromium } from "../helpers/browser.js";
import { listen } from "../helpers/server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

// Signed-in readers get the day page from one rendering shared by all of them, their own marks put in
// (src/web/overlay/): in a browser with scripts and in one without, each sees theirs and no one else's.
describe.each(BACKENDS)("a list page shared by signed-in readers, in Chromium (%s)", (backend) => {
  let instance: TestInstance;
  let server: { app: FastifyInstance; baseUrl: string };
  let browser: Browser;
  let papers: string[];

  /** A browser of a new reader, signed in through a real session cookie; with or without JavaScript. */
  const reader = async (email: string, javaScriptEnabled: boolean) => {
    const { account } = await addUser(instance.services, email, "member");
    const context = await browser.newContext({ javaScriptEnabled });
    const { token } = await startSession(instance.services, account.id);
    await context.addCookies([{ name: "paperboy_session", value: token, url: server.baseUrl }]);
    return { account, context };
  };
  const pressed = (context: BrowserContext, paper: string, button: string) =>
    context.pages()[0]?.locator(`[data-paper="${paper}"] button.${button}`).getAttribute("aria-pressed");

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    server = await listen(instance.services);
    browser = await launchChromium();
    const day = await (await fetch(`${server.baseUrl}${DAY}`)).text();
    papers = [...day.matchAll(/data-paper="([^"]+)"/g)].map((match) => match[1] ?? "").slice(0, 6);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await instance?.dispose();
  });

  it("shows each reader their marks and menu, with and without scripts, and takes their votes and saves", async () => {
    const [upvoted = "", hidden = "", saved = "", other = ""] = papers;
    const ada = await reader("ada@example.org", false);
    const bob = await reader("bob@example.org", true);
    await setUpvote(instance.services, ada.account, upvoted, true);
    await setNotInterested(instance.services, ada.account, hidden, true);
    await setSaved(instance.services, bob.account, saved, true);

    const adaPage = await ada.context.newPage();
    const bobPage = await bob.context.newPage();
    await adaPage.goto(`${server.baseUrl}${DAY}`);
    await bobPage.goto(`${server.baseUrl}${DAY}`);
    await expect(pressed(ada.context, upvoted, "upvote")).resolves.toBe("true");
    await expect(adaPage.locator(`[data-paper="${hidden}"]`).count()).resolves.toBe(0);
    await expect(pressed(ada.context, saved, "save")).resolves.toBe("false");
    await expect(adaPage.locator(".site-nav").textContent()).resolves.toContain(ada.account.handle);
    await expect(pressed(bob.context, upvoted, "upvote")).resolves.toBe("false");
    await expect(bobPage.locator(`[data-paper="${hidden}"]`).count()).resolves.toBe(1);
    await expect(bobPage.locator(`[data-paper="${saved}"] button.save`).textContent()).resolves.toBe("Saved");
    await expect(bobPage.locator(".site-nav").textContent()).resolves.not.toContain(ada.account.handle);

    // Without scripts the upvote is a plain form that comes back to the page, now showing the vote.
    await adaPage.locator(`[data-paper="${other}"] button.upvote`).click();
    await adaPage.waitForURL(`**${DAY}#paper-${other}`);
    await expect(pressed(ada.context, other, "upvote")).resolves.toBe("true");
    await expect(pressed(ada.context, upvoted, "upvote")).resolves.toBe("true");
    // With scripts the save happens in place; the next page the reader loads shows it, and only to them.
    await bobPage.locator(`[data-paper="${saved}"] button.save`).click();
    await bobPage.waitForFunction(
      (id) => document.querySelector(`[data-paper="${id}"] button.save`)?.textContent === "Save",
      saved,
    );
    await bobPage.reload();
    await expect(pressed(bob.context, saved, "save")).resolves.toBe("false");
    await expect(pressed(bob.context, other, "upvote")).resolves.toBe("false");
    await adaPage.reload();
    await expect(pressed(ada.context, other, "upvote")).resolves.toBe("true");
    await ada.context.close();
    await bob.context.close();
  });
});
