import type { FastifyInstance } from "fastify";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { createMailer } from "../../src/mail/mailer.js";
import { buildApp } from "../../src/web/app.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

/** A real SMTP server on loopback that records each envelope recipient it is given. */
async function startRecipientLog() {
  const recipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      recipients.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    recipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the mailer takes addresses as values", () => {
  it("never reads group or list syntax out of an address it is handed", async () => {
    const log = await startRecipientLog();
    const mailer = createMailer({ smtpUrl: log.url, mailFrom: "Paperboy <news@paperboy.test>" });
    for (const to of ["grp:victim@example.test;", "ada@example.test, eve@example.test"]) {
      await mailer.send({ to, subject: "s", text: "t" }).catch(() => undefined);
    }
    expect(log.recipients).not.toContain("victim@example.test");
    expect(log.recipients).not.toContain("eve@example.test");
    mailer.close();
    await log.close();
  });
});

describe.each(BACKENDS)("one strict address check on every form (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let log: Awaited<ReturnType<typeof startRecipientLog>>;

  beforeAll(async () => {
    log = await startRecipientLog();
    instance = await createTestInstance({
      backend,
      clock: fixedClock("2026-07-01T12:00:00Z"),
      env: { SMTP_URL: log.url },
    });
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
    await log.close();
  });

  it("refuses a group address at sign-in and at subscribe alike, mailing no one", async () => {
    const client = new FormClient(app);
    for (const [page, action] of [
      ["/login", "/login"],
      ["/subscribe", "/subscribe"],
    ] as const) {
      await client.get(page);
      const response = await client.post(action, { email: "grp:victim@example.test" });
      expect(response.statusCode, action).toBe(400);
      expect(response.body).toContain("is not an email address");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log.recipients).toEqual([]);
  });
});
