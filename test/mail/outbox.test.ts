import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient, linkIn } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const clock = fixedClock("2026-07-01T12:00:00Z");

/** The messages in an instance's outbox, parsed, oldest first. */
async function outbox(instance: TestInstance) {
  const directory = join(instance.directory, "outbox");
  const files = readdirSync(directory).sort();
  return Promise.all(files.map((file) => simpleParser(readFileSync(join(directory, file)))));
}

describe.each(BACKENDS)("mail without a mail server, in development (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("signs in through the link written to the outbox and printed, and says so on the page", async () => {
    const client = new FormClient(app);
    const form = await client.get("/login");
    expect(form.body).toContain("outbox");
    const sent = await client.post("/login", { email: "ada@example.org", next: "/settings" });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("Check your email");
    expect(sent.body).toMatch(/no email leaves this machine/);
    await expect.poll(() => instance.mailConsole.length).toBe(1);
    const [mail] = await outbox(instance);
    expect(mail?.subject).toBe("Your sign-in link for Paperboy");
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("ada@example.org");
    const link = new URL(linkIn(mail?.text));
    expect(instance.mailConsole[0]).toContain(link.toString());
    // An HTML part too: what the link does comes before its button, and the link is written out after it.
    const html = String(mail?.html);
    expect(html.indexOf("It works once")).toBeGreaterThan(0);
    expect(html.indexOf("It works once")).toBeLessThan(html.indexOf(">Sign in to Paperboy</a>"));
    expect(html).toContain(`>${link.toString().replaceAll("&", "&amp;")}</a>`);
    await client.get(link.pathname + link.search);
    const done = await client.post("/login/verify", {
      token: link.searchParams.get("token") ?? "",
      next: "/settings",
    });
    expect(done.headers.location).toBe("/settings");
    expect((await client.get("/settings")).statusCode).toBe(200);
  });

  it("subscribes through the confirmation written to the outbox", async () => {
    const client = new FormClient(app);
    await client.get("/subscribe");
    const sent = await client.post("/subscribe", { email: "bob@example.org" });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toMatch(/no email leaves this machine/);
    const confirmation = (await outbox(instance)).find((m) => m.subject?.startsWith("Confirm"));
    expect(confirmation?.text).toMatch(/\/subscribe\/confirm\?token=/);
    const html = String(confirmation?.html);
    expect(html.indexOf("Nothing is sent until")).toBeGreaterThan(0);
    expect(html.indexOf("Nothing is sent until")).toBeLessThan(html.indexOf(">Confirm the subscription</a>"));
  });
});

describe("mail without a mail server, in production", () => {
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    instance = await createTestInstance({ clock, env: { NODE_ENV: "production" } });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("offers no sign-in or subscription, says why, and refuses the forms", async () => {
    const client = new FormClient(app);
    const login = await client.get("/login");
    expect(login.body).toContain("has not set SMTP_URL");
    expect(login.body).not.toContain('name="email"');
    expect(login.body).not.toMatch(/>Sign in<\/a>|>Subscribe<\/a>/);
    const subscribe = await client.get("/subscribe");
    expect(subscribe.body).not.toContain('name="email"');
    // An account made by `paperboy user add` still has its session, and a page with a form to take a token from.
    const { client: member } = await signedInClient(app, instance.services, "ada@example.org");
    await member.get("/settings");
    const refused = await member.post("/login", { email: "ada@example.org" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("has not set SMTP_URL");
    await member.get("/settings");
    const subscribed = await member.post("/subscribe", { email: "ada@example.org" });
    expect(subscribed.statusCode).toBe(403);
    expect(subscribed.body).toContain("has not set SMTP_URL");
    expect(instance.mailConsole).toEqual([]);
  });
});
