import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMailer } from "../../src/mail/mailer.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";

describe("mailer", () => {
  let smtp: SmtpCapture;
  beforeEach(async () => {
    smtp = await startSmtpCapture();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it("hands both parts and extra headers to a real SMTP server", async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Paperboy <news@paperboy.test>" });
    await mailer.send({
      to: "ada@example.org",
      subject: "Hello",
      text: "plain part",
      html: "<p>html part</p>",
      headers: { "List-Unsubscribe": "<https://paperboy.test/u/x>" },
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe("Hello");
    expect(mail?.from?.text).toContain("news@paperboy.test");
    expect(mail?.text?.trim()).toBe("plain part");
    expect(mail?.html).toContain("<p>html part</p>");
    expect(mail?.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toBe(
      "List-Unsubscribe: <https://paperboy.test/u/x>",
    );
    mailer.close();
  });

  it("says clearly when the server refuses and when no server is configured", async () => {
    smtp.failNext(1);
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "p@paperboy.test" });
    await expect(mailer.send({ to: "a@b.org", subject: "s", text: "t" })).rejects.toThrow(
      /mail server refused/,
    );
    mailer.close();
    const none = createMailer({ smtpUrl: undefined, mailFrom: "p@paperboy.test" });
    await expect(none.send({ to: "a@b.org", subject: "s", text: "t" })).rejects.toThrow(/set SMTP_URL/);
  });
});
