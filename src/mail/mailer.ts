import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import { AppError, upstream } from "../core/errors.js";
import type { MailDelivery, Mailer } from "./mail-types.js";
import { createOutboxMailer, type OutboxOptions } from "./outbox.js";

// nodemailer's codes for a server that could not be reached or talked to at all, whatever the message.
const UNREACHABLE_CODES = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
]);

/**
 * True for a failure of the mail server as a whole (down, unreachable, not configured), as opposed to a
 * message it refused: no message can be sent until it is back, and no message is to blame.
 */
export function isMailServerDown(error: unknown): boolean {
  return error instanceof AppError && error.details?.mailServerDown === true;
}

/** The mailer for a configuration: SMTP when SMTP_URL is set, else the outbox when one is given, else none. */
export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">, outbox?: OutboxOptions): Mailer {
  if (config.smtpUrl) return createSmtpMailer(config.smtpUrl, config.mailFrom);
  return outbox ? createOutboxMailer(config.mailFrom, outbox) : unconfiguredMailer;
}

function createSmtpMailer(smtpUrl: string, mailFrom: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    delivery: { kind: "smtp" },
    async send(mail) {
      try {
        // The address goes over as a value, never as text for nodemailer to parse (groups, lists, comments).
        const to = { name: "", address: mail.to };
        const info = await transport.sendMail({ from: mailFrom, ...mail, to });
        return info.messageId;
      } catch (error) {
        const { code, message } = error as Error & { code?: string };
        if (code && UNREACHABLE_CODES.has(code))
          throw new AppError("upstream", `the mail server could not be reached: ${message}`, {
            mailServerDown: true,
          });
        throw upstream(`the mail server refused the message: ${message}`);
      }
    },
    close: () => transport.close(),
  };
}

const unconfiguredMailer: Mailer = {
  delivery: { kind: "off" },
  send: () =>
    Promise.reject(
      new AppError(
        "upstream",
        "no mail server is configured: set SMTP_URL (for example smtp://localhost:25)",
        {
          mailServerDown: true,
        },
      ),
    ),
  close: () => undefined,
};

/** The start-up line that says where mail goes, and what is off when it goes nowhere. */
export function mailDeliveryLine(delivery: MailDelivery): string {
  if (delivery.kind === "smtp") return "mail: sent through the server at SMTP_URL";
  if (delivery.kind === "outbox") {
    return `mail: no SMTP_URL, so nothing is sent: each message (sign-in links, confirmations, digests) is written to ${delivery.directory}/ and printed here (development; set SMTP_URL to send mail)`;
  }
  return "mail: no SMTP_URL in production, so sign-in and subscription are off until SMTP_URL names a mail server";
}
