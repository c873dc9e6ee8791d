import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { fixedClock } from "../../src/core/clock.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient, linkIn } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";

const START = Date.parse("2026-07-01T12:00:00Z");
const clock = fixedClock(new Date(START));

async function requestLink(client: FormClient, smtp: SmtpCapture, email: string) {
  await client.get("/login");
  const before = smtp.messages.length;
  const response = await client.post("/login", { email, next: "/settings" });
  expect(response.statusCode).toBe(200);
  const mails = await smtp.waitFor(before + 1);
  return new URL(linkIn(mails[before]?.text));
}

describe.each(BACKENDS)("passwordless sign-in (%s)", (backend) => {
  let smtp: SmtpCapture;
  let instance: TestInstance;
  let app: FastifyInstance;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    instance = await createTestInstance({ backend, clock, env: { SMTP_URL: smtp.url, SIGN_UP: "closed" } });
    await addUser(instance.services, "ada@example.org", "curator");
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
    await smtp.close();
  });
  // Each test starts in a fresh hour, so rate-limit windows (15 minutes) do not carry over between tests.
  let hour = 0;
  beforeEach(() => {
    hour += 1;
    clock.set(new Date(START + hour * 3_600_000));
  });

  it("signs in through the emailed link and sets a HttpOnly, SameSite=Lax session cookie", async () => {
    const client = new FormClient(app);
    const link = await requestLink(client, smtp, "Ada@Example.org");
    expect(smtp.messages.at(-1)?.to).toMatchObject({ text: "ada@example.org" });
    const confirm = await client.get(link.pathname + link.search);
    expect(confirm.body).toContain("Sign in as ada@example.org");
    const done = await client.post("/login/verify", {
      token: link.searchParams.get("token") ?? "",
      next: "/settings",
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/settings");
    const cookie = done.cookies.find((c) => c.name === "paperboy_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const settings = await client.get("/settings");
    expect(settings.body).toContain("curator");
    expect(settings.body).toContain("Sign out");
  });

  it("refuses a replayed sign-in link", async () => {
    const client = new FormClient(app);
    const link = await requestLink(client, smtp, "ada@example.org");
    const token = link.searchParams.get("token") ?? "";
    await client.get(link.pathname + link.search);
    expect((await client.post("/login/verify", { token })).statusCode).toBe(303);
    const other = new FormClient(app);
    await other.get(link.pathname + link.search);
    const replay = await other.post("/login/verify", { token });
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain("already been used");
    expect(replay.cookies.find((c) => c.name === "paperboy_session")).toBeUndefined();
  });

  it("refuses an expired link", async () => {
    const client = new FormClient(app);
    const link = await requestLink(client, smtp, "ada@example.org");
    clock.set(new Date(clock.now().getTime() + 16 * 60_000));
    const response = await client.get(link.pathname + link.search);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("expired");
  });

  it("answers the same for an unknown address and sends it nothing when sign-up is closed", async () => {
    const client = new FormClient(app);
    await client.get("/login");
    const before = smtp.messages.length;
    const known = await client.post("/login", { email: "ada@example.org" });
    const unknown = await client.post("/login", { email: "nobody@example.org" });
    expect(unknown.statusCode).toBe(known.statusCode);
    const strip = (body: string) =>
      body.replace(/(ada|nobody)@example\.org/g, "EMAIL").replace(/value="[^"]+"/g, "");
    expect(strip(unknown.body)).toBe(strip(known.body));
    await smtp.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.slice(before).map((m) => m.to)).toHaveLength(1);
  });

  it("refuses a form without its CSRF token", async () => {
    const client = new FormClient(app);
    await client.get("/login");
    const response = await client.post("/login", { email: "ada@example.org" }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("reload the page");
    const forged = await client.post("/login", { email: "ada@example.org", _csrf: "forged" });
    expect(forged.statusCode).toBe(403);
  });

  it("limits sign-in requests per address with a readable 429 and RateLimit headers", async () => {
    const client = new FormClient(app);
    await client.get("/login");
    const statuses: number[] = [];
    let last = await client.post("/login", { email: "flood@example.org" });
    statuses.push(last.statusCode);
    for (let i = 0; i < 5; i += 1) {
      last = await client.post("/login", { email: "flood@example.org" });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last.headers["retry-after"]).toBeDefined();
    expect(last.headers.ratelimit).toMatch(/^"sign-in";r=0;t=\d+$/);
    expect(last.headers["ratelimit-policy"]).toBe('"sign-in";q=5;w=900');
    expect(last.body).toContain("Too many requests");
    expect(last.body).toContain("Try again in");
  });

  it("signs out everywhere", async () => {
    const first = new FormClient(app);
    const second = new FormClient(app);
    for (const client of [first, second]) {
      const link = await requestLink(client, smtp, "ada@example.org");
      await client.get(link.pathname + link.search);
      await client.post("/login/verify", { token: link.searchParams.get("token") ?? "" });
    }
    await first.get("/settings");
    expect((await first.post("/logout/everywhere", {})).statusCode).toBe(303);
    const after = await second.get("/settings");
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe("/login?next=%2Fsettings");
  });
});

describe("sign-in with open sign-up over https", () => {
  it("creates a member account on first use and marks the cookie Secure", async () => {
    const smtp = await startSmtpCapture();
    const instance = await createTestInstance({
      clock,
      env: { SMTP_URL: smtp.url, BASE_URL: "https://papers.example.org" },
    });
    const app = await buildApp(instance.services);
    try {
      const client = new FormClient(app);
      const link = await requestLink(client, smtp, "newcomer@example.org");
      expect(link.origin).toBe("https://papers.example.org");
      await client.get(link.pathname + link.search);
      const done = await client.post("/login/verify", { token: link.searchParams.get("token") ?? "" });
      expect(done.cookies.find((c) => c.name === "paperboy_session")?.secure).toBe(true);
      expect((await client.get("/settings")).body).toContain("member");
    } finally {
      await app.close();
      await instance.dispose();
      await smtp.close();
    }
  });
});
